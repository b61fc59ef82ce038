package io.playloop.campaign;

import static io.playloop.campaign.CampaignFiles.demoWith;
import static io.playloop.campaign.CampaignFiles.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("validation: points rules, challenges, badges, tiers, leaderboard")
class ProgressValidationTest {

    @Test
    void tier_thresholds_must_rise() {
        assertThat(problemsOf(demoWith("    threshold: 1500\n", "    threshold: 400\n")))
                .containsExactly("tiers[2].threshold: must be above tiers[1].threshold (500)");
    }

    @Test
    void a_higher_tier_must_not_earn_less() {
        assertThat(problemsOf(demoWith("      multiplier: 2\n", "      multiplier: 1.25\n")))
                .containsExactly("tiers[2].perks.multiplier: must be >= tiers[1].perks.multiplier (1.5):"
                        + " a higher tier must not earn less");
    }

    @Test
    void a_rolling_downgrade_needs_its_window_and_never_has_none() {
        assertThat(problemsOf(demoWith("  downgrade: never", "  downgrade: rolling")))
                .containsExactly("tier_policy.window: missing");
        Campaign rolling = CampaignLoader.fromYaml(demoWith("  downgrade: never", "  downgrade: rolling\n  window: P365D"),
                "demo.yaml");
        assertThat(rolling.tierPolicy().window()).contains(Duration.ofDays(365));
        assertThat(problemsOf(demoWith("  downgrade: never", "  downgrade: never\n  window: P90D")))
                .containsExactly("tier_policy.window: only a rolling policy has a window");
    }

    @Test
    void badges_refer_to_challenges_and_tiers_that_exist() {
        assertThat(problemsOf(demoWith("challenge: refer-3 }", "challenge: refer-5 }")))
                .containsExactly("badges[2].trigger.challenge: 'refer-5' is not a challenge id (refer-3, quiz-week, streak-3)");
        assertThat(problemsOf(demoWith("tier: gold }", "tier: platinum }")))
                .containsExactly("badges[3].trigger.tier: 'platinum' is not a tier id (silver, gold, vip)");
    }

    @Test
    void a_field_of_another_kind_says_which_kind_uses_what() {
        assertThat(problemsOf(demoWith("    kind: referrals\n    count: 3\n", "    kind: referrals\n    days: 3\n")))
                .containsExactly("challenges[0].count: missing", "challenges[0].days: not used by a referrals challenge (use count)");
        assertThat(problemsOf(demoWith("trigger: { kind: streak, days: 3 }", "trigger: { kind: streak, count: 3 }")))
                .containsExactly("badges[1].trigger.days: missing", "badges[1].trigger.count: not used by a streak trigger (use days)");
    }

    @Test
    void an_actions_challenge_names_a_known_action_and_window() {
        assertThat(problemsOf(demoWith("    action: quiz_answer\n", "    action: quiz_answers\n")))
                .containsExactly("challenges[1].action: 'quiz_answers' is not one of quiz_answer, quiz_correct, spin,"
                        + " order, keyword (did you mean quiz_answer?)");
        assertThat(problemsOf(demoWith("    window: week\n", "    window: fortnight\n")))
                .containsExactly("challenges[1].window: 'fortnight' is not one of day, week, campaign");
    }

    @Test
    void a_streak_is_at_least_two_days() {
        assertThat(problemsOf(demoWith("    kind: streak\n    days: 3\n", "    kind: streak\n    days: 1\n")))
                .containsExactly("challenges[2].days: must be >= 2, not 1");
    }

    @Test
    void earning_rules_have_sane_caps_and_day_based_expiry() {
        assertThat(problemsOf(demoWith("  lot_expiry: P365D", "  lot_expiry: P1Y")))
                .containsExactly("points.lot_expiry: 'P1Y': write weeks, months and years in days (P7D, P30D, P365D):"
                        + " months and years have no fixed length");
        assertThat(problemsOf(demoWith("      cap: { per_week: 150 }", "      cap: { per_day: 200, per_week: 150 }")))
                .containsExactly("points.earn.referral.cap.per_week: must be >= per_day (200), not 150");
        assertThat(problemsOf(demoWith("      cap: { per_week: 150 }", "      cap: {}")))
                .containsExactly("points.earn.referral.cap: give per_day, per_week or both (or leave cap out for no cap)");
        assertThat(problemsOf(demoWith("    order:\n      points: 10", "    orders:\n      points: 10")))
                .containsExactly("points.earn.orders: unknown key (did you mean order?)");
    }

    @Test
    void the_leaderboard_is_weekly_with_a_short_top() {
        assertThat(problemsOf(demoWith("  period: week ", "  period: month ")))
                .containsExactly("leaderboard.period: 'month': only week is supported by playloop/campaign@1");
        assertThat(problemsOf(demoWith("  top: 10", "  top: 50")))
                .containsExactly("leaderboard.top: must be <= 20, not 50");
    }
}
