package io.playloop.game;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.CatalogueItem;
import io.playloop.campaign.DemoCampaign;
import io.playloop.engine.Customer;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.store.CapacityMeter;
import io.playloop.store.Commit;
import io.playloop.store.ConcurrentUpdateException;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.InboundReceipt;
import io.playloop.store.Keys;
import io.playloop.store.PointsWrite;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.Messages;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Redemption under concurrency, through the message processor and DynamoDB Local: one customer cannot buy
 * twice with the same points, and a stock never goes below zero, however many Lambdas race.
 */
class RedemptionIT {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final int THREADS = 16;

    private final TestClock clock = new TestClock(T0);
    private final RecordingGraphApi graph = new RecordingGraphApi();
    private LocalDynamo dynamo;
    private DynamoGameStore store;
    private MessageProcessor processor;

    private void start(Campaign campaign) {
        dynamo = LocalDynamo.create();
        store = new DynamoGameStore(dynamo.client(), dynamo.tableName(), new CapacityMeter());
        Engine engine = new Engine(campaign, MessageCatalog.bundled(), "Café Lumière", () -> null,
                () -> new SplittableRandom(), "secret".getBytes(StandardCharsets.UTF_8));
        processor = new MessageProcessor(store, () -> engine, graph, clock, new ObjectMapper());
    }

    @AfterEach
    void stop() {
        dynamo.close();
    }

    /** A customer who said hello and holds {@code points}. */
    private void customerWith(String waId, long points) {
        processor.process(Messages.text("wamid.hello-" + waId, waId, "Léa", "hello", T0), "sqs-hello-" + waId);
        Customer customer = store.load(waId, "wamid.none", T0).customer().orElseThrow();
        LedgerResult.Applied grant = (LedgerResult.Applied) PointsAccount.empty().grant(points, "seed",
                "seed:" + waId, T0, T0.plus(Duration.ofDays(365)));
        store.commit(new Commit(new InboundReceipt("wamid.seed-" + waId, waId, InboundReceipt.Status.NO_REPLY, null,
                "seed", T0, T0.plus(InboundReceipt.RETENTION)), customer, customer.version(), Optional.empty(),
                Optional.of(new PointsWrite(grant.account(), 0, grant.entries()))));
    }

    /** Processes a message the way SQS would deliver it: a record that fails on contention comes back. */
    private void deliver(String wamid, String waId, String text) {
        Instant at = clock.instant();
        for (int delivery = 1; ; delivery++) {
            try {
                processor.process(Messages.text(wamid, waId, null, text, at), "sqs-" + wamid);
                return;
            } catch (ConcurrentUpdateException e) {
                if (delivery >= 50) {
                    throw e;
                }
            }
        }
    }

    private void race(List<Callable<Void>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> futures = pool.invokeAll(calls);
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private long rewardRecords(String prefix) {
        return dynamo.items().stream().filter(i -> i.get(Keys.SK).s().startsWith(prefix)).count();
    }

    @Test
    void fiftyConcurrentRedemptions_byACustomerWhoCanAffordOne_giveExactlyOneReward() throws Exception {
        start(DemoCampaign.get());
        String waId = "33612345678";
        customerWith(waId, 60);                                            // coffee costs 50
        clock.advance(Duration.ofSeconds(5));

        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String wamid = "wamid.redeem-" + i;
            calls.add(() -> {
                deliver(wamid, waId, "redeem 1");
                return null;
            });
        }
        race(calls);

        assertThat(rewardRecords(Keys.REWARD_PREFIX)).isEqualTo(1);
        assertThat(dynamo.items().stream().filter(i -> i.get(Keys.PK).s().startsWith(Keys.COUPON_PREFIX))).hasSize(1);
        assertThat(store.load(waId, "wamid.none", clock.instant()).points().account().balance(clock.instant()))
                .isEqualTo(10);
        List<String> bodies = graph.sent().stream().map(OutboundMessage::bodyText).toList();
        assertThat(bodies.stream().filter(b -> b.startsWith("🎁"))).hasSize(1);
        assertThat(bodies.stream().filter(b -> b.startsWith("Not quite"))).hasSize(49);
        assertThat(dynamo.item(Keys.stock("demo", "coffee")).get("taken").n()).isEqualTo("1");
    }

    @Test
    void thirtyCustomersRacingForTenInStock_getTenRewards_andTheStockNeverGoesBelowZero() throws Exception {
        Campaign demo = DemoCampaign.get();
        List<CatalogueItem> catalogue = new ArrayList<>(demo.catalogue());
        CatalogueItem coffee = catalogue.get(0);
        catalogue.set(0, new CatalogueItem(coffee.id(), coffee.name(), coffee.description(), coffee.cost(),
                OptionalLong.of(10), OptionalLong.empty(), coffee.validFor(), coffee.coupon()));
        start(new Campaign(demo.id(), demo.name(), demo.timeZone(), demo.defaultLanguage(), demo.languages(),
                demo.active(), demo.qualifyingActions(), demo.texts(), demo.keywords(), demo.points(), demo.quiz(),
                demo.spin(), demo.challenges(), demo.badges(), demo.tiers(), demo.tierPolicy(), demo.leaderboard(),
                catalogue));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String waId = "4477009001" + String.format("%02d", i);
            customers.add(waId);
            customerWith(waId, 60);
        }
        clock.advance(Duration.ofSeconds(5));

        List<Callable<Void>> calls = new ArrayList<>();
        for (String waId : customers) {
            calls.add(() -> {
                deliver("wamid.redeem-" + waId, waId, "redeem 1");
                return null;
            });
        }
        race(calls);

        assertThat(rewardRecords(Keys.REWARD_PREFIX)).isEqualTo(10);
        Map<String, AttributeValue> stock = dynamo.item(Keys.stock("demo", "coffee"));
        assertThat(stock.get("taken").n()).isEqualTo("10");
        List<String> bodies = graph.sent().stream().map(OutboundMessage::bodyText).toList();
        assertThat(bodies.stream().filter(b -> b.startsWith("🎁"))).hasSize(10);
        assertThat(bodies.stream().filter(b -> b.startsWith("Sorry, \u2068Free coffee\u2069 is out of stock"))).hasSize(20);
        long spent = customers.stream().filter(c -> store.load(c, "wamid.none", clock.instant()).points().account()
                .balance(clock.instant()) == 10).count();
        assertThat(spent).as("only the ten who got one paid").isEqualTo(10);
    }
}
