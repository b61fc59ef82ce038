package io.playloop.games.challenge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's daily streak: days in a row with at least one qualifying action, each day running from
 * midnight to midnight in the <em>customer's</em> time zone (a player in Riyadh and one in Paris each see
 * their day roll at their own midnight). Calendar days, not 24-hour spans: a DST night of 23 or 25 hours is
 * one day like any other.
 *
 * @param lastDay the customer-local day of the last qualifying action, empty before the first
 * @param length  days in a row ending on {@code lastDay}
 * @param best    the longest streak so far
 */
public record Streak(Optional<LocalDate> lastDay, int length, int best) {
    /** No streak yet. */
    public static final Streak NONE = new Streak(Optional.empty(), 0, 0);

    public Streak {
        Objects.requireNonNull(lastDay, "lastDay");
        if (length < 0 || best < length || lastDay.isEmpty() != (length == 0)) {
            throw new IllegalArgumentException("streak: 0 <= length <= best, and a last day exactly when length > 0");
        }
    }

    /**
     * The streak after a qualifying action at {@code at}: unchanged for a second action the same day,
     * one longer the day after, back to 1 after a missed day.
     */
    public Streak record(Instant at, ZoneId customerZone) {
        LocalDate today = at.atZone(customerZone).toLocalDate();
        if (lastDay.isPresent() && !today.isAfter(lastDay.get())) {
            return this;   // the same day (or an out-of-order older event): counted once
        }
        int next = lastDay.isPresent() && lastDay.get().plusDays(1).equals(today) ? length + 1 : 1;
        return new Streak(Optional.of(today), next, Math.max(best, next));
    }

    /**
     * The streak to show at {@code now}: the length while it is still alive (the last action was today or
     * yesterday), 0 once a whole day was missed.
     */
    public int current(Instant now, ZoneId customerZone) {
        LocalDate today = now.atZone(customerZone).toLocalDate();
        return lastDay.filter(d -> !d.plusDays(1).isBefore(today)).map(d -> length).orElse(0);
    }

    /** Whether the customer has already played today (so today's action will not lengthen the streak). */
    public boolean playedToday(Instant now, ZoneId customerZone) {
        return lastDay.equals(Optional.of(now.atZone(customerZone).toLocalDate()));
    }
}
