package io.playloop.games.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The referral rules as pure decisions: who a friend is attributed to, and when their referral counts.
 *
 * @param qualifyWithin how long a friend has to opt in and play before the referral lapses; empty for no limit
 */
public record ReferralRules(Optional<Duration> qualifyWithin) {
    /** Referrals that never lapse. */
    public static final ReferralRules NO_LIMIT = new ReferralRules(Optional.empty());

    public ReferralRules {
        Objects.requireNonNull(qualifyWithin, "qualifyWithin");
        qualifyWithin.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("qualifyWithin: must be positive, was " + d);
            }
        });
    }

    /**
     * Decides a message from {@code friend} that carries {@code code}.
     *
     * @param referrer         the customer the code's {@code CODE#} record names; empty when there is none
     * @param friendWasKnown   the friend had a customer record before this message (an existing customer)
     * @param friendsReferral  the friend's existing referral, if any (whatever its state)
     */
    public Attribution attribute(ReferralCode code, Optional<String> referrer, String friend, boolean friendWasKnown,
                                 Optional<Referral> friendsReferral, Instant at) {
        Objects.requireNonNull(friend, "friend");
        if (referrer.isEmpty()) {
            return new Attribution.Rejected(RejectReason.UNKNOWN_CODE);
        }
        // Self first: a customer who types their own code hears "that's yours", not "you're already a customer".
        if (referrer.get().equals(friend)) {
            return new Attribution.Rejected(RejectReason.SELF);
        }
        if (friendsReferral.isPresent()) {
            return new Attribution.Rejected(RejectReason.ALREADY_REFERRED);
        }
        if (friendWasKnown) {
            return new Attribution.Rejected(RejectReason.EXISTING_CUSTOMER);
        }
        return new Attribution.Attributed(Referral.pending(referrer.get(), friend, code, at));
    }

    /**
     * Moves a pending referral on after something the friend did (opted in, played): QUALIFIED once the friend
     * has both opted in and done a qualifying action, EXPIRED past {@link #qualifyWithin}. A settled referral
     * never changes, so replaying an event counts nothing twice.
     */
    public Qualification advance(Referral referral, FriendStatus friend, Instant at) {
        if (referral.state() != ReferralState.PENDING) {
            return new Qualification.Unchanged(referral);
        }
        if (qualifyWithin.isPresent() && !at.isBefore(referral.attributedAt().plus(qualifyWithin.get()))) {
            return new Qualification.Expired(referral.rejected(RejectReason.EXPIRED));
        }
        if (friend.optedIn() && friend.didQualifyingAction()) {
            return new Qualification.Qualified(referral.qualified(at));
        }
        return new Qualification.Unchanged(referral);
    }
}
