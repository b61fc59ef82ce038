package io.playloop.games.tier;

import io.playloop.campaign.Tier;
import io.playloop.campaign.TierPolicy;
import io.playloop.ledger.LedgerEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The tier a customer holds, under the campaign's downgrade policy:
 * <ul>
 *   <li>{@code never}: the highest tier ever reached by points earned; spending, expiry or a quiet month
 *       never lower it (a refund that reverses a grant does not either: a tier once announced is kept).</li>
 *   <li>{@code rolling}: the tier the points earned in the trailing window reach; it goes down when old
 *       points leave the window.</li>
 * </ul>
 */
public record TierRules(TierLadder ladder, TierPolicy policy) {
    public TierRules {
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(policy, "policy");
        if (policy.downgrade() == TierPolicy.Downgrade.ROLLING && policy.window().isEmpty()) {
            throw new IllegalArgumentException("tiers.policy: a rolling policy needs a window");
        }
    }

    /**
     * The tier to hold now and whether it changed.
     *
     * @param heldId      the tier id the customer item holds, if any (an id the campaign dropped counts as none)
     * @param earnedTotal the account's {@code earnedTotal}
     * @param entries     the account's ledger entries (for a rolling policy they must reach back a whole window)
     */
    public TierChange decide(Optional<String> heldId, long earnedTotal, Collection<LedgerEntry> entries, Instant now) {
        Optional<Tier> held = heldId.flatMap(ladder::byId);
        Optional<Tier> target = switch (policy.downgrade()) {
            case NEVER -> {
                Optional<Tier> reached = ladder.tierFor(earnedTotal);
                yield ladder.rank(reached) >= ladder.rank(held) ? reached : held;
            }
            case ROLLING -> ladder.tierFor(earnedIn(entries, now, policy.window().orElseThrow()));
        };
        int change = Integer.compare(ladder.rank(target), ladder.rank(held));
        if (change > 0) {
            return new TierChange.Up(held, target);
        }
        return change < 0 ? new TierChange.Down(held, target) : new TierChange.Same(held);
    }

    /** Where the customer stands toward the next tier, counting what the policy counts. */
    public TierStanding standing(Optional<Tier> held, long earnedTotal, Collection<LedgerEntry> entries, Instant now) {
        long counted = policy.downgrade() == TierPolicy.Downgrade.ROLLING
                ? earnedIn(entries, now, policy.window().orElseThrow()) : earnedTotal;
        return ladder.standing(held, counted);
    }

    /** Points earned (grants less reversals) in {@code (now - window, now]}. */
    public static long earnedIn(Collection<LedgerEntry> entries, Instant now, Duration window) {
        Instant since = now.minus(window);
        return entries.stream().filter(e -> e.at().isAfter(since) && !e.at().isAfter(now))
                .mapToLong(LedgerEntry::earned).sum();
    }
}
