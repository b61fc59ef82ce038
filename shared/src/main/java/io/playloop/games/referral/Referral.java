package io.playloop.games.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One friend brought by one referrer.
 *
 * @param referrer     the referrer's customer key
 * @param friend       the friend's customer key
 * @param code         the code the friend came with
 * @param attributedAt when the friend's first message arrived
 * @param state        where it stands
 * @param qualifiedAt  when it counted, for QUALIFIED
 * @param reason       why not, for REJECTED
 */
public record Referral(String referrer, String friend, ReferralCode code, Instant attributedAt, ReferralState state,
                       Optional<Instant> qualifiedAt, Optional<RejectReason> reason) {
    public Referral {
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(friend, "friend");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(attributedAt, "attributedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(qualifiedAt, "qualifiedAt");
        Objects.requireNonNull(reason, "reason");
        if ((state == ReferralState.QUALIFIED) != qualifiedAt.isPresent()) {
            throw new IllegalArgumentException("qualifiedAt: present exactly when QUALIFIED");
        }
        if ((state == ReferralState.REJECTED) != reason.isPresent()) {
            throw new IllegalArgumentException("reason: present exactly when REJECTED");
        }
    }

    /** A new referral waiting for the friend to opt in and play. */
    public static Referral pending(String referrer, String friend, ReferralCode code, Instant at) {
        return new Referral(referrer, friend, code, at, ReferralState.PENDING, Optional.empty(), Optional.empty());
    }

    Referral qualified(Instant at) {
        return new Referral(referrer, friend, code, attributedAt, ReferralState.QUALIFIED, Optional.of(at),
                Optional.empty());
    }

    Referral rejected(RejectReason why) {
        return new Referral(referrer, friend, code, attributedAt, ReferralState.REJECTED, Optional.empty(),
                Optional.of(why));
    }
}
