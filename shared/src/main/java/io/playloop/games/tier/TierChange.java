package io.playloop.games.tier;

import io.playloop.campaign.Tier;
import java.util.Objects;
import java.util.Optional;

/** What {@link TierRules#decide} decided: the tier the customer holds now, and whether that is news. */
public sealed interface TierChange {

    /** The tier to hold from now. */
    Optional<Tier> tier();

    /** The same tier as before: nothing to write or say. */
    record Same(Optional<Tier> tier) implements TierChange {
        public Same {
            Objects.requireNonNull(tier, "tier");
        }
    }

    /** A higher tier: write it and send the tier-up message (with the new perks). */
    record Up(Optional<Tier> from, Optional<Tier> tier) implements TierChange {
        public Up {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(tier, "tier");
        }
    }

    /** A lower tier, under a rolling policy only: write it; the texts say so kindly, once. */
    record Down(Optional<Tier> from, Optional<Tier> tier) implements TierChange {
        public Down {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(tier, "tier");
        }
    }
}
