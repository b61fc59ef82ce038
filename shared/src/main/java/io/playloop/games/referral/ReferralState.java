package io.playloop.games.referral;

/** Where a referral stands. PENDING moves to QUALIFIED or REJECTED, and those never change again. */
public enum ReferralState {
    /** Attributed; the friend has yet to opt in and do a first qualifying action. */
    PENDING,
    /** Counted: the referrer's progress and points include it. */
    QUALIFIED,
    /** Not counted, for a {@link RejectReason}. */
    REJECTED
}
