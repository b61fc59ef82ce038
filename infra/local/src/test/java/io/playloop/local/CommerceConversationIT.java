package io.playloop.local;

import static io.playloop.local.LocalCloudClient.readable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.commerce.GenericCommerceWebhooks;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shop and the chat together, through the local cloud: orders earn points (Shopify's signed sample for
 * "+33 6 12 34 56 78" reaches the customer who chats as 33612345678), a refund takes them back, a replayed
 * webhook changes nothing; points from an order buy a reward in the chat, whose code arrives in the reply.
 */
class CommerceConversationIT extends LocalCloudConversation {
    private static final String LEA = "33612345678"; // the Shopify sample's "+33 6 12 34 56 78"

    private static String plain(JsonNode reply) {
        return readable(reply).replaceAll("[\u2066-\u2069]", "");
    }

    /** A generic order.completed for {@code phone}, signed now with the local shop secret. */
    private static HttpResponse<String> genericOrder(String id, String phone, String total) throws Exception {
        String body = "{\"type\":\"order.completed\",\"id\":\"" + id + "\",\"occurred_at\":\"" + client.now()
                + "\",\"customer\":{\"phone\":\"" + phone + "\"},\"total\":\"" + total
                + "\",\"currency\":\"EUR\",\"products\":[\"Savon au miel\"]}";
        long ts = Instant.now().getEpochSecond();
        return new CommerceSamples(cloud.baseUrl(), cloud.clock()::instant).post(body, new java.util.LinkedHashMap<>(Map.of(
                "X-PlayLoop-Timestamp", Long.toString(ts), "X-PlayLoop-Signature", GenericCommerceWebhooks.sign(ts,
                        body.getBytes(StandardCharsets.UTF_8), LocalCloudOptions.DEFAULT_SHOP_SECRET))));
    }

    @Test
    void aShopifyOrder_addsItsPoints_itsRefundTakesThemBack_andReplayingEitherChangesNothing() throws Exception {
        CommerceSamples shop = new CommerceSamples(cloud.baseUrl(), cloud.clock()::instant);
        client.say(LEA, "Léa", "bonjour");

        assertThat(shop.postSample(CommerceSamples.SHOPIFY_ORDER).statusCode()).isEqualTo(200);
        client.drain();
        // 59.90 EUR: 10 points per order + 1 per 10 EUR = 15.
        assertThat(plain(client.say(LEA, "Léa", "points"))).startsWith("Solde de points : 15.");

        assertThat(shop.postSample(CommerceSamples.SHOPIFY_ORDER).statusCode()).isEqualTo(200);
        client.drain();
        assertThat(plain(client.say(LEA, "Léa", "points"))).as("the same order never earns twice")
                .startsWith("Solde de points : 15.");

        assertThat(shop.postSample(CommerceSamples.SHOPIFY_REFUND).statusCode()).isEqualTo(200);
        client.drain();
        assertThat(plain(client.say(LEA, "Léa", "points"))).startsWith("Solde de points : 0.");

        assertThat(shop.postSample(CommerceSamples.SHOPIFY_REFUND).statusCode()).isEqualTo(200);
        client.drain();
        assertThat(plain(client.say(LEA, "Léa", "points"))).as("a replayed refund takes nothing more")
                .startsWith("Solde de points : 0.");
    }

    @Test
    void pointsFromAnOrder_buyARewardInTheChat_andItsCodeComesInTheReply() throws Exception {
        String sam = "447911123456";
        client.say(sam, "Sam", "hello");
        HttpResponse<String> order = genericOrder("B-1", "+44 7911 123456", "400.00");
        assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
        client.drain();

        JsonNode list = client.say(sam, "Sam", "rewards");
        assertThat(plain(list)).contains("You have 50 points.");
        assertThat(LocalCloudClient.rowIds(list)).containsExactly("rw:coffee");
        JsonNode bought = client.tap(sam, "Sam", true, "rw:coffee", "Free coffee");

        assertThat(plain(bought)).matches("(?s)🎁 Free coffee is yours! Your code: CAFE-[A-Z0-9]{4}-[A-Z0-9]{4}\n.*");
        assertThat(plain(client.say(sam, "Sam", "points"))).startsWith("Points balance: 0.");
    }
}
