package io.playloop.games.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.campaign.LocalizedText;
import io.playloop.campaign.Perks;
import io.playloop.campaign.Tier;
import io.playloop.campaign.TierPolicy;
import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.Lot;
import io.playloop.ledger.PointsAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// Unit tier: which tier a player holds, how far the next one is, and when it goes up or down.
class TierRulesTest {
    static Tier tier(String id, long threshold) {
        return new Tier(id, new LocalizedText(Map.of("en", id, "fr", id, "ar", id)), threshold, Perks.NONE);
    }

    static final Tier SILVER = tier("silver", 100);
    static final Tier GOLD = tier("gold", 200);
    static final Tier PLATINUM = tier("platinum", 500);
    static final TierLadder LADDER = new TierLadder(List.of(SILVER, GOLD, PLATINUM));
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static PointsAccount grants(long points, String... instants) {
        PointsAccount a = PointsAccount.empty();
        int i = 0;
        for (String at : instants) {
            a = a.grant(points, "keyword", "g" + i++, Instant.parse(at), Lot.NEVER).account();
        }
        return a;
    }

    @Test
    void standing_sixtyPercentToGold_fortyPointsToGo() {
        TierStanding s = LADDER.standing(160);
        assertThat(s.current()).contains(SILVER);
        assertThat(s.next()).contains(GOLD);
        assertThat(s.percent()).isEqualTo(60);
        assertThat(s.pointsToGo()).isEqualTo(40);
        assertThat(s.bar(5, "en")).isEqualTo("\u2066▰▰▰▱▱ 60\u00A0%\u2069");
    }

    @Test
    void standing_belowTheFirstTier_andAtTheTop() {
        TierStanding none = LADDER.standing(30);
        assertThat(none.current()).isEmpty();
        assertThat(none.next()).contains(SILVER);
        assertThat(none.pointsToGo()).isEqualTo(70);
        TierStanding top = LADDER.standing(9_999);
        assertThat(top.current()).contains(PLATINUM);
        assertThat(top.next()).isEmpty();
        assertThat(top.pointsToGo()).isZero();
        assertThat(top.percent()).isEqualTo(100);
    }

    @Test
    void earningPastAThreshold_isATierUp_once() {
        TierRules rules = new TierRules(LADDER, TierPolicy.NEVER);
        PointsAccount a = grants(60, "2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z", "2026-11-22T10:00:00Z",
                "2026-11-23T09:00:00Z");   // 240 earned
        assertThat(rules.decide(Optional.of("silver"), a.earnedTotal(), a.entries(), NOW))
                .isEqualTo(new TierChange.Up(Optional.of(SILVER), Optional.of(GOLD)));
        assertThat(rules.decide(Optional.of("gold"), a.earnedTotal(), a.entries(), NOW))
                .isEqualTo(new TierChange.Same(Optional.of(GOLD)));
    }

    @Test
    void neverPolicy_spendingEverythingKeepsTheTier() {
        TierRules rules = new TierRules(LADDER, TierPolicy.NEVER);
        PointsAccount a = grants(250, "2026-11-20T10:00:00Z");
        PointsAccount spent = a.spend(250, "reward:coffee", "s1", NOW).account();
        assertThat(spent.balance(NOW)).isZero();
        assertThat(rules.decide(Optional.of("gold"), spent.earnedTotal(), spent.entries(), NOW))
                .isEqualTo(new TierChange.Same(Optional.of(GOLD)));
        // A refunded order lowers points earned, but a tier once announced is kept.
        PointsAccount refunded = a.reverse("g0", "refund:order-42", NOW).account();
        assertThat(rules.decide(Optional.of("gold"), refunded.earnedTotal(), refunded.entries(), NOW))
                .isEqualTo(new TierChange.Same(Optional.of(GOLD)));
    }

    @Test
    void rollingPolicy_goldLapses_whenItsPointsLeaveTheThirtyDayWindow() {
        TierRules rules = new TierRules(LADDER, new TierPolicy(TierPolicy.Downgrade.ROLLING, Optional.of(Duration.ofDays(30))));
        PointsAccount a = grants(120, "2026-10-20T10:00:00Z", "2026-11-10T10:00:00Z");   // 240 earned, 120 in window
        List<LedgerEntry> entries = a.entries();
        assertThat(rules.decide(Optional.of("gold"), a.earnedTotal(), entries, Instant.parse("2026-11-19T09:00:00Z")))
                .isEqualTo(new TierChange.Same(Optional.of(GOLD)));
        assertThat(rules.decide(Optional.of("gold"), a.earnedTotal(), entries, NOW))
                .isEqualTo(new TierChange.Down(Optional.of(GOLD), Optional.of(SILVER)));
        assertThat(rules.standing(Optional.of(SILVER), a.earnedTotal(), entries, NOW).pointsToGo()).isEqualTo(80);
    }

    @Test
    void aLadderOutOfOrder_orARollingPolicyWithoutWindow_isRefused() {
        assertThatThrownBy(() -> new TierLadder(List.of(GOLD, SILVER))).hasMessageContaining("tiers[1].threshold");
        assertThatThrownBy(() -> new TierRules(LADDER, new TierPolicy(TierPolicy.Downgrade.ROLLING, Optional.empty())))
                .hasMessageContaining("window");
    }
}
