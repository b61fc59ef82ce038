package io.playloop.local;

import static io.playloop.local.LocalCloudClient.readable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.store.CapacityMeter;
import io.playloop.store.Keys;
import io.playloop.store.PoolCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rewards through a local cloud whose reward function syncs a simulated HubSpot ({@link FakeHubSpot}): a redeemed
 * reward's code reaches the chat (generated at once, or from a pool by the reward function), and a HubSpot
 * outage neither slows nor loses a reply, while the sync is delivered once HubSpot is back.
 */
class RewardsConversationIT {
    private static FakeHubSpot hubspot;
    private static RunningLocalCloud cloud;
    private static LocalCloudClient client;

    @BeforeAll
    static void start() throws java.io.IOException {
        hubspot = new FakeHubSpot();
        cloud = LocalCloud.start(LocalCloudOptions.forTests().withBusinessName("Café Lumière")
                .withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .withCrm(Map.of("PLAYLOOP_CRM_SINKS", "hubspot", "PLAYLOOP_CRM_HUBSPOT_BASE_URL", hubspot.baseUrl(),
                        "hubspotAccessToken", "pat-local-test", "PLAYLOOP_CRM_MAX_ATTEMPTS", "2",
                        "PLAYLOOP_CRM_TIME_BUDGET_MS", "8000")));
        client = new LocalCloudClient(cloud.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
        if (hubspot != null) {
            hubspot.close();
        }
    }

    private static String plain(JsonNode reply) {
        return readable(reply).replaceAll("[\u2066-\u2069]", "");
    }

    @Test
    void aPoolReward_isBought_thenTheRewardFunctionSendsItsCode_once() throws Exception {
        String waId = "16505550501";
        client.say(waId, "Sam", "hello");
        Seeds.points(cloud, client, waId, 320);
        PoolCodes pools = new PoolCodes(cloud.dynamoDb(), cloud.tableName(), new CapacityMeter());
        assertThat(pools.importCode("tote-bags", "TOTE-0001")).isTrue();

        JsonNode bought = client.say(waId, "Sam", "redeem 3");
        List<JsonNode> outbox = client.outbox(waId);

        assertThat(plain(outbox.get(outbox.size() - 2).path("body"))).startsWith("🎁 Tote bag is yours! Your code follows");
        assertThat(plain(bought)).startsWith("🎁 Here is your code for Tote bag: TOTE-0001");
        assertThat(cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName()).key(Keys.coupon("TOTE-0001")))
                .item().get("holder").s()).isEqualTo(waId);
        assertThat(plain(client.say(waId, "Sam", "rewards"))).contains("TOTE-0001");
        assertThat(client.outbox(waId).stream().filter(e -> readable(e.path("body")).contains("TOTE-0001 "))
                .count()).isLessThanOrEqualTo(1);
    }

    @Test
    void aGeneratedCoupon_comesInTheReplyToTheTap_inFrench() throws Exception {
        String waId = "33600000502";
        client.say(waId, "Chloé", "bonjour");
        Seeds.points(cloud, client, waId, 60);

        JsonNode list = client.say(waId, "Chloé", "cadeaux");
        assertThat(LocalCloudClient.rowIds(list)).containsExactly("rw:coffee");
        JsonNode bought = client.tap(waId, "Chloé", true, "rw:coffee", "Café offert");

        assertThat(plain(bought)).matches("(?s)🎁 Café offert est à vous ! Votre code : CAFE-[A-Z0-9]{4}-[A-Z0-9]{4}\n"
                + "Valable jusqu'au .*");
        assertThat(plain(client.say(waId, "Chloé", "points"))).startsWith("Solde de points : 10.");
    }

    @Test
    void aHubSpotOutage_delaysNoReply_andTheSyncArrivesOnceItRecovers() throws Exception {
        String waId = "16505550503";
        hubspot.answer(503);
        try {
            outageThenRecovery(waId);
        } finally {
            hubspot.answer(200);
        }
    }

    private void outageThenRecovery(String waId) throws Exception {
        int triedBefore = hubspot.calls().size();

        int before = client.outbox(waId).size();
        assertThat(client.postWebhook(client.textWebhook(waId, "Sam", "hello"))).isEqualTo(200);
        assertThat(client.postWebhook(client.textWebhook(waId, "Sam", "summer"))).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (client.outbox(waId).size() < before + 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<JsonNode> replies = client.outbox(waId);
        assertThat(replies).as("both replies went out during the outage").hasSize(before + 2);
        assertThat(readable(replies.get(replies.size() - 1).path("body"))).startsWith("Points earned: +15.");
        while (hubspot.calls().size() == triedBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(hubspot.calls().subList(triedBefore, hubspot.calls().size()))
                .as("HubSpot was tried during the outage").isNotEmpty().allMatch(c -> c.status() == 503);

        hubspot.answer(200);
        client.drain();

        assertThat(hubspot.calls()).as("delivered once HubSpot is back").anyMatch(c -> c.status() == 200
                && c.path().equals(FakeHubSpot.UPSERT)
                && c.body().contains("\"" + waId + "\"") && c.body().contains("\"playloop_points\":\"15\""));
        assertThat(cloud.dynamoDb().scan(b -> b.tableName(cloud.tableName())).items().stream()
                .filter(i -> i.get(Keys.SK).s().startsWith("INBOUND#") && i.containsKey("jobs")))
                .as("no reward job left behind in a receipt").isEmpty();
    }

    @Test
    void deleteMyData_throughTheLocalCloud_erasesHerFromTheTableAndHubSpot_andALaterMessageStartsAfresh()
            throws Exception {
        String waId = "33600000504";
        client.say(waId, "Maëlle Martin", "bonjour");
        client.say(waId, "Maëlle Martin", "oui");
        client.drain();

        JsonNode question = client.say(waId, "Maëlle Martin", "supprimer mes données");
        List<String> buttons = LocalCloudClient.buttonIds(question);
        assertThat(buttons).hasSize(2);
        JsonNode done = client.tap(waId, "Maëlle Martin", false, buttons.get(0), "🗑️ Oui, supprimer");
        client.drain();

        assertThat(plain(done)).contains("en cours de suppression");
        assertThat(cloud.dynamoDb().scan(b -> b.tableName(cloud.tableName())).items().stream()
                .flatMap(item -> item.values().stream()).map(String::valueOf))
                .noneMatch(value -> value.contains(waId) || value.contains("Maëlle"));
        assertThat(hubspot.calls()).anyMatch(c -> c.path().equals(FakeHubSpot.GDPR_DELETE)
                && c.body().contains("\"objectId\":\"" + waId + "\""));
        assertThat(plain(client.say(waId, "Maëlle Martin", "bonjour"))).contains("Café Lumière");
    }
}
