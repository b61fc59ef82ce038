package io.playloop.games.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.TierPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

// Property tier: under "never", earning more never lowers a tier, and the standing adds up.
class TierRulesProperties {
    private static final TierRules NEVER = new TierRules(TierRulesTest.LADDER, TierPolicy.NEVER);

    @Property(tries = 500)
    void neverPolicy_neverGoesDown(@ForAll @LongRange(max = 1000) long before, @ForAll @LongRange(max = 1000) long after) {
        Optional<String> held = TierRulesTest.LADDER.tierFor(before).map(t -> t.id());
        TierChange change = NEVER.decide(held, after, List.of(), Instant.EPOCH);
        assertThat(change).isNotInstanceOf(TierChange.Down.class);
        assertThat(TierRulesTest.LADDER.rank(change.tier()))
                .isEqualTo(Math.max(TierRulesTest.LADDER.rank(TierRulesTest.LADDER.tierFor(before)),
                        TierRulesTest.LADDER.rank(TierRulesTest.LADDER.tierFor(after))));
    }

    @Property(tries = 500)
    void pointsToGo_landsExactlyOnTheNextThreshold(@ForAll @LongRange(max = 1000) long earned) {
        TierStanding s = TierRulesTest.LADDER.standing(earned);
        s.next().ifPresent(next -> {
            assertThat(earned + s.pointsToGo()).isEqualTo(next.threshold());
            assertThat(TierRulesTest.LADDER.tierFor(earned + s.pointsToGo())).contains(next);
        });
    }
}
