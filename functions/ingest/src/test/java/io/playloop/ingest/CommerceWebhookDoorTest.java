package io.playloop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.commerce.CommerceEvent;
import io.playloop.commerce.CommerceEventCodec;
import io.playloop.commerce.GenericCommerceWebhooks;
import io.playloop.commerce.PhoneNumbers;
import io.playloop.commerce.ShopifyWebhooks;
import io.playloop.config.StaticSecrets;
import io.playloop.ledger.EntryKind;
import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.Lot;
import io.playloop.ledger.PointsAccount;
import io.playloop.rewards.RewardJob;
import io.playloop.store.Keys;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The commerce route's door (issue 10): every id, amount, date and text of a shop event is checked before
 * anything is built from it, oversized orders are reduced to what PlayLoop uses, replays older than the
 * receipts are acknowledged and not queued, Shopify hears 2xx for what it cannot fix, and no log line
 * names the customer.
 */
class CommerceWebhookDoorTest {
    private static final String SHOP_SECRET = "local-shop-secret";
    private static final Path SAMPLES = Path.of("..", "..", "events", "commerce");
    /** Two days after the Shopify order sample. */
    private static final Instant NOW = Instant.parse("2026-11-25T15:20:04Z");
    private static final String LEA = "33612345678";

    private final ObjectMapper mapper = new ObjectMapper();
    private final ShopQueue sqs = new ShopQueue();
    private final ShopTable table = new ShopTable();
    private final CommerceEventCodec codec = new CommerceEventCodec(mapper);

    // 1. Ids

    @Test
    void aGenericOrderIdOf200Characters_isQueuedInFull_andEveryKeyAndLedgerIdBuiltFromItFits() throws Exception {
        String id = "commande-" + "é".repeat(100) + "-" + "x".repeat(90);
        assertThat(id).hasSize(200);

        APIGatewayV2HTTPResponse r = post(generic(order(mapper.writeValueAsString(id), "\"59.90\"", NOW), NOW), NOW);

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        CommerceEvent.OrderPaid order = (CommerceEvent.OrderPaid) codec.read(sqs.sent.get(0).messageBody());
        assertThat(order.orderId()).as("the full id travels as an attribute").isEqualTo(id);
        for (String eventId : List.of(order.eventId(), "tierbonus:" + order.eventId())) {
            assertThat(PointsAccount.empty().grant(10, "order", eventId, order.occurredAt(), Lot.NEVER))
                    .isInstanceOf(LedgerResult.Applied.class);
            for (EntryKind kind : EntryKind.values()) {
                assertThat(utf8(Keys.ledgerEntry(LEA, LedgerEntry.idOf(kind, eventId)).get(Keys.SK).s()))
                        .isLessThanOrEqualTo(1024);
            }
        }
        String job = RewardJob.crmSync(order.eventId(), LEA, "demo").jobId();
        assertThat(utf8(Keys.receipt(LEA, "job:" + job).get(Keys.SK).s())).isLessThanOrEqualTo(1024);
        assertThat(utf8(Keys.receipt(LEA, order.eventId()).get(Keys.SK).s())).isLessThanOrEqualTo(1024);
    }

    @Test
    void idsAndTextsWithCharactersTheQueueCannotCarry_areRefused_withTheirField() throws Exception {
        for (String id : List.of("A\uD800B", "A\uFFFFB", "A\u0000B", "A\nB", "x".repeat(201))) {
            APIGatewayV2HTTPResponse r = post(generic(escaped(order(mapper.writeValueAsString(id), "\"9.90\"", NOW)),
                    NOW), NOW);
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
            assertThat(problems(r)).anySatisfy(p -> assertThat(p).startsWith("id:"));
        }
        ObjectNode codes = (ObjectNode) mapper.readTree(order("\"A-1\"", "\"9.90\"", NOW));
        codes.putArray("discount_codes").add("BIENVENUE\uFFFE");
        assertThat(problems(post(generic(escaped(codes.toString()), NOW), NOW)))
                .anySatisfy(p -> assertThat(p).startsWith("discount_codes:"));
        ObjectNode products = (ObjectNode) mapper.readTree(order("\"A-1\"", "\"9.90\"", NOW));
        products.putArray("products").add("Savon \uDC00");
        assertThat(problems(post(generic(escaped(products.toString()), NOW), NOW)))
                .anySatisfy(p -> assertThat(p).startsWith("products:"));
        String update = "{\"type\":\"customer.updated\",\"id\":\"U-1\",\"occurred_at\":\"" + NOW + "\","
                + "\"customer\":{\"phone\":\"+33612345678\"},\"attributes\":{\"first_name\":\"L\\u0000a\"}}";
        assertThat(problems(post(generic(update, NOW), NOW)))
                .anySatisfy(p -> assertThat(p).startsWith("attributes.first_name:"));
        assertThat(sqs.sent).isEmpty();
    }

