package io.playloop.campaign;

/** What a wheel prize gives. */
public enum PrizeKind {
    /** A percentage off the next order ({@code value}: 0 &lt; value ≤ 100); becomes a pending reward. */
    PERCENT_DISCOUNT,
    /** Points added to the ledger at once ({@code value}: a whole number of points). */
    BONUS_POINTS,
    /** Nothing this time; has no value and no budget. */
    TRY_AGAIN
}
