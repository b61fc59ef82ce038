package io.playloop.local;

import io.playloop.testing.ItemSize;

import static io.playloop.local.DemoQuiz.correctId;
import static io.playloop.local.DemoQuiz.pointsOf;
import static io.playloop.local.LocalCloudClient.buttonIds;
import static io.playloop.local.LocalCloudClient.readable;
import static io.playloop.local.LocalCloudClient.rowIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.DemoCampaign;
import io.playloop.campaign.TextKey;
import io.playloop.store.Keys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The games played end to end through a local cloud (demo campaign): signed webhooks in, replies read
 * from the Graph simulator's outbox, in English and French.
 */
class GamesConversationIT extends LocalCloudConversation {
    private static final Campaign DEMO = DemoCampaign.get();

    // --- the conversations ----------------------------------------------------------------------------

    @Test
    void play_opensTheGamesMenu_inEnglishAndFrench_andATappedRowWorks() throws Exception {
        String en = "16505550201";
        String fr = "33600000201";
        client.say(en, "Sam", "hello"); // a first contact gets the welcome (with a PLAY button) whatever it says
        client.say(fr, "Chloé", "bonjour");

        JsonNode menuEn = client.say(en, "Sam", "PLAY");
        JsonNode menuFr = client.say(fr, "Chloé", "JOUER");

        for (JsonNode menu : List.of(menuEn, menuFr)) {
            assertThat(menu.path("interactive").path("type").asText()).isEqualTo("list");
            assertThat(rowIds(menu)).containsExactly("cmd:QUIZ", "cmd:SPIN", "cmd:REWARDS", "cmd:POINTS",
                    "cmd:BADGES", "cmd:TOP", "cmd:REFER", "cmd:SCRATCH"); // the demo's scratch card
        }
        assertThat(menuEn.path("interactive").path("action").path("button").asText())
                .isEqualTo(DEMO.texts().template("en", TextKey.MENU_BUTTON));
        assertThat(menuFr.path("interactive").path("action").path("button").asText())
                .isEqualTo(DEMO.texts().template("fr", TextKey.MENU_BUTTON));

        JsonNode points = client.tap(fr, "Chloé", true, "cmd:POINTS", "Mes points");
        assertThat(readable(points)).startsWith("Solde de points : 0.");
    }

    @Test
    void quiz_inEnglish_rightAnswerEarnsOnce_aDoubleTapIsClosed_andPointsShowsTheBalance() throws Exception {
        String waId = "16505550202";
        client.say(waId, "Sam", "hello");

        JsonNode question = client.say(waId, "Sam", "QUIZ");
        assertThat(readable(question)).startsWith("Question 1: ");
        String right = correctId(question);

        LocalCloudClient.Cost answerCost = client.costOf(client.tapWebhook(waId, "Sam", false, right, "x"));
        JsonNode verdict = client.last(waId);
        JsonNode again = client.tap(waId, "Sam", false, right, "x");
        JsonNode points = client.say(waId, "Sam", "points");

        long earned = pointsOf(right);
        assertThat(readable(verdict)).startsWith("✅ Right! +" + earned + " points.");
        assertThat(buttonIds(verdict)).containsExactly("cmd:QUIZ");
        assertThat(readable(again)).startsWith("That question is closed");
        assertThat(readable(points)).startsWith("Points balance: " + earned + ".");
        System.out.println("COST quiz answer: " + answerCost + "; items " + itemSizes(waId));
    }

    @Test
    void quiz_inFrench_aForgedIdAwardsNothing_thenTheRealAnswerCounts() throws Exception {
        String waId = "33600000202";
        client.say(waId, "Chloé", "bonjour");
        JsonNode question = client.say(waId, "Chloé", "quiz");
        String right = correctId(question);
        String forged = right.substring(0, right.lastIndexOf(':') + 1) + "AAAAAAAA";

        JsonNode refused = client.tap(waId, "Chloé", false, forged, "x");
        JsonNode verdict = client.tap(waId, "Chloé", false, right, "x");
        JsonNode points = client.say(waId, "Chloé", "solde");

        assertThat(readable(refused)).isEqualTo(DEMO.texts().render("fr", TextKey.QUIZ_CLOSED, Map.of()));
        assertThat(readable(verdict)).contains("+" + pointsOf(right));
        assertThat(readable(points)).startsWith("Solde de points : " + pointsOf(right) + ".");
    }

    @Test
    void lang_switchesTheLanguage_fromATappedButton() throws Exception {
        String waId = "16505550203";
        client.say(waId, "Sam", "hello");

        JsonNode prompt = client.say(waId, "Sam", "LANG");
        JsonNode done = client.tap(waId, "Sam", false, "lang:ar", "العربية");

        assertThat(buttonIds(prompt)).containsExactly("lang:en", "lang:fr", "lang:ar");
        assertThat(readable(done)).isEqualTo(DEMO.texts().template("ar", TextKey.LANG_DONE));
    }

    @Test
    void spin_inEnglishAndFrench_isRecordedBeforeTheReply_theCooldownHolds_andRewardsListsAWin() throws Exception {
        for (String[] who : new String[][]{{"16505550204", "Sam", "SPIN", "en", "REWARDS"},
                {"33600000204", "Chloé", "roue", "fr", "cadeaux"}}) {
            String waId = who[0];
            String language = who[3];
            client.say(waId, who[1], "en".equals(language) ? "hello" : "bonjour");

            LocalCloudClient.Cost spinCost = client.costOf(client.textWebhook(waId, who[1], who[2]));
            JsonNode result = client.last(waId);
            JsonNode again = client.say(waId, who[1], who[2]);
            JsonNode rewards = client.say(waId, who[1], who[4]);

            Map<String, AttributeValue> spinItem = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName())
                    .consistentRead(true).key(Keys.spin(waId))).item();
            assertThat(spinItem).as("the spin is recorded").containsKey("lastSpinAt");
            String cooldown = DEMO.texts().template(language, TextKey.SPIN_COOLDOWN);
            assertThat(readable(again)).startsWith(cooldown.substring(0, cooldown.indexOf("{{")));
            boolean wonDiscount = !spinItem.get("rewards").l().isEmpty();
            // REWARDS: the prizes won, then what the catalogue asks (the points are not enough yet).
            if (wonDiscount) {
                assertThat(readable(rewards)).startsWith(DEMO.texts().render(language, TextKey.REWARDS_HEADER,
                        Map.of("count", "1")));
            } else {
                assertThat(readable(rewards)).startsWith(DEMO.texts().render(language, TextKey.REWARDS_NONE, Map.of()));
            }
            assertThat(readable(result)).isNotBlank().doesNotContain("{{");
            System.out.println("COST spin (" + language + ", " + (wonDiscount ? "discount won" : "no discount")
                    + "): " + spinCost + "; items " + itemSizes(waId));
        }
    }

    // --- helpers --------------------------------------------------------------------------------------

    /**
     * Item sizes as DynamoDB bills them (attribute names + values: strings in UTF-8 bytes, numbers about
     * one byte per two digits plus one, lists and maps 3 bytes plus 1 per element).
     */
    private static Map<String, Integer> itemSizes(String customerKey) {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        for (Map<String, AttributeValue> key : List.of(Keys.customer(customerKey), Keys.points(customerKey),
                Keys.quiz(customerKey), Keys.spin(customerKey))) {
            Map<String, AttributeValue> item = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName())
                    .consistentRead(true).key(key)).item();
            sizes.put(key.get(Keys.SK).s(), item == null ? 0 : ItemSize.of(item));
        }
        return sizes;
    }
}