    // 2. and 3. Amounts and dates

    @Test
    void aGenericTotalOf1e30_anExponentTotal_orADateOutOfRange_isRefused400_withItsField() throws Exception {
        for (String total : List.of("\"1e30\"", "1e30", "\"1e999999999\"", "1e999999999", "\"1000000000000.01\"",
                "\"-0.01\"", "\"1.0000001\"", "\"" + "9".repeat(5000) + "\"")) {
            APIGatewayV2HTTPResponse r = post(generic(order("\"A-1\"", total, NOW), NOW), NOW);
            assertThat(r.getStatusCode()).as(total).isEqualTo(400);
            assertThat(problems(r)).as(total).anySatisfy(p -> assertThat(p).startsWith("total:").contains("10^12"));
        }
        for (Instant at : List.of(Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("1999-12-31T23:59:59Z"),
                NOW.plus(Duration.ofDays(2)))) {
            APIGatewayV2HTTPResponse r = post(generic(order("\"A-1\"", "\"9.90\"", at), NOW), NOW);
            assertThat(r.getStatusCode()).as(at.toString()).isEqualTo(400);
            assertThat(problems(r)).anySatisfy(p -> assertThat(p).startsWith("occurred_at:"));
        }
        assertThat(sqs.sent).isEmpty();

        APIGatewayV2HTTPResponse most = post(generic(order("\"A-2\"", "\"1000000000000\"", NOW), NOW), NOW);
        APIGatewayV2HTTPResponse exponent = post(generic(order("\"A-3\"", "\"1.5E+3\"", NOW), NOW), NOW);
        assertThat(List.of(most.getStatusCode(), exponent.getStatusCode())).containsOnly(200);
        assertThat(sqs.sent).extracting(s -> ((CommerceEvent.OrderPaid) codec.read(s.messageBody())).total())
                .containsExactly(new BigDecimal("1000000000000"), new BigDecimal("1500"));
    }

    @Test
    void aShopifyOrderTotalling1e999999999_isAcknowledgedAndNotQueued_withoutExpandingTheNumber() throws Exception {
        for (String total : List.of("\"1e999999999\"", "\"1e30\"", "1e30", "\"-5.00\"")) {
            ObjectNode order = sampleOrder();
            order.set("total_price", mapper.readTree(total));

            APIGatewayV2HTTPResponse r = post(shopify("orders/paid", order.toString()), NOW);

            assertThat(r.getStatusCode()).as(total).isEqualTo(200);
            assertThat(mapper.readTree(r.getBody()).get("queued").asInt()).isZero();
            assertThat(mapper.readTree(r.getBody()).get("ignored").asText()).contains("total_price");
        }
        ObjectNode yearZero = sampleOrder();
        yearZero.put("processed_at", "0000-01-01T00:00:00+00:00");
        APIGatewayV2HTTPResponse r = post(shopify("orders/paid", yearZero.toString()), NOW);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(mapper.readTree(r.getBody()).get("ignored").asText()).contains("processed_at");
        assertThat(sqs.sent).isEmpty();
        assertThat(table.items).as("nothing is recorded for an order that is not queued").isEmpty();
    }

    // 4. Oversized orders

    @Test
    void aPaidShopifyOrderOf1500LineItems_isQueued_reducedToWhatPlayLoopUses() throws Exception {
        ObjectNode order = sampleOrder();
        ArrayNode items = order.putArray("line_items");
        for (int i = 0; i < 1500; i++) {
            items.addObject().put("id", 866550311766439020L + i).put("quantity", 1).put("price", "1.00")
                    .put("sku", "SKU-" + i).put("title", "Coffret découverte n°" + i + " — "
                            + "thé vert sencha, thé noir fumé, infusion verveine-citron, ".repeat(3));
        }
        String body = order.toString();
        assertThat(body.length()).isGreaterThan(300_000);

        long t0 = System.nanoTime();
        APIGatewayV2HTTPResponse r = post(shopify("orders/paid", body), NOW);
        long micros = (System.nanoTime() - t0) / 1000;

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(sqs.sent).hasSize(1);
        String record = sqs.sent.get(0).messageBody();
        System.out.printf("Shopify orders/paid of 1,500 line items: body %,d bytes, queued record %,d bytes, handled in"
                + " %,d us (cold)%n", utf8(body), utf8(record), micros);
        assertThat(utf8(record)).isLessThan(16 * 1024);
        CommerceEvent.OrderPaid queued = (CommerceEvent.OrderPaid) codec.read(record);
        assertThat(queued.productTitles()).hasSizeLessThanOrEqualTo(10)
                .first().asString().startsWith("Coffret découverte n°0 — ");
        assertThat(queued.total()).isEqualByComparingTo("59.90");
    }

