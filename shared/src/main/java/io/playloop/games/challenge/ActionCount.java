package io.playloop.games.challenge;

import java.util.Objects;

/**
 * How many counted actions a customer has done for an actions challenge in one period.
 *
 * @param period the period key ({@link ChallengePeriod})
 * @param count  actions counted in it
 */
public record ActionCount(String period, int count) {
    public ActionCount {
        Objects.requireNonNull(period, "period");
        if (count < 0) {
            throw new IllegalArgumentException("count: must be >= 0, was " + count);
        }
    }

    /** The count in {@code currentPeriod}: 0 when this count belongs to an earlier period. */
    public int countIn(String currentPeriod) {
        return period.equals(currentPeriod) ? count : 0;
    }
}
