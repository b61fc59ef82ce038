package io.playloop.campaign;

import java.util.OptionalLong;

/**
 * How many times a prize may be won, per local day and over the whole campaign, across all customers.
 * Enforced atomically in the table: two game functions never give away more.
 *
 * @param perDay per day in the campaign's time zone, empty for no daily budget
 * @param total  over the campaign, empty for no total budget
 */
public record Budget(OptionalLong perDay, OptionalLong total) {
    /** No budget. */
    public static final Budget UNLIMITED = new Budget(OptionalLong.empty(), OptionalLong.empty());

    public Budget {
        if (perDay == null) {
            perDay = OptionalLong.empty();
        }
        if (total == null) {
            total = OptionalLong.empty();
        }
    }

    public boolean isUnlimited() {
        return perDay.isEmpty() && total.isEmpty();
    }
}