    // 5. Replays

    @Test
    void aCapturedShopifyOrderReplayedAWeekLater_isAcknowledged_andNotQueued() throws Exception {
        APIGatewayV2HTTPResponse r = post(sample("shopify-orders-paid.json"), NOW.plus(Duration.ofDays(7)));

        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(mapper.readTree(r.getBody()).get("queued").asInt()).isZero();
        assertThat(mapper.readTree(r.getBody()).get("ignored").asText()).contains("7 days");
        assertThat(sqs.sent).isEmpty();
    }

    @Test
    void aShopifyDeliveryTriggeredMoreThanAWeekAgo_isAcknowledged_andNotQueued() throws Exception {
        APIGatewayV2HTTPEvent event = shopify("orders/paid", sampleOrder().toString());
        event.getHeaders().put("x-shopify-triggered-at", NOW.minus(Duration.ofDays(8)).toString());

        APIGatewayV2HTTPResponse r = post(event, NOW);

        assertThat(mapper.readTree(r.getBody()).get("queued").asInt()).isZero();
        assertThat(sqs.sent).isEmpty();
    }

    @Test
    void anOrderPaidLongAfterItWasPlaced_isQueued_forItsPaymentIsRecent() throws Exception {
        ObjectNode order = sampleOrder();
        order.put("created_at", NOW.minus(Duration.ofDays(20)).toString());
        order.put("processed_at", NOW.minus(Duration.ofDays(20)).toString());
        order.put("updated_at", NOW.minus(Duration.ofHours(1)).toString());

        APIGatewayV2HTTPResponse r = post(shopify("orders/paid", order.toString()), NOW);

        assertThat(mapper.readTree(r.getBody()).get("queued").asInt()).as(r.getBody()).isEqualTo(1);
    }

    @Test
    void theSameGenericOrderSentAgainAWeekAfterItWasFirstAccepted_isAcknowledged_andNotQueued() throws Exception {
        Instant then = NOW.minus(Duration.ofDays(8));
        assertThat(post(generic(order("\"A-7\"", "\"20.00\"", then), then), then).getStatusCode()).isEqualTo(200);

        APIGatewayV2HTTPResponse again = post(generic(order("\"A-7\"", "\"20.00\"", NOW), NOW), NOW);

        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(mapper.readTree(again.getBody()).get("queued").asInt()).isZero();
        assertThat(mapper.readTree(again.getBody()).get("ignored").asText()).contains("first accepted");
        assertThat(sqs.sent).hasSize(1);
    }

    @Test
    void aGenericEventThatHappenedMoreThanAWeekAgo_isAcknowledged_andNotQueued() throws Exception {
        APIGatewayV2HTTPResponse r = post(generic(order("\"A-8\"", "\"20.00\"", NOW.minus(Duration.ofDays(8))), NOW),
                NOW);

        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(mapper.readTree(r.getBody()).get("queued").asInt()).isZero();
        assertThat(mapper.readTree(r.getBody()).get("ignored").asText()).contains("7 days");
        assertThat(sqs.sent).isEmpty();
    }

    // 6. Answers

    @Test
    void shopifyWebhooksPlayLoopCannotUse_areAnswered200_withTheReason_andNothingIsQueued() throws Exception {
        ObjectNode noAmount = sampleOrder();
        noAmount.remove("total_price");
        for (APIGatewayV2HTTPEvent event : List.of(shopify("orders/paid", "<order><id>1</id></order>"),
                shopify("orders/paid", "[1,2,3]"), shopify("orders/paid", noAmount.toString()),
                shopify("refunds/create", "{\"id\":\"\"}"))) {
            APIGatewayV2HTTPResponse r = post(event, NOW);
            assertThat(r.getStatusCode()).as(event.getBody()).isEqualTo(200);
            assertThat(mapper.readTree(r.getBody()).get("queued").asInt()).isZero();
            assertThat(mapper.readTree(r.getBody()).get("ignored").asText()).isNotBlank();
        }
        assertThat(sqs.sent).isEmpty();
    }

    @Test
    void aRecordTheQueueRefusesForItsContent_isAnswered200ToShopify_and400ToTheGenericFormat() throws Exception {
        sqs.failure = () -> InvalidMessageContentsException.builder().statusCode(400).awsErrorDetails(
                AwsErrorDetails.builder().errorCode("InvalidMessageContents").errorMessage("bad").build()).build();

        APIGatewayV2HTTPResponse shop = post(sample("shopify-orders-paid.json"), NOW);
        APIGatewayV2HTTPResponse other = post(generic(order("\"A-9\"", "\"9.90\"", NOW), NOW), NOW);

        assertThat(shop.getStatusCode()).isEqualTo(200);
        assertThat(mapper.readTree(shop.getBody()).get("queued").asInt()).isZero();
        assertThat(other.getStatusCode()).isEqualTo(400);
    }

