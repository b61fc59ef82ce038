package io.playloop.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The weekly leaderboard: ranked by points earned in the week (Monday 00:00 to Sunday 24:00 in the
 * campaign's time zone), ties going to whoever reached the score first.
 *
 * @param top how many ranks the board shows
 */
public record Leaderboard(int top) {
    public static final int DEFAULT_TOP = 10;

    /** The Monday that starts the week {@code instant} falls in, in {@code zone}: the board's key. */
    public static LocalDate weekOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
