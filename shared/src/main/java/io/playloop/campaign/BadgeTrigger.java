package io.playloop.campaign;

import java.util.Objects;

/** What earns a badge. Each badge is awarded at most once per customer. */
public sealed interface BadgeTrigger {
    /** The customer has done {@code action} {@code count} times over the campaign ("first quiz": 1). */
    record Actions(Action action, int count) implements BadgeTrigger {
        public Actions {
            Objects.requireNonNull(action, "action");
        }
    }

    /** The customer's daily streak reached {@code days}. */
    record Streak(int days) implements BadgeTrigger {
    }

    /** {@code count} of the customer's referrals have counted. */
    record Referrals(int count) implements BadgeTrigger {
    }

    /** The customer reached the tier {@code tier} (a tier id). */
    record TierReached(String tier) implements BadgeTrigger {
        public TierReached {
            Objects.requireNonNull(tier, "tier");
        }
    }

    /** The customer completed the challenge {@code challenge} (a challenge id). */
    record ChallengeCompleted(String challenge) implements BadgeTrigger {
        public ChallengeCompleted {
            Objects.requireNonNull(challenge, "challenge");
        }
    }
}