    @Test
    void aQueueOutageOrThrottling_is500_soTheShopRetries() throws Exception {
        for (var failure : List.<java.util.function.Supplier<RuntimeException>>of(
                () -> SdkClientException.create("connect timed out"),
                () -> ShopQueue.refused("ThrottlingException", "Rate exceeded"),
                () -> SqsException.builder().statusCode(500).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("InternalError").build()).build())) {
            sqs.failure = failure;
            assertThat(post(sample("shopify-orders-paid.json"), NOW).getStatusCode()).isEqualTo(500);
            assertThat(post(generic(order("\"A-10\"", "\"9.90\"", NOW), NOW), NOW).getStatusCode()).isEqualTo(500);
        }
    }

    // 7. Logs

    @Test
    void noLogLine_namesTheCustomerOrWhatTheyBought_norEchoesTheQueuesError() throws Exception {
        sqs.failure = () -> ShopQueue.refused("InternalError", "could not store {\"customerKey\":\"33612345678\","
                + "\"productTitles\":[\"Sac cabas en lin\"],\"name\":\"Léa Martin\"}");
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.start()) {
            post(sample("shopify-orders-paid.json"), NOW);
            post(generic(order("\"A-11\"", "\"9.90\"", NOW), NOW), NOW);
            sqs.failure = null;
            ObjectNode badPhone = sampleOrder();
            for (String field : List.of("customer", "billing_address", "shipping_address")) {
                badPhone.remove(field);
            }
            badPhone.put("phone", "Léa Martin 06 12");
            post(shopify("orders/paid", badPhone.toString()), NOW);
            post(generic(order("\"A-12\"", "\"1e30\"", NOW).replace("0612345678", "+33 6 12 34 56 7"), NOW), NOW);
            lines = logs.lines();
        }
        assertThat(lines).isNotEmpty();
        for (String secret : List.of("612345678", "6 12 34 56", "Léa", "Martin", "lea.martin", "rue de la Paix",
                "Sac cabas", "Savon", "could not store")) {
            assertThat(lines).as(secret).noneMatch(line -> line.contains(secret));
        }
    }

    // Helpers

    private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event, Instant now) {
        return new CommerceWebhookHandler(sqs, "https://sqs.eu-west-1.amazonaws.com/123456789012/playloop-inbound.fifo",
                new ShopOrders(table, "playloop", Clock.fixed(now, ZoneOffset.UTC)),
                new StaticSecrets("local-app-secret", "local-verify-token", "token", SHOP_SECRET),
                Clock.fixed(now, ZoneOffset.UTC), new PhoneNumbers("FR")).handle(new HttpRequest(event), System.nanoTime());
    }

    private List<String> problems(APIGatewayV2HTTPResponse r) throws Exception {
        JsonNode problems = mapper.readTree(r.getBody()).path("problems");
        return java.util.stream.StreamSupport.stream(problems.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** A generic order.completed for Léa; {@code id} and {@code total} are JSON values. */
    private static String order(String id, String total, Instant at) {
        return "{\"type\":\"order.completed\",\"id\":" + id + ",\"occurred_at\":\"" + at + "\",\"customer\":"
                + "{\"phone\":\"0612345678\"},\"total\":" + total + ",\"currency\":\"EUR\","
                + "\"discount_codes\":[\"BIENVENUE5\"],\"products\":[\"Savon au miel\"]}";
    }

    private ObjectNode sampleOrder() throws Exception {
        return (ObjectNode) mapper.readTree(sample("shopify-orders-paid.json").getBody());
    }

    /**
     * The JSON with every character outside printable ASCII written as a \\u escape: the only way a lone
     * surrogate reaches a parser (as raw text it would not survive UTF-8 encoding).
     */
    private static String escaped(String json) {
        StringBuilder out = new StringBuilder();
        for (char c : json.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7E ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static APIGatewayV2HTTPEvent sample(String file) {
        return EventLoader.loadApiGatewayHttpEvent(SAMPLES.resolve(file).toString());
    }

    static APIGatewayV2HTTPEvent shopify(String topic, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("x-shopify-topic", topic);
        headers.put("x-shopify-webhook-id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
        headers.put("x-shopify-hmac-sha256", ShopifyWebhooks.sign(body.getBytes(StandardCharsets.UTF_8), SHOP_SECRET));
        return Events.event("POST", "/webhooks/commerce", headers, body, false);
    }

    static APIGatewayV2HTTPEvent generic(String body, Instant at) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("x-playloop-timestamp", Long.toString(at.getEpochSecond()));
        headers.put("x-playloop-signature", GenericCommerceWebhooks.sign(at.getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8), SHOP_SECRET));
        return Events.event("POST", "/webhooks/commerce", headers, body, false);
    }
}
