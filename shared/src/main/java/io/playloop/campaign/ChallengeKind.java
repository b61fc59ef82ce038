package io.playloop.campaign;

/** The kinds of challenge. */
public enum ChallengeKind {
    /** Refer {@code target} friends whose referral counts. Completed once. */
    REFERRALS,
    /** Do {@code action} {@code target} times within a window; completed once per window. */
    ACTIONS,
    /** Play {@code target} days in a row (the day rolls over at the customer's local midnight). Completed once. */
    STREAK
}
