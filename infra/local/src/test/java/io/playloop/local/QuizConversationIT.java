package io.playloop.local;

import static io.playloop.local.DemoQuiz.correctId;
import static io.playloop.local.DemoQuiz.optionIds;
import static io.playloop.local.DemoQuiz.pointsOf;
import static io.playloop.local.DemoQuiz.questionOf;
import static io.playloop.local.LocalCloudClient.buttonIds;
import static io.playloop.local.LocalCloudClient.readable;
import static io.playloop.local.LocalCloudClient.rowIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.DemoCampaign;
import io.playloop.campaign.Question;
import io.playloop.campaign.TextKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quiz played end to end through a local cloud with the demo campaign: signed webhooks in, replies read
 * from the Graph simulator's outbox. Covers the four-option question sent as a list message and answered by a
 * tapped row, answers typed in French and Arabic, and taps that arrive twice.
 */
class QuizConversationIT extends LocalCloudConversation {
    private static final Campaign DEMO = DemoCampaign.get();
    /** The demo's {@code answer_time_limit} is 10 minutes: this lets an open question expire. */
    private static final Duration PAST_THE_TIME_LIMIT = Duration.ofMinutes(11);

    @Test
    void theFourOptionQuestion_comesAsAList_aTappedRowEarnsItsPoints_andASecondTapIsClosed() throws Exception {
        String waId = "16505550301";
        client.say(waId, "Sam", "hello");

        // Questions are drawn at random, never one of the last five: within six questions each of the demo's six
        // is drawn. Others are left to expire (no answer, no points); the daily limit (3) is passed a day later.
        JsonNode list = null;
        for (int asked = 0; asked < 12 && list == null; asked++) {
            JsonNode reply = client.say(waId, "Sam", "QUIZ");
            if ("list".equals(reply.path("interactive").path("type").asText())) {
                list = reply;
            } else if (!buttonIds(reply).isEmpty() && buttonIds(reply).stream().allMatch(id -> id.startsWith("q:"))) {
                client.advanceClock(PAST_THE_TIME_LIMIT);
            } else {
                assertThat(readable(reply)).as("not a question, so today's limit")
                        .isEqualTo(DEMO.texts().render("en", TextKey.QUIZ_DAILY_LIMIT, Map.of("limit", "3")));
                client.advanceClock(Duration.ofDays(1));
            }
        }
        assertThat(list).as("the four-option question, as a list message").isNotNull();

        List<String> rows = rowIds(list);
        Question question = questionOf(rows);
        assertThat(question.id()).isEqualTo("blue-yellow");
        assertThat(rows).hasSize(4).allSatisfy(id -> assertThat(id).startsWith("q:blue-yellow:"));
        assertThat(titles(list)).containsExactly("Green", "Orange", "Purple", "Brown");
        assertThat(list.path("interactive").path("action").path("button").asText())
                .isEqualTo(DEMO.texts().template("en", TextKey.QUIZ_LIST_BUTTON));
        assertThat(readable(list)).endsWith(question.text().in("en"));

        String right = correctId(rows);
        JsonNode verdict = client.tap(waId, "Sam", true, right, "Green");
        JsonNode again = client.tap(waId, "Sam", true, right, "Green");
        JsonNode points = client.say(waId, "Sam", "POINTS");

        long earned = pointsOf(question);
        assertThat(readable(verdict)).startsWith("✅ Right! +" + earned + " points.");
        assertThat(readable(again)).isEqualTo(DEMO.texts().render("en", TextKey.QUIZ_CLOSED, Map.of()));
        assertThat(readable(points)).startsWith("Points balance: " + earned + ".");
    }

    @Test
    void anAnswerTypedInFrench_afterLangFr_isJudgedLikeATap_inFrench_andPaidOnce() throws Exception {
        String waId = "16505550302";
        client.say(waId, "Sam", "hello");
        JsonNode done = client.say(waId, "Sam", "LANG fr");
        JsonNode question = client.say(waId, "Sam", "quiz");
        Question asked = questionOf(optionIds(question));
        String rightText = asked.option(asked.correct()).orElseThrow().text().in("fr");

        // "MARS " for "Mars": the option's text as shown, whatever the case and the spaces around it.
        JsonNode verdict = client.say(waId, "Sam", rightText.toUpperCase(Locale.ROOT) + " ");
        JsonNode typedAgain = client.say(waId, "Sam", rightText);
        JsonNode points = client.say(waId, "Sam", "solde");

        long earned = pointsOf(asked);
        assertThat(readable(done)).isEqualTo(DEMO.texts().template("fr", TextKey.LANG_DONE));
        assertThat(readable(question)).isEqualTo(DEMO.texts().render("fr", TextKey.QUIZ_QUESTION,
                Map.of("number", "1", "question", asked.text().in("fr"))));
        assertThat(readable(verdict)).startsWith("✅ Bonne réponse ! +" + earned + " points.");
        assertThat(buttonIds(verdict)).containsExactly("cmd:QUIZ");
        assertThat(readable(typedAgain)).as("an answered question takes no second typed answer")
                .doesNotStartWith("✅").doesNotStartWith("❌");
        assertThat(readable(points)).startsWith("Solde de points : " + earned + ".");
    }

