package io.playloop.games.referral;

import java.util.Objects;

/** What {@link ReferralRules#advance} decided for a pending referral. */
public sealed interface Qualification {

    /** Nothing changes: still pending, or already settled. */
    record Unchanged(Referral referral) implements Qualification {
        public Unchanged {
            Objects.requireNonNull(referral, "referral");
        }
    }

    /**
     * The referral counts from now: the store updates it with {@code state = PENDING} as condition and grants
     * the referral points in the same transaction, so it counts once even when two messages race.
     */
    record Qualified(Referral referral) implements Qualification {
        public Qualified {
            Objects.requireNonNull(referral, "referral");
        }
    }

    /** The friend took too long: the store marks it REJECTED (same condition); nobody is told. */
    record Expired(Referral referral) implements Qualification {
        public Expired {
            Objects.requireNonNull(referral, "referral");
        }
    }
}
