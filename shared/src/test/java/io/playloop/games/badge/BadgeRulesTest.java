package io.playloop.games.badge;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.Action;
import io.playloop.campaign.Badge;
import io.playloop.campaign.BadgeTrigger;
import io.playloop.campaign.LocalizedText;
import io.playloop.campaign.Perks;
import io.playloop.campaign.Tier;
import io.playloop.games.tier.TierLadder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

// Unit tier: which badges a player gets, and that they get each one once.
class BadgeRulesTest {
    private static final LocalizedText NAME = new LocalizedText(Map.of("en", "n", "fr", "n", "ar", "ن"));
    private static final Badge FIRST_QUIZ = new Badge("first-quiz", NAME, new BadgeTrigger.Actions(Action.QUIZ_ANSWER, 1));
    private static final Badge STREAK3 = new Badge("streak-3", NAME, new BadgeTrigger.Streak(3));
    private static final Badge HERO = new Badge("referral-hero", NAME, new BadgeTrigger.Referrals(3));
    private static final Badge SILVER = new Badge("silver", NAME, new BadgeTrigger.TierReached("silver"));
    private static final Badge WEEKLY = new Badge("weekly", NAME, new BadgeTrigger.ChallengeCompleted("quiz5"));
    private static final List<Badge> ALL = List.of(FIRST_QUIZ, STREAK3, HERO, SILVER, WEEKLY);

    private static Tier tier(String id, long threshold) {
        return new Tier(id, NAME, threshold, Perks.NONE);
    }

    @Test
    void theFirstQuizAnswer_earnsFirstQuiz_only() {
        BadgeFacts facts = new BadgeFacts(Map.of(Action.QUIZ_ANSWER, 1L), 1, 0, Set.of(), Set.of());
        assertThat(BadgeRules.newlyEarned(ALL, facts, Set.of())).containsExactly(FIRST_QUIZ);
    }

    @Test
    void aBadgeAlreadyHeld_isNeverAwardedAgain() {
        BadgeFacts facts = new BadgeFacts(Map.of(Action.QUIZ_ANSWER, 9L), 3, 0, Set.of(), Set.of());
        assertThat(BadgeRules.newlyEarned(ALL, facts, Set.of("first-quiz"))).containsExactly(STREAK3);
        assertThat(BadgeRules.newlyEarned(ALL, facts, Set.of("first-quiz", "streak-3"))).isEmpty();
    }

    @Test
    void reachingGold_earnsTheSilverBadgeToo_andReferralsAndChallengesCount() {
        TierLadder ladder = new TierLadder(List.of(tier("silver", 100), tier("gold", 200)));
        Set<String> reached = BadgeFacts.tiersReached(ladder, ladder.byId("gold"));
        BadgeFacts facts = new BadgeFacts(Map.of(), 0, 3, reached, Set.of("quiz5"));
        assertThat(BadgeRules.newlyEarned(ALL, facts, Set.of())).containsExactly(HERO, SILVER, WEEKLY);
        assertThat(BadgeFacts.tiersReached(ladder, Optional.empty())).isEmpty();
    }

    @Test
    void twoReferrals_areNotYetAHero() {
        BadgeFacts facts = new BadgeFacts(Map.of(), 2, 2, Set.of(), Set.of());
        assertThat(BadgeRules.newlyEarned(ALL, facts, Set.of())).isEmpty();
    }
}