    @Test
    void anAnswerTypedInArabic_byAnEmiratesNumber_isJudgedInArabic_byteForByte() throws Exception {
        String waId = "971500000303";
        client.say(waId, "محمد", "مرحبا");
        JsonNode question = client.say(waId, "محمد", "مسابقة");
        Question asked = questionOf(optionIds(question));
        String wrongText = asked.options().stream().filter(o -> !o.id().equals(asked.correct())).findFirst()
                .orElseThrow().text().in("ar");
        String rightText = asked.option(asked.correct()).orElseThrow().text().in("ar");

        JsonNode notAnAnswer = client.say(waId, "محمد", "شكرا");
        JsonNode verdict = client.say(waId, "محمد", wrongText);
        JsonNode tooLate = client.say(waId, "محمد", rightText);
        JsonNode points = client.say(waId, "محمد", "نقاط");

        assertThat(readable(question).getBytes(StandardCharsets.UTF_8)).isEqualTo(DEMO.texts()
                .render("ar", TextKey.QUIZ_QUESTION, Map.of("number", "1", "question", asked.text().in("ar")))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(readable(notAnAnswer)).doesNotStartWith("✅").doesNotStartWith("❌");
        // The verdict, then (a first answer) the first badge, in the same message, byte for byte.
        String badge = DEMO.badges().get(0).name().in("ar");
        assertThat(readable(verdict).getBytes(StandardCharsets.UTF_8)).isEqualTo((DEMO.texts()
                .render("ar", TextKey.QUIZ_WRONG, Map.of("answer", "\u2068" + rightText + "\u2069")) + "\n\n"
                + DEMO.texts().render("ar", TextKey.BADGE_AWARDED, Map.of("badge", "\u2068" + badge + "\u2069")))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(readable(tooLate)).as("the question was answered (wrongly): no second chance")
                .doesNotStartWith("✅").doesNotStartWith("❌");
        assertThat(readable(points)).startsWith("رصيد نقاطك: 0.");

        // The next question, answered right in Arabic, pays in Arabic.
        JsonNode next = client.say(waId, "محمد", "مسابقة");
        Question second = questionOf(optionIds(next));
        JsonNode right = client.say(waId, "محمد", second.option(second.correct()).orElseThrow().text().in("ar"));
        assertThat(readable(right)).startsWith("✅ إجابة صحيحة! نقاط مكتسبة: " + pointsOf(second) + ".");
        assertThat(readable(client.say(waId, "محمد", "نقاط"))).startsWith("رصيد نقاطك: " + pointsOf(second) + ".");
    }

    @Test
    void theSameTapDeliveredTwice_andADoubleTap_payOnce() throws Exception {
        String waId = "33600000304";
        client.say(waId, "Chloé", "bonjour");
        JsonNode question = client.say(waId, "Chloé", "quiz");
        List<String> ids = optionIds(question);
        String right = correctId(ids);
        boolean row = "list".equals(question.path("interactive").path("type").asText());

        // Meta redelivers a webhook as is (same wamid): it is one message. A second tap is another message.
        String tap = client.tapWebhook(waId, "Chloé", row, right, "x");
        assertThat(client.postWebhook(tap)).isEqualTo(200);
        assertThat(client.postWebhook(tap)).isEqualTo(200);
        client.drain();
        int repliesAfterRedelivery = client.outbox(waId).size();
        JsonNode secondTap = client.tap(waId, "Chloé", row, right, "x");
        JsonNode points = client.say(waId, "Chloé", "solde");

        long earned = pointsOf(questionOf(ids));
        assertThat(repliesAfterRedelivery).as("welcome, question, one verdict").isEqualTo(3);
        assertThat(readable(client.outbox(waId).get(2).path("body"))).startsWith("✅ Bonne réponse ! +" + earned);
        assertThat(readable(secondTap)).isEqualTo(DEMO.texts().render("fr", TextKey.QUIZ_CLOSED, Map.of()));
        assertThat(readable(points)).startsWith("Solde de points : " + earned + ".");
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** The signed option ids of a question: reply buttons (2-3 options) or list rows (4-10). */
    private static List<String> titles(JsonNode list) {
        List<String> titles = new java.util.ArrayList<>();
        list.path("interactive").path("action").path("sections")
                .forEach(s -> s.path("rows").forEach(r -> titles.add(r.path("title").asText())));
        return titles;
    }
}
