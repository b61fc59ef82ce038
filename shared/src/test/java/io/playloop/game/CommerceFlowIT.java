package io.playloop.game;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.DemoCampaign;
import io.playloop.commerce.CommerceEvent;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.Keys;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.Messages;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders, refunds and customer updates from the shop through the message processor and DynamoDB Local:
 * points per order and per amount, taken back by a refund, each exactly once; coupons marked used; the last
 * product in the texts.
 */
class CommerceFlowIT {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String LEA = "33612345678";

    private final TestClock clock = new TestClock(T0);
    private final RecordingGraphApi graph = new RecordingGraphApi();
    private LocalDynamo dynamo;
    private DynamoGameStore store;
    private MessageProcessor processor;

    @BeforeEach
    void start() {
        dynamo = LocalDynamo.create();
        store = new DynamoGameStore(dynamo.client(), dynamo.tableName(), new CapacityMeter());
        Engine engine = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière", () -> null,
                () -> new SplittableRandom(9), "secret".getBytes(StandardCharsets.UTF_8));
        processor = new MessageProcessor(store, () -> engine, graph, clock, new ObjectMapper());
    }

    @AfterEach
    void stop() {
        dynamo.close();
    }

    private static CommerceEvent.OrderPaid order(String id, String total, List<String> codes) {
        return new CommerceEvent.OrderPaid("shopify", LEA, T0, id, new BigDecimal(total), "EUR", codes,
                List.of("Espresso beans 1 kg", "Mug"));
    }

    private long balance() {
        return store.load(LEA, "wamid.none", clock.instant()).points().account().balance(clock.instant());
    }

    private String say(String text) {
        clock.advance(Duration.ofSeconds(10));
        processor.process(Messages.text("wamid.C" + clock.instant().getEpochSecond(), LEA, "Léa", text,
                clock.instant()), "sqs-" + clock.instant());
        List<OutboundMessage> sent = graph.sent();
        return sent.get(sent.size() - 1).bodyText().replaceAll("[\u2066-\u2069]", "");
    }

    @Test
    void anOrder_earnsPerOrderAndPerAmount_once_andItsRefundTakesThemBack_once() {
        // 10 per order + 1 per 10 EUR: 42.50 EUR earns 14; the customer has never chatted yet.
        assertThat(processor.processCommerce(order("1001", "42.50", List.of()), "sqs-1"))
                .isEqualTo(ProcessingResult.NO_REPLY);
        assertThat(balance()).isEqualTo(14);
        assertThat(processor.processCommerce(order("1001", "42.50", List.of()), "sqs-2"))
                .isEqualTo(ProcessingResult.DUPLICATE);
        assertThat(balance()).isEqualTo(14);
        assertThat(graph.sent()).as("points nobody asked about are not announced here").isEmpty();

        CommerceEvent.OrderRefunded refund = new CommerceEvent.OrderRefunded("shopify", LEA, T0.plusSeconds(60),
                "1001", "r-1", new BigDecimal("42.50"), "EUR");
        processor.processCommerce(refund, "sqs-3");
        processor.processCommerce(refund, "sqs-4");

        assertThat(balance()).isZero();
        assertThat(dynamo.item(Keys.ledgerEntry(LEA, "REVERSE#order:shopify:1001"))).isNotNull();
        assertThat(dynamo.item(Keys.ledgerEntry(LEA, "GRANT#order:shopify:1001")).get("points").n()).isEqualTo("14");
    }

    @Test
    void aCouponTheCustomerRedeemed_isMarkedUsed_whenAnOrderCarriesIt() {
        say("hello");
        processor.processCommerce(order("2001", "500", List.of()), "sqs-1"); // 10 + 50 = 60 points
        String redeemed = say("redeem 1");
        String code = redeemed.replaceAll("(?s).*Your code: (CAFE-[A-Z0-9]{4}-[A-Z0-9]{4}).*", "$1");
        assertThat(code).startsWith("CAFE-");

        processor.processCommerce(order("2002", "12", List.of(code.toLowerCase())), "sqs-2");

        assertThat(dynamo.item(Keys.coupon(code)).get("status").s()).isEqualTo("USED");
        assertThat(say("rewards")).doesNotContain(code);
    }

    @Test
    void theLastProduct_fillsTheTexts_andAnUpdateSetsAttributes() {
        say("hello");
        processor.processCommerce(order("3001", "5", List.of()), "sqs-1");

        assertThat(say("rewards")).startsWith("No rewards yet. Loved Espresso beans 1 kg? Spin the wheel");

        processor.processCommerce(new CommerceEvent.CustomerUpdated("generic", LEA, T0.plusSeconds(5), "u-1",
                Map.of("last_product", "Thé vert", "favourite_colour", "ignored")), "sqs-2");
        assertThat(say("rewards")).startsWith("No rewards yet. Loved Thé vert?");
    }

    @Test
    void anOrderIdOf200Characters_earnsItsPoints_andItsRefundTakesThemBack() {
        String id = "commande-" + "é".repeat(100) + "-" + "x".repeat(90);
        CommerceEvent.OrderPaid order = new CommerceEvent.OrderPaid("generic", LEA, T0, id, new BigDecimal("42.50"),
                "EUR", List.of(), List.of("Mug"));

        assertThat(processor.processCommerce(order, "sqs-1")).isEqualTo(ProcessingResult.NO_REPLY);
        assertThat(balance()).isEqualTo(14);
        processor.processCommerce(new CommerceEvent.OrderRefunded("generic", LEA, T0.plusSeconds(60), id,
                "R-" + "y".repeat(198), new BigDecimal("42.50"), "EUR"), "sqs-2");
        assertThat(balance()).isZero();
    }

    @Test
    void anOrderWithAnAbsurdTotal_earnsWhatItsCapsAllow_insteadOfOverflowing() {
        // 10 per order + 1 per 10 EUR, capped at 200 a day: 1e30 EUR earns 210, like 2,000 EUR would.
        assertThat(processor.processCommerce(order("4001", "1e30", List.of()), "sqs-1"))
                .isEqualTo(ProcessingResult.NO_REPLY);
        assertThat(balance()).isEqualTo(210);
    }

    @Test
    void anOrderReplayedAfterItsReceiptExpired_isAcknowledged_andChangesNothing() {
        processor.processCommerce(order("5001", "42.50", List.of()), "sqs-1");
        clock.advance(Duration.ofDays(9)); // the receipt (8 days) is gone; the ledger entry stays

        assertThat(processor.processCommerce(order("5001", "42.50", List.of()), "sqs-2"))
                .isEqualTo(ProcessingResult.DUPLICATE);

        assertThat(store.load(LEA, "wamid.none", clock.instant()).points().account().earnedTotal()).isEqualTo(14);
        assertThat(orders()).isEqualTo(1);
    }

    @Test
    void anOrderFirstAcceptedLongerAgoThanAReceiptLives_isNotApplied_evenWhenItWouldEarnNothing() {
        clock.advance(Duration.ofDays(9));
        CommerceEvent.OrderPaid late = order("6001", "0", List.of()).firstAccepted(LEA, T0);

        assertThat(processor.processCommerce(late, "sqs-1")).isEqualTo(ProcessingResult.DUPLICATE);

        assertThat(dynamo.item(Keys.customer(LEA))).as("nothing written, not even the customer").isNull();
        CommerceEvent.OrderPaid recent = order("6002", "0", List.of()).firstAccepted(LEA,
                clock.instant().minus(Duration.ofDays(7)));
        assertThat(processor.processCommerce(recent, "sqs-2")).isEqualTo(ProcessingResult.NO_REPLY);
        assertThat(orders()).isEqualTo(1);
    }

    /** The customer's {@code order} action counter. */
    private long orders() {
        var item = dynamo.item(Keys.progress(LEA));
        return item == null ? 0 : Long.parseLong(item.get("actions").m().get("order").n());
    }
}
