package io.playloop.local;

import static io.playloop.local.DemoQuiz.DEMO;
import static io.playloop.local.DemoQuiz.rightAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.campaign.Badge;
import io.playloop.campaign.Challenge;
import io.playloop.campaign.TextKey;
import io.playloop.campaign.Tier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Referrals, badges, challenges and streaks, tiers and the weekly leaderboard played end to end through a
 * local cloud with the demo campaign, each in at least two languages: signed webhooks in, replies read from
 * the Graph simulator's outbox, days passed with the simulated clock. Expected texts come from the demo
 * campaign itself, so the test follows its wording.
 */
class ProgressConversationIT extends LocalCloudConversation {
    private static final Pattern CODE = Pattern.compile("\\b([2-9A-HJKMNP-Z]{8})\\b");

    /** What the customer reads, without the invisible direction isolates around inserted values. */
    private static String read(JsonNode reply) {
        return LocalCloudClient.readable(reply).replaceAll("[\u2066-\u2069]", "");
    }

    /** A demo text in a language, filled with these values (no isolates: compare with {@link #read}). */
    private static String text(String language, TextKey key, Map<String, String> values) {
        return DEMO.texts().render(language, key, values).replaceAll("[\u2066-\u2069]", "");
    }

    /** Asks a question and types its right answer in the customer's language; answers the verdict. */
    private static JsonNode answerRight(String waId, String name, String language, String quizKeyword)
            throws Exception {
        JsonNode question = client.say(waId, name, quizKeyword);
        return client.say(waId, name, rightAnswer(question, language));
    }

    private static Badge badge(String id) {
        return DEMO.badges().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }

