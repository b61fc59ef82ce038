package io.playloop.games.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.Action;
import io.playloop.campaign.Challenge;
import io.playloop.campaign.ChallengeKind;
import io.playloop.campaign.ChallengeWindow;
import io.playloop.campaign.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

// Unit tier: "answer 5 quizzes this week", "play 3 days in a row", "refer 3 friends", paid once per period.
class ChallengeRulesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final LocalizedText TEXT = new LocalizedText(Map.of("en", "x", "fr", "x", "ar", "x"));

    static Challenge challenge(String id, ChallengeKind kind, int target, Optional<Action> action, ChallengeWindow w) {
        return new Challenge(id, kind, TEXT, TEXT, target, action, w, 50);
    }

    private static final Challenge WEEKLY_QUIZ =
            challenge("quiz5", ChallengeKind.ACTIONS, 5, Optional.of(Action.QUIZ_ANSWER), ChallengeWindow.WEEK);

    private static Optional<ActionCount> answer(Optional<ActionCount> c, String at, ZoneId zone) {
        return ActionCounter.count(WEEKLY_QUIZ, c, Action.QUIZ_ANSWER, Instant.parse(at), zone);
    }

    @Test
    void weekKeys_startOnMonday_andFollowTheIsoYear() {
        assertThat(ChallengePeriod.isoWeek(LocalDate.of(2026, 11, 23))).isEqualTo("2026-W48");
        assertThat(ChallengePeriod.isoWeek(LocalDate.of(2026, 11, 22))).as("Sunday").isEqualTo("2026-W47");
        assertThat(ChallengePeriod.isoWeek(LocalDate.of(2024, 12, 31))).isEqualTo("2025-W01");
        assertThat(ChallengePeriod.isoWeek(LocalDate.of(2026, 12, 31))).isEqualTo("2026-W53");
    }

    @Test
    void fiveAnswersInAParisWeek_completeOnce_andTheNextWeekStartsOver() {
        Optional<ActionCount> c = Optional.empty();
        // Monday 23 Nov to Sunday 29 Nov 2026 in Paris (UTC+1); Sunday 22:59 UTC is 23:59 local.
        for (String at : new String[]{"2026-11-23T08:00:00Z", "2026-11-24T08:00:00Z", "2026-11-25T08:00:00Z",
                "2026-11-26T08:00:00Z"}) {
            c = answer(c, at, PARIS);
        }
        c = answer(c, "2026-11-29T22:59:00Z", PARIS);
        Instant sundayNight = Instant.parse("2026-11-29T22:59:30Z");
        ChallengeProgress p = ChallengeRules.progress(WEEKLY_QUIZ, c, Streak.NONE, 0, sundayNight, PARIS, PARIS, Set.of());
        assertThat(p).isEqualTo(new ChallengeProgress("quiz5", "2026-W48", 5, 5, false));
        Optional<Completion> done = ChallengeRules.completion(WEEKLY_QUIZ, p);
        assertThat(done).contains(new Completion("quiz5", "2026-W48", 50));
        assertThat(done.get().id()).isEqualTo("quiz5#2026-W48");

        // Recorded: the sixth answer that week completes nothing more.
        Set<String> recorded = Set.of(done.get().id());
        ChallengeProgress again = ChallengeRules.progress(WEEKLY_QUIZ, answer(c, "2026-11-29T22:59:40Z", PARIS),
                Streak.NONE, 0, sundayNight, PARIS, PARIS, recorded);
        assertThat(ChallengeRules.completion(WEEKLY_QUIZ, again)).isEmpty();

        // Monday 00:00 in Paris: a new week, progress back to 1 of 5.
        Optional<ActionCount> monday = answer(c, "2026-11-29T23:00:00Z", PARIS);
        assertThat(monday).contains(new ActionCount("2026-W49", 1));
    }

    @Test
    void riyadh_sundayEveningInParis_isAlreadyMondayInRiyadh() {
        Instant at = Instant.parse("2026-11-29T21:30:00Z");   // 22:30 Sunday Paris, 00:30 Monday Riyadh
        assertThat(ChallengePeriod.of(ChallengeWindow.WEEK, at, PARIS)).isEqualTo("2026-W48");
        assertThat(ChallengePeriod.of(ChallengeWindow.WEEK, at, RIYADH)).isEqualTo("2026-W49");
        assertThat(ChallengePeriod.of(ChallengeWindow.DAY, at, RIYADH)).isEqualTo("2026-11-30");
    }

    @Test
    void anotherAction_doesNotCount() {
        assertThat(ActionCounter.count(WEEKLY_QUIZ, Optional.empty(), Action.SPIN, Instant.EPOCH, PARIS)).isEmpty();
    }

    @Test
    void threeDayStreak_completesOnceForTheCampaign() {
        Challenge streak3 = challenge("streak3", ChallengeKind.STREAK, 3, Optional.empty(), ChallengeWindow.CAMPAIGN);
        Streak s = Streak.NONE.record(Instant.parse("2026-11-21T10:00:00Z"), RIYADH)
                .record(Instant.parse("2026-11-22T10:00:00Z"), RIYADH)
                .record(Instant.parse("2026-11-23T10:00:00Z"), RIYADH);
        Instant now = Instant.parse("2026-11-23T10:00:01Z");
        ChallengeProgress p = ChallengeRules.progress(streak3, Optional.empty(), s, 0, now, PARIS, RIYADH, Set.of());
        assertThat(ChallengeRules.completion(streak3, p)).contains(new Completion("streak3", "campaign", 50));
        ChallengeProgress recorded = ChallengeRules.progress(streak3, Optional.empty(), s, 0, now, PARIS, RIYADH,
                Set.of("streak3#campaign"));
        assertThat(recorded.completed()).isTrue();
        assertThat(ChallengeRules.completion(streak3, recorded)).isEmpty();
    }

    @Test
    void referThreeFriends_showsTwoOfThree_thenCompletes() {
        Challenge refer3 = challenge("refer3", ChallengeKind.REFERRALS, 3, Optional.empty(), ChallengeWindow.CAMPAIGN);
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        ChallengeProgress two = ChallengeRules.progress(refer3, Optional.empty(), Streak.NONE, 2, now, PARIS, PARIS, Set.of());
        assertThat(two.current()).isEqualTo(2);
        assertThat(ChallengeRules.completion(refer3, two)).isEmpty();
        ChallengeProgress three = ChallengeRules.progress(refer3, Optional.empty(), Streak.NONE, 3, now, PARIS, PARIS, Set.of());
        assertThat(ChallengeRules.completion(refer3, three)).isPresent();
    }
}
