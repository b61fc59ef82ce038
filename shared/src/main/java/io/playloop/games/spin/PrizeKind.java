package io.playloop.games.spin;

/** What a wheel slot gives. */
public enum PrizeKind {
    /** A discount of {@code amount} percent, becoming a pending reward the customer sees under REWARDS. */
    PERCENT_DISCOUNT,
    /** {@code amount} bonus points, granted to the points ledger. */
    BONUS_POINTS,
    /** Nothing this time ("try again tomorrow"); still a spin, so the cooldown starts. */
    TRY_AGAIN
}
