package io.playloop.games.badge;

import io.playloop.campaign.Badge;
import io.playloop.campaign.BadgeTrigger;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Which badges a customer earns, as a pure function. */
public final class BadgeRules {
    private BadgeRules() {
    }

    /**
     * The badges of {@code badges} (in campaign order) whose trigger {@code facts} meet and whose id is not in
     * {@code held}: what to award now. Empty when nothing new, so evaluating twice awards nothing twice.
     */
    public static List<Badge> newlyEarned(Collection<Badge> badges, BadgeFacts facts, Set<String> held) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(held, "held");
        return badges.stream().filter(b -> !held.contains(b.id())).filter(b -> met(b.trigger(), facts)).toList();
    }

    /** Whether {@code facts} meet {@code trigger}. */
    public static boolean met(BadgeTrigger trigger, BadgeFacts facts) {
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (trigger instanceof BadgeTrigger.Actions a) {
            return facts.count(a.action()) >= a.count();
        } else if (trigger instanceof BadgeTrigger.Streak s) {
            return facts.bestStreak() >= s.days();
        } else if (trigger instanceof BadgeTrigger.Referrals r) {
            return facts.joinedReferrals() >= r.count();
        } else if (trigger instanceof BadgeTrigger.TierReached t) {
            return facts.tiersReached().contains(t.tier());
        } else if (trigger instanceof BadgeTrigger.ChallengeCompleted c) {
            return facts.completedChallenges().contains(c.challenge());
        }
        throw new IllegalArgumentException("unknown badge trigger " + trigger);
    }
}
