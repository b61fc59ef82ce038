package io.playloop.campaign;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether and how a customer can lose a tier.
 *
 * @param downgrade the policy
 * @param window    for {@link Downgrade#ROLLING}: the trailing period whose earned points set the tier
 */
public record TierPolicy(Downgrade downgrade, Optional<Duration> window) {
    /** Tiers only go up. */
    public static final TierPolicy NEVER = new TierPolicy(Downgrade.NEVER, Optional.empty());

    public TierPolicy {
        Objects.requireNonNull(downgrade, "downgrade");
        Objects.requireNonNull(window, "window");
    }

    /** The downgrade policies. */
    public enum Downgrade {
        /** A tier, once reached, is kept for the campaign. */
        NEVER,
        /** The tier follows the points earned in the trailing {@code window}; it can go down. */
        ROLLING
    }
}