    private static Challenge challenge(String id) {
        return DEMO.challenges().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void referral_anEnglishReferrer_aFrenchFriend_countsOnceTheFriendOptsInAndPlays() throws Exception {
        String referrer = "16505550401";
        String friend = "33600000402";
        client.say(referrer, "Sam", "hello");

        JsonNode invite = client.say(referrer, "Sam", "refer");
        Matcher m = CODE.matcher(read(invite));
        assertThat(m.find()).as(read(invite)).isTrue();
        String code = m.group(1);
        assertThat(read(invite)).startsWith(text("en", TextKey.REFER_INVITE, Map.of("code", code,
                "link", "https://wa.me/" + Webhooks.DISPLAY_PHONE_NUMBER + "?text=" + code)));
        assertThat(read(client.say(referrer, "Sam", "invite"))).as("the same code every time").contains(code);

        JsonNode welcome = client.say(friend, "Chloé", "Salut ! Mon code : " + code);
        assertThat(read(welcome)).contains(text("fr", TextKey.REFER_WELCOME, Map.of()));
        client.say(friend, "Chloé", "oui");                               // START, in French
        JsonNode verdict = answerRight(friend, "Chloé", "fr", "quiz");
        assertThat(read(verdict)).startsWith("✅");

        JsonNode paid = client.say(referrer, "Sam", "points");
        long referralPoints = DEMO.points().referral().orElseThrow().points();
        assertThat(read(paid)).contains(text("en", TextKey.REFER_COUNTED,
                Map.of("earned", Long.toString(referralPoints), "friends", "1")));
        assertThat(read(paid)).contains(challenge("refer-3").name().in("en") + "\n▰▱▱ 1 of 3");
        assertThat(read(client.say(referrer, "Sam", "points"))).as("paid once")
                .doesNotContain(text("en", TextKey.REFER_COUNTED, Map.of("earned", Long.toString(referralPoints),
                        "friends", "1")));

        // The referrer's own code is turned down kindly.
        JsonNode own = client.say(referrer, "Sam", code);
        assertThat(read(own)).contains(text("en", TextKey.REFER_OWN_CODE, Map.of()));
    }

    @Test
    void badges_theFirstQuizBadgeComesWithTheVerdict_andBadgesListsIt_inEnglishAndArabic() throws Exception {
        for (String[] who : new String[][] {{"16505550411", "Sam", "en", "quiz", "badges"},
                {"971500000412", "محمد", "ar", "مسابقة", "أوسمتي"}}) {
            String waId = who[0];
            String language = who[2];
            client.say(waId, who[1], "en".equals(language) ? "hello" : "مرحبا");

            JsonNode verdict = answerRight(waId, who[1], language, who[3]);
            JsonNode second = answerRight(waId, who[1], language, who[3]);
            JsonNode badges = client.say(waId, who[1], who[4]);

            String firstQuiz = badge("first-quiz").name().in(language);
            assertThat(read(verdict)).as(language).endsWith(text(language, TextKey.BADGE_AWARDED,
                    Map.of("badge", firstQuiz)));
            assertThat(read(second)).as("awarded once").doesNotContain(firstQuiz);
            assertThat(read(badges)).as(language).isEqualTo(text(language, TextKey.BADGES_HEADER,
                    Map.of("count", "1", "total", Integer.toString(DEMO.badges().size()))) + "\n"
                    + text(language, TextKey.BADGES_ITEM, Map.of("badge", firstQuiz)));
        }
    }

    @Test
    void streak_threeDaysInARow_completeTheChallengeAndEarnTheBadge_inFrenchAndArabic() throws Exception {
        for (String[] who : new String[][] {{"33600000421", "Chloé", "fr", "roue", "points"},
                {"971500000422", "محمد", "ar", "العجلة", "نقاط"}}) {
            String waId = who[0];
            String language = who[2];
            client.say(waId, who[1], "fr".equals(language) ? "bonjour" : "مرحبا");
            List<String> spins = new ArrayList<>();
            for (int day = 0; day < 3; day++) {
                spins.add(read(client.say(waId, who[1], who[3])));
                client.advanceClock(Duration.ofDays(1));
            }

            Challenge streak = challenge("streak-3");
            assertThat(spins.get(2)).as(language).contains(text(language, TextKey.CHALLENGE_COMPLETED,
                    Map.of("challenge", streak.name().in(language), "earned", Long.toString(streak.rewardPoints()))))
                    .contains(text(language, TextKey.BADGE_AWARDED, Map.of("badge", badge("streak-3").name().in(language))));
            assertThat(spins.get(0) + spins.get(1)).doesNotContain(streak.name().in(language));
            assertThat(read(client.say(waId, who[1], who[4]))).as("POINTS shows what is still open")
                    .contains(text(language, TextKey.CHALLENGES_HEADER, Map.of()))
                    .doesNotContain(streak.name().in(language) + "\n");
        }
    }

    @Test
    void tiers_reachingSilver_isAnnouncedOnce_inEnglishAndArabic() throws Exception {
        Tier silver = DEMO.tiers().get(0);
        for (String[] who : new String[][] {{"16505550431", "Sam", "en", "quiz"}, {"971500000432", "محمد", "ar", "مسابقة"}}) {
            String waId = who[0];
            String language = who[2];
            client.say(waId, who[1], "en".equals(language) ? "hello" : "مرحبا");
            String tierUp = text(language, TextKey.TIER_UP, Map.of("tier", silver.name().in(language)));
            List<String> replies = new ArrayList<>();
            // Three right answers a day (the quiz's daily limit and its 30-point cap), until Silver's 100 points.
            for (int day = 0; day < 5 && replies.stream().noneMatch(r -> r.contains(tierUp)); day++) {
                for (int i = 0; i < 3; i++) {
                    replies.add(read(answerRight(waId, who[1], language, who[3])));
                }
                client.advanceClock(Duration.ofDays(1));
            }
            replies.add(read(answerRight(waId, who[1], language, who[3])));

            assertThat(replies.stream().filter(r -> r.contains(tierUp))).as(language).hasSize(1);
        }
    }

    @Test
    void leaderboard_topShowsTheWeeksBestAndYourRank_inFrenchAndEnglish() throws Exception {
        String first = "33600000441";
        String second = "16505550442";
        client.advanceClock(Duration.ofDays(7)); // a week nobody in this class has scored in yet
        client.say(first, "Chloé", "bonjour");
        client.say(second, "Sam", "hello");
        client.say(first, "Chloé", "été");      // 15 points
        client.advanceClock(Duration.ofSeconds(5)); // Meta's timestamps have whole seconds: a later one
        client.say(second, "Sam", "summer");    // 15 points, reached later: ranked after a tie

        JsonNode fr = client.say(first, "Chloé", "classement");
        JsonNode en = client.say(second, "Sam", "top");

        assertThat(read(fr)).startsWith(text("fr", TextKey.TOP_HEADER, Map.of()))
                .contains(text("fr", TextKey.TOP_YOUR_RANK, Map.of("rank", "1", "score", "15")));
        assertThat(read(en)).contains(text("en", TextKey.TOP_LINE, Map.of("rank", "1", "player", "•••0441",
                "score", "15"))).contains(text("en", TextKey.TOP_LINE, Map.of("rank", "2", "player", "•••0442",
                "score", "15"))).contains(text("en", TextKey.TOP_YOUR_RANK, Map.of("rank", "2", "score", "15")));
    }
}
