package io.playloop.games.referral;

import java.util.Objects;

/** What {@link ReferralRules#attribute} decided for a message carrying a code. */
public sealed interface Attribution {

    /** The friend is now the referrer's, pending: the store puts both records (conditionally, see the package). */
    record Attributed(Referral referral) implements Attribution {
        public Attributed {
            Objects.requireNonNull(referral, "referral");
        }
    }

    /** Nothing to write; the reason picks the reply (e.g. "that's your own code"). */
    record Rejected(RejectReason reason) implements Attribution {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
