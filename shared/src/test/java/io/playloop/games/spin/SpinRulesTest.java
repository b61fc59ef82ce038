package io.playloop.games.spin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

// Unit tier: when a customer may spin, and what they win when prize budgets run out.
class SpinRulesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    private static SpinRules oncePerDay(ZoneId zone) {
        return new SpinRules(WheelTest.DEMO, Cooldown.oncePerLocalDay(), zone, Map.of(),
                SpinRules.WhenExhausted.REDRAW);
    }

    private static SpinDecision spinAt(SpinRules rules, String last, String now) {
        return rules.decide(Optional.of(Instant.parse(last)), Instant.parse(now), BudgetsLeft.unlimited(),
                WheelTest.seeded());
    }

    @Test
    void paris_aSpinAt2350_allowsTheNextAtMidnight_notBefore() {
        SpinRules rules = oncePerDay(PARIS);
        // 4 March 2026, winter time (UTC+1): 22:50 UTC is 23:50 in Paris.
        String last = "2026-03-04T22:50:00Z";

        assertThat(spinAt(rules, last, "2026-03-04T22:59:59Z"))
                .isEqualTo(new SpinDecision.CoolingDown(Instant.parse("2026-03-04T23:00:00Z")));
        assertThat(spinAt(rules, last, "2026-03-04T23:00:00Z")).isInstanceOf(SpinDecision.Spun.class);
    }

    @Test
    void paris_inSummerTime_midnightIsTwoHoursBeforeUtcMidnight() {
        SpinRules rules = oncePerDay(PARIS);

        assertThat(spinAt(rules, "2026-07-10T21:30:00Z", "2026-07-10T21:59:00Z"))
                .isEqualTo(new SpinDecision.CoolingDown(Instant.parse("2026-07-10T22:00:00Z")));
        assertThat(spinAt(rules, "2026-07-10T21:30:00Z", "2026-07-10T22:00:00Z")).isInstanceOf(SpinDecision.Spun.class);
    }

    @Test
    void paris_theNightTheClocksGoForward_theDayStillTurnsAtMidnight() {
        // Sunday 29 March 2026: 02:00 becomes 03:00. A spin on Saturday evening allows one from Sunday 00:00 (UTC+1).
        assertThat(spinAt(oncePerDay(PARIS), "2026-03-28T20:00:00Z", "2026-03-28T22:59:00Z"))
                .isEqualTo(new SpinDecision.CoolingDown(Instant.parse("2026-03-28T23:00:00Z")));
    }

    @Test
    void riyadh_theDayTurnsAt2100Utc_andUtcMidnightMeansNothing() {
        SpinRules rules = oncePerDay(RIYADH);
        // 20:30 UTC = 23:30 in Riyadh (UTC+3, no daylight saving): midnight comes at 21:00 UTC.
        assertThat(spinAt(rules, "2026-03-04T20:30:00Z", "2026-03-04T20:59:59Z"))
                .isEqualTo(new SpinDecision.CoolingDown(Instant.parse("2026-03-04T21:00:00Z")));
        assertThat(spinAt(rules, "2026-03-04T20:30:00Z", "2026-03-04T21:00:00Z")).isInstanceOf(SpinDecision.Spun.class);
        // 23:30 UTC (02:30 on the 5th in Riyadh) then 01:00 UTC the next day (04:00 on the 5th): a new UTC day,
        // the same Riyadh day, so no second spin.
        assertThat(spinAt(rules, "2026-03-04T23:30:00Z", "2026-03-05T01:00:00Z"))
                .isEqualTo(new SpinDecision.CoolingDown(Instant.parse("2026-03-05T21:00:00Z")));
    }

    @Test
    void aFixedCooldown_countsHours_notCalendarDays() {
        SpinRules rules = new SpinRules(WheelTest.DEMO, Cooldown.every(Duration.ofHours(20)), PARIS, Map.of(),
                SpinRules.WhenExhausted.REDRAW);

        assertThat(spinAt(rules, "2026-03-04T22:50:00Z", "2026-03-05T09:00:00Z"))
                .isEqualTo(new SpinDecision.CoolingDown(Instant.parse("2026-03-05T18:50:00Z")));
        assertThat(spinAt(rules, "2026-03-04T22:50:00Z", "2026-03-05T18:50:00Z")).isInstanceOf(SpinDecision.Spun.class);
    }

    @Test
    void aFirstSpin_isAllowed_andSaysWhenTheNextOneIs() {
        SpinDecision decision = oncePerDay(PARIS).decide(Optional.empty(), Instant.parse("2026-03-04T10:00:00Z"),
                BudgetsLeft.unlimited(), WheelTest.seeded());

        SpinDecision.Spun spun = (SpinDecision.Spun) decision;
        assertThat(spun.day()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(spun.nextSpinAt()).isEqualTo(Instant.parse("2026-03-04T23:00:00Z"));
        assertThat(spun.claim()).isEmpty();
    }

    // A random source that makes the wheel land on the slot it is told, then anywhere.
    private static RandomGenerator landingOn(long... tickets) {
        return new RandomGenerator() {
            private int next;

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                long ticket = tickets[next++];
                assertThat(ticket).isLessThan(bound);
                return ticket;
            }
        };
    }

    private static final Map<String, PrizeBudget> BUDGETS = Map.of(
            "off15", PrizeBudget.of(3, 100), "bonus50", PrizeBudget.total(1000));

    @Test
    void aBudgetedPrize_isWonWithAClaimTheTableCanCheck() {
        SpinRules rules = new SpinRules(WheelTest.DEMO, Cooldown.oncePerLocalDay(), PARIS, BUDGETS,
                SpinRules.WhenExhausted.REDRAW);
        // Tickets 0-29 land on off5, 30-49 off10, 50-59 off15, 60-74 bonus50, 75-99 again.
        SpinDecision.Spun spun = (SpinDecision.Spun) rules.decide(Optional.empty(),
                Instant.parse("2026-03-04T23:30:00Z"), rules.budgetsLeft(Map.of("off15", 2L), Map.of("off15", 50L)),
                landingOn(55));

        assertThat(spun.prize()).isEqualTo(Prize.percentOff("off15", 15));
        assertThat(spun.claim()).contains(new BudgetClaim("off15", LocalDate.of(2026, 3, 5), OptionalLong.of(3),
                OptionalLong.of(100)));
        assertThat(spun.exhaustedDraw()).isEmpty();
    }

    @Test
    void whenTheDaysBudgetIsGone_theWheelIsSpunAgainAmongPrizesStillAvailable() {
        SpinRules rules = new SpinRules(WheelTest.DEMO, Cooldown.oncePerLocalDay(), PARIS, BUDGETS,
                SpinRules.WhenExhausted.REDRAW);
        BudgetsLeft left = rules.budgetsLeft(Map.of("off15", 3L), Map.of("off15", 50L));

        // First lands on off15 (exhausted); the re-draw runs over the 90 remaining weights: 62 is bonus50's
        // ticket 2 (off5 0-29, off10 30-49, bonus50 50-64, again 65-89).
        SpinDecision.Spun spun = (SpinDecision.Spun) rules.decide(Optional.empty(),
                Instant.parse("2026-03-04T10:00:00Z"), left, landingOn(55, 62));

        assertThat(spun.prize()).isEqualTo(Prize.bonusPoints("bonus50", 50));
        assertThat(spun.exhaustedDraw()).contains(Prize.percentOff("off15", 15));
        assertThat(spun.claim()).map(BudgetClaim::prizeId).contains("bonus50");
    }

    @Test
    void withTheTryAgainPolicy_anExhaustedPrizeBecomesTryAgain_andUsesNoBudget() {
        SpinRules rules = new SpinRules(WheelTest.DEMO, Cooldown.oncePerLocalDay(), PARIS, BUDGETS,
                SpinRules.WhenExhausted.TRY_AGAIN);
        BudgetsLeft left = rules.budgetsLeft(Map.of(), Map.of("off15", 100L));   // total budget used up

        SpinDecision.Spun spun = (SpinDecision.Spun) rules.decide(Optional.empty(),
                Instant.parse("2026-03-04T10:00:00Z"), left, landingOn(59));

        assertThat(spun.prize()).isEqualTo(Prize.tryAgain("again"));
        assertThat(spun.claim()).isEmpty();
        assertThat(spun.exhaustedDraw()).contains(Prize.percentOff("off15", 15));
    }

    @Test
    void yesterdaysWins_doNotCountAgainstTodaysBudget_butStillCountInTheTotal() {
        SpinRules rules = new SpinRules(WheelTest.DEMO, Cooldown.oncePerLocalDay(), PARIS, BUDGETS,
                SpinRules.WhenExhausted.REDRAW);

        assertThat(rules.budgetsLeft(Map.of(), Map.of("off15", 97L)).left()).containsEntry("off15", 3L);
        assertThat(rules.budgetsLeft(Map.of(), Map.of("off15", 99L)).left()).containsEntry("off15", 1L);
        assertThat(rules.budgetsLeft(Map.of("off15", 1L), Map.of()).left())
                .containsEntry("off15", 2L).containsEntry("bonus50", 1000L);
    }

    @Test
    void rulesThatCouldLeaveASpinWithoutAnOutcome_areRefusedWithEveryReason() {
        Wheel allBudgeted = Wheel.builder().add(Prize.percentOff("off5", 5), 1).add(Prize.percentOff("off10", 10), 1)
                .build();

        assertThat(SpinRules.problems(allBudgeted, Map.of("off5", PrizeBudget.perDay(10), "off10",
                PrizeBudget.perDay(2), "gone", PrizeBudget.total(1)), SpinRules.WhenExhausted.TRY_AGAIN))
                .containsExactlyInAnyOrder("budgets.gone: no prize with this id on the wheel",
                        "prizes: every prize has a budget; keep one without (e.g. try again) so that a spin always has an outcome",
                        "prizes: 'try again when a budget runs out' needs a try-again prize on the wheel");
        assertThatThrownBy(() -> new SpinRules(WheelTest.DEMO, Cooldown.oncePerLocalDay(), PARIS,
                Map.of("again", PrizeBudget.perDay(1)), SpinRules.WhenExhausted.REDRAW))
                .hasMessageContaining("budgets.again: a try-again prize needs no budget");
    }
}
