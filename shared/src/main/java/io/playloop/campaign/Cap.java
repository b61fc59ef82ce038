package io.playloop.campaign;

import java.util.OptionalLong;

/**
 * The most points one earning rule grants a customer per local day and per local week (Monday to
 * Sunday in the campaign's time zone). A grant that would cross a cap is cut down to what is left.
 *
 * @param perDay  points per day, empty for no daily cap
 * @param perWeek points per week, empty for no weekly cap
 */
public record Cap(OptionalLong perDay, OptionalLong perWeek) {
    /** No cap. */
    public static final Cap NONE = new Cap(OptionalLong.empty(), OptionalLong.empty());

    public Cap {
        if (perDay == null) {
            perDay = OptionalLong.empty();
        }
        if (perWeek == null) {
            perWeek = OptionalLong.empty();
        }
    }

    public boolean isNone() {
        return perDay.isEmpty() && perWeek.isEmpty();
    }
}
