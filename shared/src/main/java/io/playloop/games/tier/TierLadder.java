package io.playloop.games.tier;

import io.playloop.campaign.Tier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign's tiers from lowest to highest, each with a strictly higher threshold. A customer below the
 * first threshold holds no tier.
 */
public record TierLadder(List<Tier> tiers) {
    public TierLadder {
        tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).threshold() < 0) {
                throw new IllegalArgumentException("tiers[" + i + "].threshold: must be >= 0");
            }
            if (i > 0 && tiers.get(i).threshold() <= tiers.get(i - 1).threshold()) {
                throw new IllegalArgumentException("tiers[" + i + "].threshold: must be above tiers[" + (i - 1) + "]'s");
            }
        }
    }

    /** The highest tier whose threshold {@code earned} reaches. */
    public Optional<Tier> tierFor(long earned) {
        Tier reached = null;
        for (Tier t : tiers) {
            if (earned >= t.threshold()) {
                reached = t;
            }
        }
        return Optional.ofNullable(reached);
    }

    /** The tier with this id. */
    public Optional<Tier> byId(String id) {
        return tiers.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The tier's position, 0 for the lowest; -1 for none (or an id the campaign no longer has). */
    public int rank(Optional<Tier> tier) {
        return tier.map(tiers::indexOf).orElse(-1);
    }

    /** The tier above {@code tier} (the first tier when none is held). */
    public Optional<Tier> next(Optional<Tier> tier) {
        int i = rank(tier) + 1;
        return i < tiers.size() ? Optional.of(tiers.get(i)) : Optional.empty();
    }

    /** The tier and every tier below it: the tiers a customer holding {@code tier} has reached. */
    public List<Tier> upTo(Optional<Tier> tier) {
        return tiers.subList(0, rank(tier) + 1);
    }

    /** Where a customer with {@code earned} points earned stands. */
    public TierStanding standing(long earned) {
        return standing(tierFor(earned), earned);
    }

    /**
     * Where a customer holding {@code held} with {@code counted} points stands: {@code counted} is the points
     * earned overall, or in the rolling window under a rolling policy.
     */
    public TierStanding standing(Optional<Tier> held, long counted) {
        Optional<Tier> next = next(held);
        long from = held.map(Tier::threshold).orElse(0L);
        return new TierStanding(held, next, Math.max(0, counted - from),
                next.map(n -> n.threshold() - from).orElse(0L));
    }
}
