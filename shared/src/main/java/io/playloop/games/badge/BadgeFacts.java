package io.playloop.games.badge;

import io.playloop.campaign.Action;
import io.playloop.campaign.Tier;
import io.playloop.games.tier.TierLadder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a customer has done over the campaign, as badge triggers read it.
 *
 * @param actions             how many times each action was done (absent = never)
 * @param bestStreak          the longest daily streak
 * @param joinedReferrals     referrals that counted
 * @param tiersReached        ids of the tier held and every tier below it
 * @param completedChallenges ids of the challenges completed at least once
 */
public record BadgeFacts(Map<Action, Long> actions, int bestStreak, int joinedReferrals, Set<String> tiersReached,
                         Set<String> completedChallenges) {
    public BadgeFacts {
        actions = Map.copyOf(Objects.requireNonNull(actions, "actions"));
        tiersReached = Set.copyOf(Objects.requireNonNull(tiersReached, "tiersReached"));
        completedChallenges = Set.copyOf(Objects.requireNonNull(completedChallenges, "completedChallenges"));
    }

    /** The ids of {@code held} and every tier below it on {@code ladder}: reaching Gold means reaching Silver too. */
    public static Set<String> tiersReached(TierLadder ladder, Optional<Tier> held) {
        return ladder.upTo(held).stream().map(Tier::id).collect(Collectors.toUnmodifiableSet());
    }

    /** How many times {@code action} was done. */
    public long count(Action action) {
        return actions.getOrDefault(action, 0L);
    }
}
