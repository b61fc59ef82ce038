package io.playloop.games.spin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGeneratorFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

// Property tier: whatever the budgets read and the random draw, a spin never promises a prize that is gone.
class SpinRulesProperties {
    private static final Map<String, PrizeBudget> BUDGETS = Map.of("off5", PrizeBudget.of(50, 500),
            "off10", PrizeBudget.perDay(5), "off15", PrizeBudget.total(10), "bonus50", PrizeBudget.of(20, 100));

    @Property(tries = 500)
    void noSpinEverGivesAPrizeWithoutBudget_orClaimsWithoutNeed(
            @ForAll @LongRange(max = 60) long off5Today, @ForAll @LongRange(max = 8) long off10Today,
            @ForAll @LongRange(max = 12) long off15Total, @ForAll @LongRange(max = 120) long bonusTotal,
            @ForAll long seed, @ForAll boolean redraw, @ForAll @IntRange(max = 23) int hour) {
        SpinRules rules = new SpinRules(WheelTest.DEMO, Cooldown.oncePerLocalDay(), ZoneId.of("Asia/Riyadh"), BUDGETS,
                redraw ? SpinRules.WhenExhausted.REDRAW : SpinRules.WhenExhausted.TRY_AGAIN);
        BudgetsLeft left = rules.budgetsLeft(Map.of("off5", off5Today, "off10", off10Today, "bonus50", bonusTotal / 5),
                Map.of("off5", off5Today * 3, "off15", off15Total, "bonus50", bonusTotal));
        Instant now = Instant.parse("2026-03-04T00:00:00Z").plusSeconds(3600L * hour);

        SpinDecision.Spun spun = (SpinDecision.Spun) rules.decide(Optional.empty(), now, left,
                RandomGeneratorFactory.of("L64X128MixRandom").create(seed));

        assertThat(left.available(spun.prize())).as("%s was given with no budget left", spun.prize().id()).isTrue();
        assertThat(spun.claim().isPresent()).isEqualTo(BUDGETS.containsKey(spun.prize().id()));
        spun.claim().ifPresent(c -> assertThat(c.day()).isEqualTo(rules.day(now)));
        Statistics.label("first draw").collect(spun.exhaustedDraw().isPresent() ? "exhausted" : "stood");
        Statistics.label("first draw").coverage(c -> c.check("exhausted").percentage(p -> p > 5));
        if (!redraw && spun.exhaustedDraw().isPresent()) {
            assertThat(spun.prize().kind()).isEqualTo(PrizeKind.TRY_AGAIN);
        }
    }
}
