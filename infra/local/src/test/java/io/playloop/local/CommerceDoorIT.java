package io.playloop.local;

import static io.playloop.local.LocalCloudClient.readable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.local.http.Json;
import io.playloop.store.Keys;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The shop's door through the whole local cloud (issue 10): a paid order of 1,500 line items is answered 200,
 * queued and earns its points; totals of {@code 1e30} or {@code 1e999999999} are refused at once and nothing
 * reaches a dead-letter queue; a 200-character order id earns and is refunded end to end; a replayed old order
 * changes neither the points nor the order count.
 */
class CommerceDoorIT extends LocalCloudConversation {
    private CommerceSamples shop;

    @BeforeEach
    void shop() {
        shop = new CommerceSamples(cloud.baseUrl(), cloud.clock()::instant);
    }

    @AfterEach
    void nothingWasDeadLettered() throws Exception {
        client.drain();
        JsonNode dlq = Json.parse(client.get("/_local/dlq").body());
        dlq.fields().forEachRemaining(q -> assertThat(q.getValue()).as(q.getKey()).isEmpty());
    }

    @Test
    void aPaidShopifyOrderOf1500LineItems_isAnswered200_queued_andEarnsItsPoints() throws Exception {
        String lea = "33612345678"; // the sample's "+33 6 12 34 56 78"
        client.say(lea, "Léa", "bonjour");
        ObjectNode order = (ObjectNode) Json.parse(shop.sampleBody(CommerceSamples.SHOPIFY_ORDER)
                .getBytes(StandardCharsets.UTF_8));
        ArrayNode items = order.putArray("line_items");
        for (int i = 0; i < 1500; i++) {
            items.addObject().put("id", 866550311766439020L + i).put("quantity", 1).put("price", "0.04")
                    .put("sku", "THE-" + i).put("title", "Coffret découverte n°" + i + " — "
                            + "thé vert sencha, thé noir fumé, infusion verveine-citron, ".repeat(3));
        }
        String body = order.toString();
        assertThat(body.length()).isGreaterThan(300_000);

        HttpResponse<String> r = shop.postShopify("orders/paid", body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(answer(r).path("queued").asInt()).isEqualTo(1);
        client.drain();
        // 59.90 EUR: 10 points per order + 1 per 10 EUR = 15.
        assertThat(plain(client.say(lea, "Léa", "points"))).startsWith("Solde de points : 15.");
    }

    @Test
    void hugeOrExponentTotals_areRefusedAtOnce_andTheShopAndTheChatGoOn() throws Exception {
        for (String total : new String[] {"\"1e999999999\"", "\"1e30\"", "1e30"}) {
            ObjectNode order = (ObjectNode) Json.parse(shop.sampleBody(CommerceSamples.SHOPIFY_ORDER)
                    .getBytes(StandardCharsets.UTF_8));
            order.put("id", 7001).set("total_price", Json.parse(total.getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> r = shop.postShopify("orders/paid", order.toString());
            assertThat(r.statusCode()).as(total).isEqualTo(200);
            assertThat(answer(r).path("queued").asInt()).isZero();
            assertThat(answer(r).path("ignored").asText()).contains("total_price");

            HttpResponse<String> generic = shop.postGeneric(genericOrder("G-" + total.length(), "+44 7911 123400",
                    total), client.now(), LocalCloudOptions.DEFAULT_SHOP_SECRET);
            assertThat(generic.statusCode()).as(total).isEqualTo(400);
            assertThat(answer(generic).path("problems").toString()).contains("total:");
        }
        String sam = "447911123401";
        assertThat(plain(client.say(sam, "Sam", "hello"))).isNotBlank();
        HttpResponse<String> fine = shop.postGeneric(genericOrder("G-OK", "+44 7911 123401", "\"1000000000000\""),
                client.now(), LocalCloudOptions.DEFAULT_SHOP_SECRET);
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
        client.drain();
        // 10 per order + 1 per 10, capped at 200 a day: the largest total earns 210, nothing overflows.
        assertThat(plain(client.say(sam, "Sam", "points"))).startsWith("Points balance: 210.");
    }

    @Test
    void aGenericOrderIdOf200Characters_earnsItsPoints_andItsRefundTakesThemBack() throws Exception {
        String kim = "447911123402";
        client.say(kim, "Kim", "hello");
        String id = "commande-" + "é".repeat(100) + "-" + "x".repeat(90);
        assertThat(id).hasSize(200);

        HttpResponse<String> order = shop.postGeneric(genericOrder(id, "+44 7911 123402", "\"42.50\""), client.now(),
                LocalCloudOptions.DEFAULT_SHOP_SECRET);
        assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
        client.drain();
        assertThat(plain(client.say(kim, "Kim", "points"))).startsWith("Points balance: 14.");

        String refund = "{\"type\":\"order.refunded\",\"id\":\"R-" + "r".repeat(198) + "\",\"order_id\":\"" + id
                + "\",\"occurred_at\":\"" + client.now() + "\",\"customer\":{\"phone\":\"+44 7911 123402\"},"
                + "\"amount\":\"42.50\",\"currency\":\"EUR\"}";
        HttpResponse<String> refunded = shop.postGeneric(refund, client.now(), LocalCloudOptions.DEFAULT_SHOP_SECRET);
        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(200);
        client.drain();
        assertThat(plain(client.say(kim, "Kim", "points"))).startsWith("Points balance: 0.");
    }

    @Test
    void aReplayedOldOrder_changesNeitherThePointsNorTheOrderCount() throws Exception {
        String ana = "447911123403";
        client.say(ana, "Ana", "hello");
        String shopifyBody = CommerceSamples.dated(CommerceSamples.sample(CommerceSamples.SHOPIFY_ORDER).getBody()
                .replace("820982911946154508", "820982911946159999").replace("+33 6 12 34 56 78", "+44 7911 123403"),
                client.now());
        Map<String, String> captured = shop.shopifyHeaders("orders/paid", shopifyBody,
                LocalCloudOptions.DEFAULT_SHOP_SECRET);
        assertThat(shop.post(shopifyBody, captured).statusCode()).isEqualTo(200);
        String generic = genericOrder("G-REPLAY", "+44 7911 123403", "\"30.00\"");
        assertThat(shop.postGeneric(generic, client.now(), LocalCloudOptions.DEFAULT_SHOP_SECRET).statusCode())
                .isEqualTo(200);
        client.drain();
        // 15 for the Shopify order (59.90), 13 for the generic one (30.00).
        assertThat(plain(client.say(ana, "Ana", "points"))).startsWith("Points balance: 28.");
        assertThat(orders(ana)).isEqualTo(2);

        client.advanceClock(Duration.ofDays(9)); // the receipts (8 days) are gone
        HttpResponse<String> replayed = shop.post(shopifyBody, captured);
        HttpResponse<String> resent = shop.postGeneric(genericOrder("G-REPLAY", "+44 7911 123403", "\"30.00\"")
                .replaceAll("\"occurred_at\":\"[^\"]*\"", "\"occurred_at\":\"" + client.now() + "\""), client.now(),
                LocalCloudOptions.DEFAULT_SHOP_SECRET);
        client.drain();

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(answer(replayed).path("queued").asInt()).as(replayed.body()).isZero();
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(answer(resent).path("queued").asInt()).as(resent.body()).isZero();
        assertThat(plain(client.say(ana, "Ana", "points"))).startsWith("Points balance: 28.");
        assertThat(orders(ana)).isEqualTo(2);
    }

    /** A generic order.completed, occurred now; {@code total} is a JSON value. */
    private static String genericOrder(String id, String phone, String total) throws Exception {
        return "{\"type\":\"order.completed\",\"id\":\"" + id + "\",\"occurred_at\":\"" + client.now()
                + "\",\"customer\":{\"phone\":\"" + phone + "\"},\"total\":" + total
                + ",\"currency\":\"EUR\",\"products\":[\"Savon au miel\"]}";
    }

    /** The customer's {@code order} action counter, as stored. */
    private static long orders(String customer) {
        Map<String, AttributeValue> progress = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName())
                .key(Keys.progress(customer)).consistentRead(true)).item();
        return Long.parseLong(progress.get("actions").m().get("order").n());
    }

    private static JsonNode answer(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes(StandardCharsets.UTF_8));
    }

    private static String plain(JsonNode reply) {
        return readable(reply).replaceAll("[\u2066-\u2069]", "");
    }
}
