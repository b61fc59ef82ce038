package io.playloop.games.spin;

import java.util.OptionalLong;

/**
 * How many times a prize may be won: per day in the campaign's time zone, and over the whole campaign.
 * An empty limit is no limit.
 */
public record PrizeBudget(OptionalLong perDay, OptionalLong total) {
    public PrizeBudget {
        if (perDay.isPresent() && perDay.getAsLong() < 0 || total.isPresent() && total.getAsLong() < 0) {
            throw new IllegalArgumentException("a prize budget must not be negative");
        }
    }

    /** At most {@code perDay} a day and {@code total} in all. */
    public static PrizeBudget of(long perDay, long total) {
        return new PrizeBudget(OptionalLong.of(perDay), OptionalLong.of(total));
    }

    /** At most {@code perDay} a day, no overall limit. */
    public static PrizeBudget perDay(long perDay) {
        return new PrizeBudget(OptionalLong.of(perDay), OptionalLong.empty());
    }

    /** At most {@code total} over the campaign, no daily limit. */
    public static PrizeBudget total(long total) {
        return new PrizeBudget(OptionalLong.empty(), OptionalLong.of(total));
    }

    /** What is left given the counters read from the table: the smaller of the day's and the total's rest. */
    long left(long usedToday, long usedInTotal) {
        long left = Long.MAX_VALUE;
        if (perDay.isPresent()) {
            left = Math.min(left, Math.max(0, perDay.getAsLong() - usedToday));
        }
        if (total.isPresent()) {
            left = Math.min(left, Math.max(0, total.getAsLong() - usedInTotal));
        }
        return left;
    }
}
