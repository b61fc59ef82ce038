package io.playloop.games.challenge;

import io.playloop.campaign.ChallengeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;

/** The period a challenge counts in, as a key: {@code 2026-11-23} (day), {@code 2026-W48} (week), {@code campaign}. */
public final class ChallengePeriod {
    /** The key of the whole-campaign period. */
    public static final String CAMPAIGN = "campaign";

    private ChallengePeriod() {
    }

    /** The key of the period {@code at} falls in, in {@code zone} (the campaign's time zone). */
    public static String of(ChallengeWindow window, Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return switch (window) {
            case DAY -> day.toString();
            case WEEK -> isoWeek(day);
            case CAMPAIGN -> CAMPAIGN;
        };
    }

    /**
     * The ISO week of {@code day}, Monday to Sunday: {@code 2026-W48}. The year is the week's year, so
     * 31 December 2024 (a Tuesday) is in {@code 2025-W01}, with the Monday before it.
     */
    public static String isoWeek(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
