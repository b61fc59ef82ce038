package io.playloop.ingest;

import io.playloop.sqs.SqsIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.commerce.CommerceEvent;
import io.playloop.commerce.CommerceEventCodec;
import io.playloop.commerce.GenericCommerceWebhooks;
import io.playloop.commerce.ShopifyWebhooks;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.StaticSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

class CommerceWebhookHandlerTest {
    private static final String SHOP_SECRET = "local-shop-secret";
    private static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/playloop-inbound.fifo";
    private static final Path SAMPLES = Path.of("..", "..", "events", "commerce");
    /** Two days after the Shopify order sample, the day its refund sample was made. */
    private static final Instant NOW = Instant.parse("2026-11-25T15:20:04Z");

    private final ObjectMapper mapper = new ObjectMapper();
    private final ShopQueue sqs = new ShopQueue();
    private final ShopTable table = new ShopTable();
    private final ShopOrders orders = new ShopOrders(table, "playloop", Clock.fixed(NOW, ZoneOffset.UTC));
    private final CommerceEventCodec codec = new CommerceEventCodec(mapper);

    private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event) {
        return post(event, NOW);
    }

    private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event, Instant now) {
        PlayLoopConfig config = new PlayLoopConfig("playloop", QUEUE_URL, null, null, "100000000000001", null, null);
        IngestHandler handler = new IngestHandler(IngestHandler.Dependencies.builder().sqs(sqs).dynamo(table)
                .config(config)
                .secrets(new StaticSecrets("local-app-secret", "local-verify-token", "token", SHOP_SECRET))
                .clock(Clock.fixed(now, ZoneOffset.UTC)).defaultPhoneRegion("FR").build());
        return handler.handleRequest(event, null);
    }

    @Test
    void aSignedShopifyOrder_queuesOneRecord_inTheCustomersGroup_deduplicatedByItsEventId() throws Exception {
        APIGatewayV2HTTPResponse response = commerce().handle(new HttpRequest(sample("shopify-orders-paid.json")), System.nanoTime());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(mapper.readTree(response.getBody()).get("queued").asInt()).isEqualTo(1);
        SendMessageRequest sent = sqs.sent.get(0);
        assertThat(sqs.sent).hasSize(1);
        assertThat(sent.messageGroupId()).isEqualTo("33612345678");
        assertThat(sent.messageDeduplicationId()).isEqualTo(SqsIds.sha256Hex("order:shopify:820982911946154508"));
        assertThat(sent.queueUrl()).isEqualTo(QUEUE_URL);
        assertThat(CommerceEventCodec.isCommerceRecord(sent.messageBody())).isTrue();
        CommerceEvent.OrderPaid order = (CommerceEvent.OrderPaid) codec.read(sent.messageBody());
        assertThat(order.customerKey()).isEqualTo("33612345678");
        assertThat(table.customers()).containsEntry("SHOPORDER#shopify#820982911946154508", "33612345678");
    }

    @Test
    void aShopifyRefund_reachesTheCustomerItsOrderWasQueuedFor() {
        commerce().handle(new HttpRequest(sample("shopify-orders-paid.json")), System.nanoTime());
        APIGatewayV2HTTPResponse response = commerce().handle(new HttpRequest(sample("shopify-refunds-create.json")),
                System.nanoTime());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(sqs.sent).hasSize(2);
        SendMessageRequest refund = sqs.sent.get(1);
        assertThat(refund.messageGroupId()).isEqualTo("33612345678");
        assertThat(codec.read(refund.messageBody())).isInstanceOfSatisfying(CommerceEvent.OrderRefunded.class,
                r -> assertThat(r.eventId()).isEqualTo("refund:shopify:509562969"));
    }

    @Test
    void aRefundOfAnUnknownOrder_isRetriedWhileItsOrderMayStillArrive_thenAcknowledged() throws Exception {
        APIGatewayV2HTTPEvent refund = sample("shopify-refunds-create.json");
        APIGatewayV2HTTPResponse early = commerce(NOW).handle(new HttpRequest(refund), System.nanoTime());
        APIGatewayV2HTTPResponse late = commerce(NOW.plusSeconds(3600)).handle(new HttpRequest(refund), System.nanoTime());

        assertThat(early.getStatusCode()).isEqualTo(503);
        assertThat(late.getStatusCode()).isEqualTo(200);
        assertThat(mapper.readTree(late.getBody()).get("ignored").asText()).contains("never queued");
        assertThat(sqs.sent).isEmpty();
    }

    @Test
    void aReplayedOrderWithAnotherPhone_staysItsFirstCustomers() throws Exception {
        commerce().handle(new HttpRequest(sample("shopify-orders-paid.json")), System.nanoTime());
        ObjectNode edited = (ObjectNode) mapper.readTree(sample("shopify-orders-paid.json").getBody());
        edited.put("phone", "+44 7400 123456");

        commerce().handle(new HttpRequest(shopify("orders/paid", edited.toString(), SHOP_SECRET)), System.nanoTime());

        assertThat(sqs.sent).extracting(SendMessageRequest::messageGroupId).containsExactly("33612345678", "33612345678");
    }

    @Test
    void aBadOrMissingSignature_is401_andNothingIsQueued() throws Exception {
        String body = sample("shopify-orders-paid.json").getBody();
        assertThat(commerce().handle(new HttpRequest(shopify("orders/paid", body, "wrong-secret")), System.nanoTime())
                .getStatusCode()).isEqualTo(401);
        APIGatewayV2HTTPEvent unsigned = Events.event("POST", "/webhooks/commerce",
                new HashMap<>(Map.of("content-type", "application/json")), body, false);
        APIGatewayV2HTTPResponse response = commerce().handle(new HttpRequest(unsigned), System.nanoTime());
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(mapper.readTree(response.getBody()).get("error").asText()).contains("missing signature");
        APIGatewayV2HTTPEvent staleGeneric = sample("generic-order-completed.json"); // signed on 2026-11-23
        assertThat(commerce().handle(new HttpRequest(staleGeneric), System.nanoTime()).getStatusCode()).isEqualTo(401);
        assertThat(sqs.sent).isEmpty();
        assertThat(table.customers()).isEmpty();
    }

    @Test
    void genericEvents_signedNow_areQueued_andAnInvalidOne_is400WithEveryProblem() throws Exception {
        for (String file : List.of("generic-order-completed.json", "generic-order-refunded.json",
                "generic-customer-updated.json")) {
            APIGatewayV2HTTPResponse r = commerce().handle(new HttpRequest(generic(sample(file).getBody(), NOW)),
                    System.nanoTime());
            assertThat(r.getStatusCode()).as(file).isEqualTo(200);
        }
        assertThat(sqs.sent).extracting(SendMessageRequest::messageGroupId)
                .containsExactly("33612345678", "33612345678", "971501234567");

        APIGatewayV2HTTPResponse bad = commerce().handle(new HttpRequest(generic(
                "{\"type\":\"order.completed\",\"id\":\"1\",\"occurred_at\":\"2026-11-23T10:00:00Z\","
                        + "\"customer\":{\"phone\":\"33 6 12\"},\"currency\":\"EUR\"}", NOW)), System.nanoTime());
        assertThat(bad.getStatusCode()).isEqualTo(400);
        JsonNode json = mapper.readTree(bad.getBody());
        assertThat(json.get("error").asText()).isEqualTo("invalid commerce event");
        assertThat(json.get("problems")).extracting(JsonNode::asText)
                .anySatisfy(p -> assertThat(p).startsWith("customer.phone:").contains("not a valid number"))
                .anySatisfy(p -> assertThat(p).startsWith("total:"));
        assertThat(sqs.sent).hasSize(3);
    }

    @Test
    void aShopifyOrderWithAnInvalidPhone_isAcknowledged_butNotQueued() throws Exception {
        ObjectNode order = (ObjectNode) mapper.readTree(sample("shopify-orders-paid.json").getBody());
        order.put("phone", "06 12");
        order.remove("customer");
        order.remove("billing_address");
        order.remove("shipping_address");

        APIGatewayV2HTTPResponse r = commerce().handle(new HttpRequest(shopify("orders/paid", order.toString(), SHOP_SECRET)),
                System.nanoTime());

        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(mapper.readTree(r.getBody()).get("ignored").asText()).contains("not a valid number");
        assertThat(sqs.sent).isEmpty();
        assertThat(table.customers()).isEmpty();
    }

    @Test
    void otherTopics_areAcknowledged_andSqsFailures_are500() {
        assertThat(commerce().handle(new HttpRequest(shopify("customers/create", "{\"id\":1}", SHOP_SECRET)),
                System.nanoTime()).getStatusCode()).isEqualTo(200);
        sqs.failure = () -> SdkClientException.create("connection refused");
        assertThat(commerce().handle(new HttpRequest(sample("shopify-orders-paid.json")), System.nanoTime())
                .getStatusCode()).isEqualTo(500);
        assertThat(sqs.sent).isEmpty();
    }

    @Test
    void withoutAShopSecret_theWebhookAnswers500_soTheShopRetries() {
        CommerceWebhookHandler noSecret = new CommerceWebhookHandler(sqs, QUEUE_URL, orders,
                new StaticSecrets("a", "v", "t"), Clock.fixed(NOW, ZoneOffset.UTC), new io.playloop.commerce.PhoneNumbers("FR"));
        assertThat(noSecret.handle(new HttpRequest(sample("shopify-orders-paid.json")), System.nanoTime())
                .getStatusCode()).isEqualTo(500);
    }

    @Test
    void theIngestHandler_routesCommerce_andRefusesOtherMethods() {
        assertThat(post(sample("shopify-orders-paid.json")).getStatusCode()).isEqualTo(200);
        assertThat(post(Events.event("GET", "/webhooks/commerce", new HashMap<>(), null, false)).getStatusCode())
                .isEqualTo(405);
        PlayLoopConfig config = new PlayLoopConfig("playloop", QUEUE_URL, null, null, "100000000000001", null, null);
        IngestHandler whatsAppOnly = new IngestHandler(IngestHandler.Dependencies.builder().sqs(sqs).config(config)
                .secrets(new StaticSecrets("a", "v", "t")).build());
        assertThat(whatsAppOnly.handleRequest(sample("shopify-orders-paid.json"), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void handlerTimePerWebhook_isReported() {
        CommerceWebhookHandler warm = commerce();
        warm.warmUp();
        APIGatewayV2HTTPEvent order = sample("shopify-orders-paid.json");
        int n = 2000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            warm.handle(new HttpRequest(order), System.nanoTime());
        }
        double micros = (System.nanoTime() - t0) / 1000.0 / n;
        System.out.printf("commerce webhook handler (Shopify orders/paid, fake SQS and table): %.1f us per webhook%n", micros);
        assertThat(sqs.sent).hasSize(n);
    }

    private CommerceWebhookHandler commerce() {
        return commerce(NOW);
    }

    private CommerceWebhookHandler commerce(Instant now) {
        return new CommerceWebhookHandler(sqs, QUEUE_URL, orders,
                new StaticSecrets("local-app-secret", "local-verify-token", "token", SHOP_SECRET),
                Clock.fixed(now, ZoneOffset.UTC), new io.playloop.commerce.PhoneNumbers("FR"));
    }

    private static APIGatewayV2HTTPEvent sample(String file) {
        return EventLoader.loadApiGatewayHttpEvent(SAMPLES.resolve(file).toString());
    }

    private static APIGatewayV2HTTPEvent shopify(String topic, String body, String secret) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("x-shopify-topic", topic);
        headers.put("x-shopify-webhook-id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
        headers.put("x-shopify-hmac-sha256", ShopifyWebhooks.sign(body.getBytes(StandardCharsets.UTF_8), secret));
        return Events.event("POST", "/webhooks/commerce", headers, body, false);
    }

    private static APIGatewayV2HTTPEvent generic(String body, Instant at) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("x-playloop-timestamp", Long.toString(at.getEpochSecond()));
        headers.put("x-playloop-signature", GenericCommerceWebhooks.sign(at.getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8), SHOP_SECRET));
        return Events.event("POST", "/webhooks/commerce", headers, body, false);
    }
}
