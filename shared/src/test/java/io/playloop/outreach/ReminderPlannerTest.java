package io.playloop.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.engine.WalletEntry;
import io.playloop.games.challenge.Streak;
import io.playloop.ledger.PointsAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReminderPlannerTest {
    private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T11:00:00Z"); // 12:00 in Paris

    @Test
    void anInactiveCustomerIsNudgedThreeDaysAfterTheirLastMessageWithTheirProgress() {
        CustomerView view = Customers.view(Customers.lea(MONDAY_NOON), MONDAY_NOON);

        DueReminder nudge = ReminderPlanner.occurrences(view, MONDAY_NOON).stream()
                .filter(r -> r.kind() == ReminderKind.INACTIVITY).findFirst().orElseThrow();

        assertThat(nudge.dueAt()).isEqualTo(MONDAY_NOON.plus(Duration.ofDays(3)));
        assertThat(nudge.values()).containsEntry("name", "Léa").containsKey("missing").containsKey("next_tier");
        assertThat(nudge.isDue(MONDAY_NOON.plus(Duration.ofDays(3)))).isTrue();
        assertThat(nudge.isDue(MONDAY_NOON.plus(Duration.ofDays(2)))).isFalse();
    }

    @Test
    void aNewMessageStartsANewInactivitySpellWithItsOwnId() {
        DueReminder first = inactivity(MONDAY_NOON);
        DueReminder later = inactivity(MONDAY_NOON.plus(Duration.ofHours(5)));

        assertThat(later.id()).isNotEqualTo(first.id());
        assertThat(later.dueAt()).isAfter(first.dueAt());
    }

    @Test
    void aRewardIsAnnouncedTwoDaysBeforeItsCodeStopsWorking() {
        Instant validUntil = Instant.parse("2026-11-30T23:00:00Z");
        WalletEntry coffee = new WalletEntry("coffee:wamid.r1", "coffee", Optional.of("CAFE-ABCD-EFGH"),
                MONDAY_NOON, validUntil, Optional.empty());
        CustomerView view = Customers.view(Customers.lea(MONDAY_NOON),
                Customers.progress(List.of(coffee), Map.of(), Streak.NONE), MONDAY_NOON);

        DueReminder expiring = ReminderPlanner.occurrences(view, MONDAY_NOON).stream()
                .filter(r -> r.kind() == ReminderKind.REWARD_EXPIRING).findFirst().orElseThrow();

        assertThat(expiring.dueAt()).isEqualTo(validUntil.minus(Duration.ofDays(2)));
        assertThat(expiring.staleAt()).isEqualTo(validUntil);
        assertThat(expiring.values()).containsEntry("code", "CAFE-ABCD-EFGH").containsKey("reward")
                .containsKey("valid_until");
    }

    @Test
    void aCodeWonOnTheWheelIsAnnouncedTwoDaysAheadAndItsExpiryRecordedOnce() {
        String prize = Customers.DEMO.spin().orElseThrow().prizes().get(0).id();
        Instant validUntil = MONDAY_NOON.plus(Duration.ofDays(5));
        io.playloop.engine.Reward won = new io.playloop.engine.Reward(prize, "wamid.spin1", MONDAY_NOON, validUntil,
                Optional.of("OFF10-ABCD-EFGH"));
        CustomerView view = new CustomerView(Customers.DEMO, Customers.lea(MONDAY_NOON), PointsAccount.empty(),
                Customers.progress(List.of(), Map.of(), Streak.NONE), MONDAY_NOON, List.of(won));

        DueReminder expiring = ReminderPlanner.occurrences(view, MONDAY_NOON).stream()
                .filter(r -> r.kind() == ReminderKind.REWARD_EXPIRING).findFirst().orElseThrow();

        assertThat(expiring.dueAt()).isEqualTo(validUntil.minus(Duration.ofDays(2)));
        assertThat(expiring.values()).containsEntry("code", "OFF10-ABCD-EFGH").containsKey("reward");
        assertThat(RewardExpiry.wonDue(List.of(won), Schedule.NONE, validUntil.minusSeconds(1))).isEmpty();
        assertThat(RewardExpiry.wonDue(List.of(won), Schedule.NONE, validUntil)).containsExactly(won);
        Schedule marked = Schedule.NONE.withDone(RewardExpiry.wonId(won), validUntil.plus(Duration.ofDays(1)));
        assertThat(RewardExpiry.wonDue(List.of(won), marked, validUntil)).isEmpty();
    }

    @Test
    void aUsedRewardIsNeverAnnounced() {
        WalletEntry used = new WalletEntry("coffee:wamid.r1", "coffee", Optional.of("CAFE-ABCD-EFGH"), MONDAY_NOON,
                MONDAY_NOON.plus(Duration.ofDays(3)), Optional.of(MONDAY_NOON.plusSeconds(60)));
        CustomerView view = Customers.view(Customers.lea(MONDAY_NOON),
                Customers.progress(List.of(used), Map.of(), Streak.NONE), MONDAY_NOON);

        assertThat(ReminderPlanner.occurrences(view, MONDAY_NOON))
                .noneMatch(r -> r.kind() == ReminderKind.REWARD_EXPIRING);
    }

    @Test
    void pointsAboutToExpireAreAnnouncedAWeekAheadWithTheAmount() {
        Instant expires = MONDAY_NOON.plus(Duration.ofDays(30));
        PointsAccount account = PointsAccount.empty().grant(40, "quiz", "wamid.q1", MONDAY_NOON, expires).account();
        CustomerView view = new CustomerView(Customers.DEMO, Customers.lea(MONDAY_NOON), account,
                Customers.progress(List.of(), Map.of(), Streak.NONE), MONDAY_NOON);

        DueReminder points = ReminderPlanner.occurrences(view, MONDAY_NOON).stream()
                .filter(r -> r.kind() == ReminderKind.POINTS_EXPIRING).findFirst().orElseThrow();

        assertThat(points.dueAt()).isEqualTo(expires.minus(Duration.ofDays(7)));
        assertThat(points.values()).containsEntry("expiring", "40");
    }

    @Test
    void aStreakOfTwoDaysOrMoreIsRemindedTheNextEveningInTheCustomersZone() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        CustomerView view = Customers.view(Customers.lea(MONDAY_NOON),
                Customers.progress(List.of(), Map.of(), new Streak(Optional.of(monday), 3, 3)), MONDAY_NOON);

        DueReminder streak = ReminderPlanner.occurrences(view, MONDAY_NOON).stream()
                .filter(r -> r.kind() == ReminderKind.STREAK_AT_RISK).findFirst().orElseThrow();

        assertThat(streak.dueAt()).isEqualTo(Instant.parse("2026-11-24T17:00:00Z")); // 18:00 in Paris
        assertThat(streak.staleAt()).isEqualTo(Instant.parse("2026-11-24T23:00:00Z")); // Wednesday 00:00 in Paris
        assertThat(streak.values()).containsEntry("streak", "3");
    }

    @Test
    void theBirthdayComesAtTenInTheMorningOfTheDayAndCarriesTheBonus() {
        CustomerView view = Customers.view(Customers.lea(MONDAY_NOON),
                Customers.progress(List.of(), Map.of("birthday", "1994-11-25"), Streak.NONE), MONDAY_NOON);

        DueReminder birthday = ReminderPlanner.occurrences(view, MONDAY_NOON).stream()
                .filter(r -> r.kind() == ReminderKind.BIRTHDAY).findFirst().orElseThrow();

        assertThat(birthday.id()).isEqualTo("birthday:2026");
        assertThat(birthday.dueAt()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(birthday.values()).containsEntry("bonus", "50");
    }

    @Test
    void anUnfinishedWeeklyChallengeIsRemindedADayBeforeTheWeekEnds() {
        String period = io.playloop.games.challenge.ChallengePeriod.of(io.playloop.campaign.ChallengeWindow.WEEK,
                MONDAY_NOON, Customers.DEMO.timeZone());
        io.playloop.engine.Progress progress = new io.playloop.engine.Progress(Map.of(),
                Map.of("quiz-week", new io.playloop.games.challenge.ActionCount(period, 2)), Streak.NONE, Map.of(),
                java.util.Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 0, Optional.empty(),
                List.of(), Map.of());
        CustomerView view = Customers.view(Customers.lea(MONDAY_NOON), progress, MONDAY_NOON);

        DueReminder challenge = ReminderPlanner.occurrences(view, MONDAY_NOON).stream()
                .filter(r -> r.kind() == ReminderKind.CHALLENGE_UNFINISHED).findFirst().orElseThrow();

        // The week ends Sunday 24:00 in Paris (Sunday 23:00Z): due 24 hours before.
        assertThat(challenge.staleAt()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(challenge.dueAt()).isEqualTo(Instant.parse("2026-11-28T23:00:00Z"));
        assertThat(challenge.values()).containsEntry("done", "2").containsKey("target");
    }

    @Test
    void theNextLookSkipsWhatIsDoneAndWaitsForWhatIsDeferred() {
        CustomerView view = Customers.view(Customers.lea(MONDAY_NOON), MONDAY_NOON);
        DueReminder nudge = inactivity(MONDAY_NOON);

        assertThat(ReminderPlanner.nextLook(view, Schedule.NONE, MONDAY_NOON)).contains(nudge.dueAt());
        Instant morning = nudge.dueAt().plus(Duration.ofHours(20));
        assertThat(ReminderPlanner.nextLook(view, Schedule.NONE.withDeferred(nudge.id(), morning), MONDAY_NOON))
                .contains(morning);
        // Nothing else ahead but the erasure for silence, the campaign's retention after the last message.
        assertThat(ReminderPlanner.nextLook(view, Schedule.NONE.withDone(nudge.id(), nudge.staleAt()), MONDAY_NOON))
                .contains(view.customer().lastInboundAt().plus(view.campaign().inactiveRetention()));
    }

    @Test
    void aSilentCustomer_isDueForErasure_theRetentionAfterTheirLastMessage() {
        CustomerView view = Customers.view(Customers.lea(MONDAY_NOON), MONDAY_NOON);
        Instant last = view.customer().lastInboundAt();

        assertThat(ReminderPlanner.erasureDue(view)).contains(last.plus(Duration.ofDays(730)));
        CustomerView shorter = new CustomerView(view.campaign().withInactiveRetention(Duration.ofDays(90)),
                view.customer(), view.points(), view.progress(), MONDAY_NOON);
        assertThat(ReminderPlanner.erasureDue(shorter)).contains(last.plus(Duration.ofDays(90)));
    }

    @Test
    void theNextLookIncludesALotsExpiryEvenWithoutAReminder() {
        Instant expires = MONDAY_NOON.plus(Duration.ofDays(2));
        PointsAccount account = PointsAccount.empty().grant(10, "quiz", "wamid.q1", MONDAY_NOON, expires).account();
        CustomerView view = new CustomerView(Customers.DEMO, Customers.lea(MONDAY_NOON), account,
                Customers.progress(List.of(), Map.of(), Streak.NONE), MONDAY_NOON);
        Schedule nudgeDone = Schedule.NONE.withDone(inactivity(MONDAY_NOON).id(), MONDAY_NOON.plus(Duration.ofDays(9)));

        // The points-expiring reminder was due before the grant (7 days ahead of a 2-day lot): it is due now.
        assertThat(ReminderPlanner.nextLook(view, nudgeDone, MONDAY_NOON)).contains(MONDAY_NOON);
    }

    private static DueReminder inactivity(Instant lastInbound) {
        return ReminderPlanner.occurrences(Customers.view(Customers.lea(lastInbound), lastInbound), lastInbound)
                .stream().filter(r -> r.kind() == ReminderKind.INACTIVITY).findFirst().orElseThrow();
    }
}
