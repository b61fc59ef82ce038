package io.playloop.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.DemoCampaign;
import io.playloop.outreach.ReminderKind;
import io.playloop.whatsapp.outbound.ButtonMessage;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reminders as the customer reads them: the week as its days, a rank without a doubled sign, no hole for a name. */
class ReminderMessagesTest {
    private static final Instant AT = Instant.parse("2027-02-08T09:00:00Z");

    @Test
    void theLeaderboardWeek_isShownAsItsDays_andTheRankOnce() {
        String body = body("en", ReminderKind.LEADERBOARD_RESULT, Map.of("week", "2027-W05", "rank", "3", "score", "120"));
        assertThat(body).contains("Leaderboard of Feb 1 – Feb 7, 2027: you finished #3 with a score of 120.")
                .doesNotContain("##", "2027-W05");
        assertThat(body("fr", ReminderKind.LEADERBOARD_RESULT, Map.of("week", "2027-W05", "around", "40", "score", "7")))
                .contains("Classement du 1 févr. – 7 févr. 2027 : rang 40 environ, avec un score de 7.");
        assertThat(body("en", ReminderKind.LEADERBOARD_RESULT, Map.of("week", "2027-W05", "score", "7")))
                .contains("your score was 7.").doesNotContain("#");
    }

    @Test
    void aFriendJoined_withoutAName_leavesNoHole_andCountsAgree() {
        assertThat(body("fr", ReminderKind.FRIEND_JOINED, Map.of("friends", "1", "bonus", "1")))
                .startsWith("🎉 Un ami que vous avez invité vient de rejoindre le jeu ! 1 point vous attend")
                .doesNotContain("à vous");
        assertThat(body("en", ReminderKind.STREAK_AT_RISK, Map.of("streak", "4")))
                .startsWith("🔥 Your 4-day streak ends at midnight!");
        assertThat(body("en", ReminderKind.BIRTHDAY, Map.of("name", "Ana", "bonus", "1", "points", "1500")))
                .contains("Hi Ana, happy birthday! We've added 1 bonus point to your account: you now have 1,500.");
    }

    private static String body(String language, ReminderKind kind, Map<String, String> values) {
        DueReminder reminder = new DueReminder(kind, "test", AT, AT.plusSeconds(3600), values);
        ButtonMessage message = (ButtonMessage) ReminderMessages.freeForm(DemoCampaign.get(), "33612345678", language,
                reminder);
        return message.body().replaceAll("[\\u2066-\\u2069]", "");
    }
}
