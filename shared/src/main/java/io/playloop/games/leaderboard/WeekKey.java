package io.playloop.games.leaderboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;

/**
 * The week a leaderboard covers: the ISO week (Monday 00:00 to Sunday 24:00) in the campaign's time zone,
 * written {@code 2026-W48}.
 */
public final class WeekKey {
    private WeekKey() {
    }

    /** The key of the week {@code at} falls in, in {@code zone}. */
    public static String of(Instant at, ZoneId zone) {
        return of(at.atZone(zone).toLocalDate());
    }

    /** The key of the week {@code day} falls in; the year is the week's (31 Dec 2024 is in 2025-W01). */
    public static String of(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The first instant after the week {@code at} falls in: when a new board starts (and this one's TTL counts from). */
    public static Instant endOf(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate nextMonday = day.plusDays(8 - day.getDayOfWeek().getValue());
        return nextMonday.atStartOfDay(zone).toInstant();
    }
}
