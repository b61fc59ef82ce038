package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.http.Json;
import io.playloop.store.Keys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code POST /webhooks/commerce} through the whole local cloud (started as the README starts it): the real
 * ingest function behind the API Gateway emulation, with the local shop secret, DynamoDB Local and ElasticMQ.
 * What the game then does with the records is the game's business (and not asserted here); that exactly one
 * record per event lands in the customer's FIFO group is shown record by record in {@link CommerceQueueIT}.
 */
class CommerceWebhookIT {
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static RunningLocalCloud cloud;
    private static CommerceSamples shop;
    private static LocalCloudClient client;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudOptions.forTests().withOut(new PrintStream(CONSOLE, true, StandardCharsets.UTF_8)));
        shop = new CommerceSamples(cloud.baseUrl(), cloud.clock()::instant);
        client = new LocalCloudClient(cloud.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void aShopifyOrder_thenItsRefund_areQueuedForTheSameCustomer_andABadSignatureQueuesNothing() throws Exception {
        long sends = sendMessages();

        HttpResponse<String> order = shop.postSample(CommerceSamples.SHOPIFY_ORDER);
        assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
        assertThat(Json.parse(order.body().getBytes(StandardCharsets.UTF_8)).path("eventId").asText()).isEqualTo("order:shopify:820982911946154508");
        assertThat(sendMessages()).isEqualTo(sends + 1);
        // The order's customer, kept for its refund, is the normalised phone "+33 6 12 34 56 78".
        Map<String, AttributeValue> link = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName())
                .key(Keys.shopOrder("shopify", "820982911946154508")).consistentRead(true)).item();
        assertThat(link.get("customerKey").s()).isEqualTo("33612345678");

        HttpResponse<String> refund = shop.postSample(CommerceSamples.SHOPIFY_REFUND);
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(200);
        assertThat(Json.parse(refund.body().getBytes(StandardCharsets.UTF_8)).path("eventId").asText()).isEqualTo("refund:shopify:509562969");
        assertThat(sendMessages()).isEqualTo(sends + 2);

        HttpResponse<String> forged = shop.postShopifySignedWith(CommerceSamples.SHOPIFY_ORDER, "not-the-shop-secret");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(sendMessages()).isEqualTo(sends + 2);
    }

    @Test
    void genericEvents_signedWithTheLocalShopSecret_areAccepted_andAnInvalidOneIs400WithItsProblems() throws Exception {
        for (String file : new String[] {"generic-order-completed.json", "generic-order-refunded.json",
                "generic-customer-updated.json"}) {
            HttpResponse<String> r = shop.postGenericSignedAt(file, cloud.clock().instant(),
                    LocalCloudOptions.DEFAULT_SHOP_SECRET);
            assertThat(r.statusCode()).as(file + ": " + r.body()).isEqualTo(200);
        }
        HttpResponse<String> stale = shop.postGenericSignedAt("generic-order-completed.json",
                cloud.clock().instant().minusSeconds(600), LocalCloudOptions.DEFAULT_SHOP_SECRET);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(Json.parse(stale.body().getBytes(StandardCharsets.UTF_8)).path("error").asText()).contains("5 minutes");

        String invalid = "{\"type\":\"order.completed\",\"id\":\"A-1\",\"occurred_at\":\"2026-11-23T10:00:00Z\","
                + "\"customer\":{\"phone\":\"+33 6 12\"},\"total\":\"12.50\"}";
        long ts = cloud.clock().instant().getEpochSecond();
        HttpResponse<String> bad = shop.post(invalid, Map.of("X-PlayLoop-Timestamp", Long.toString(ts),
                "X-PlayLoop-Signature", io.playloop.commerce.GenericCommerceWebhooks.sign(ts,
                        invalid.getBytes(StandardCharsets.UTF_8), LocalCloudOptions.DEFAULT_SHOP_SECRET)));
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode problems = Json.parse(bad.body().getBytes(StandardCharsets.UTF_8)).path("problems");
        assertThat(problems.toString()).contains("customer.phone:").contains("currency:");
    }

    /** SendMessage requests the functions made (ingest's commerce route is the only caller of SendMessage). */
    private static long sendMessages() throws Exception {
        return client.stats().path("sqsRequests").path("byFunctions").path("SendMessage").asLong();
    }
}
