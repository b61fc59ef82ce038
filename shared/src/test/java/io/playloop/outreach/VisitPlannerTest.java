package io.playloop.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.engine.Customer;
import io.playloop.engine.WalletEntry;
import io.playloop.games.challenge.Streak;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisitPlannerTest {
    /** Léa's last message: Monday 12:00 in Paris. */
    private static final Instant LAST = Instant.parse("2026-11-23T11:00:00Z");
    /** Three days later, Thursday 12:00 in Paris: the nudge is due and the window long closed. */
    private static final Instant THURSDAY_NOON = LAST.plus(Duration.ofDays(3));

    @Test
    void aNudgeOutsideTheWindowGoesAsTheDeclaredTemplate() {
        VisitPlan plan = VisitPlanner.plan(Customers.view(Customers.lea(LAST), THURSDAY_NOON), Schedule.NONE,
                THURSDAY_NOON, Set.of());

        Outgoing out = plan.send().orElseThrow();
        assertThat(out.reminder().kind()).isEqualTo(ReminderKind.INACTIVITY);
        assertThat(out.channel()).isEqualTo(Channel.TEMPLATE);
        assertThat(out.template().orElseThrow().name()).isEqualTo("playloop_nudge");
    }

    @Test
    void insideTheWindowTheReminderIsFreeFormUnlessMetaSaidTheWindowWasClosed() {
        Instant validUntil = LAST.plus(Duration.ofDays(2));
        WalletEntry coffee = new WalletEntry("coffee:wamid.r1", "coffee", Optional.of("CAFE-ABCD-EFGH"), LAST,
                validUntil, Optional.empty());
        Instant soon = LAST.plus(Duration.ofHours(2));
        CustomerView view = Customers.view(Customers.lea(LAST), Customers.progress(List.of(coffee), Map.of(),
                Streak.NONE), soon);

        Outgoing free = VisitPlanner.plan(view, Schedule.NONE, soon, Set.of()).send().orElseThrow();
        Outgoing forced = VisitPlanner.plan(view, Schedule.NONE, soon, Set.of(free.reminder().id())).send()
                .orElseThrow();

        assertThat(free.reminder().kind()).isEqualTo(ReminderKind.REWARD_EXPIRING);
        assertThat(free.channel()).isEqualTo(Channel.FREE_FORM);
        assertThat(forced.channel()).isEqualTo(Channel.TEMPLATE);
        assertThat(forced.template().orElseThrow().name()).isEqualTo("playloop_reward_expiring");
    }

    @Test
    void afterStopNothingGoesOutAndTheDueRemindersAreDropped() {
        VisitPlan plan = VisitPlanner.plan(Customers.view(Customers.stopped(Customers.lea(LAST)), THURSDAY_NOON),
                Schedule.NONE, THURSDAY_NOON, Set.of());

        assertThat(plan.send()).isEmpty();
        assertThat(plan.skipped()).singleElement().asString().contains("stopped");
        assertThat(plan.schedule().isDone(plan.skipped().get(0).split(":")[0] + ":" + LAST.getEpochSecond())).isTrue();
    }

    @Test
    void at23hLocalTheNudgeWaitsForNineTheNextMorning() {
        Instant lateEvening = Instant.parse("2026-11-26T22:00:00Z"); // 23:00 in Paris, 3 days and 11 hours after LAST
        VisitPlan plan = VisitPlanner.plan(Customers.view(Customers.lea(LAST), lateEvening), Schedule.NONE,
                lateEvening, Set.of());

        assertThat(plan.send()).isEmpty();
        assertThat(plan.deferred()).isEqualTo(1);
        assertThat(plan.schedule().deferred().values()).containsExactly(Instant.parse("2026-11-27T08:00:00Z"));
    }

    @Test
    void overTheBudgetANudgeIsSkippedButAnExpiringRewardWaits() {
        Schedule twoThisWeek = Schedule.NONE.withSent("a", THURSDAY_NOON.minus(Duration.ofDays(2)),
                THURSDAY_NOON.plus(Duration.ofDays(1)), false).withSent("b", THURSDAY_NOON.minus(Duration.ofDays(1)),
                THURSDAY_NOON.plus(Duration.ofDays(1)), false);
        Instant validUntil = THURSDAY_NOON.plus(Duration.ofDays(6));
        WalletEntry coffee = new WalletEntry("coffee:wamid.r1", "coffee", Optional.of("CAFE-ABCD-EFGH"), LAST,
                validUntil, Optional.empty());
        Instant rewardDue = validUntil.minus(Duration.ofDays(2));
        CustomerView nudgeView = Customers.view(Customers.lea(LAST), THURSDAY_NOON);
        CustomerView rewardView = Customers.view(Customers.lea(LAST), Customers.progress(List.of(coffee), Map.of(),
                Streak.NONE), rewardDue);

        VisitPlan nudge = VisitPlanner.plan(nudgeView, twoThisWeek, THURSDAY_NOON, Set.of());
        VisitPlan reward = VisitPlanner.plan(rewardView, twoThisWeek, rewardDue, Set.of());

        assertThat(nudge.send()).isEmpty();
        assertThat(nudge.skipped()).singleElement().asString().contains("already");
        assertThat(reward.send()).isEmpty();
        assertThat(reward.deferred()).isEqualTo(1);
        // The oldest of the two leaves the 7-day window 5 days after Thursday noon (inside Paris's 09:00-20:00).
        assertThat(reward.schedule().deferredUntil("reward:coffee:wamid.r1"))
                .contains(THURSDAY_NOON.plus(Duration.ofDays(5)).plusMillis(1));
    }

    @Test
    void twoRemindersDueTogetherNeverArriveTogether() {
        Instant validUntil = THURSDAY_NOON.plus(Duration.ofDays(1));
        WalletEntry coffee = new WalletEntry("coffee:wamid.r1", "coffee", Optional.of("CAFE-ABCD-EFGH"), LAST,
                validUntil, Optional.empty());
        CustomerView view = Customers.view(Customers.lea(LAST), Customers.progress(List.of(coffee), Map.of(),
                Streak.NONE), THURSDAY_NOON);

        VisitPlan plan = VisitPlanner.plan(view, Schedule.NONE, THURSDAY_NOON, Set.of());

        // The expiring reward outranks the nudge; the nudge waits a day.
        assertThat(plan.send().orElseThrow().reminder().kind()).isEqualTo(ReminderKind.REWARD_EXPIRING);
        assertThat(plan.deferred()).isEqualTo(1);
        assertThat(plan.schedule().deferred().values()).containsExactly(THURSDAY_NOON.plus(Duration.ofDays(1)));
    }

    @Test
    void aReminderWithoutATemplateIsDroppedWhenTheWindowIsClosed() {
        Customer lea = Customers.lea(LAST);
        // A 3-day streak last played on Monday: "about to break" is due Tuesday 18:00; the window closed Tuesday noon.
        Instant tuesdayEvening = Instant.parse("2026-11-24T17:30:00Z");
        CustomerView view = Customers.view(lea, Customers.progress(List.of(), Map.of(),
                new Streak(Optional.of(java.time.LocalDate.of(2026, 11, 23)), 3, 3)), tuesdayEvening);

        VisitPlan plan = VisitPlanner.plan(view, Schedule.NONE, tuesdayEvening, Set.of());

        assertThat(plan.send()).isEmpty();
        assertThat(plan.skipped()).singleElement().asString().contains("no template");
    }
}
