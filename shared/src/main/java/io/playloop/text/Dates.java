package io.playloop.text;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days, times and weeks as the customer's language writes them, in the zone the caller chooses (the
 * customer's, for anything that tells them when to come back).
 */
public final class Dates {
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    /** An en dash between spaces: "Jan 25 – Jan 31, 2027". */
    private static final String RANGE = " – ";

    private Dates() {
    }

    /** {@code at}'s day in {@code zone}, in the medium style of {@code language}: "Nov 23, 2026", "23 nov. 2026". */
    public static String day(Instant at, String language, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Numbers.locale(language))
                .withZone(zone).format(at);
    }

    /** {@code at} as a day and a time in {@code zone}: "Nov 23, 2026, 9:00 AM", "23 nov. 2026, 09:00". */
    public static String dateTime(Instant at, String language, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Numbers.locale(language)).withZone(zone).format(at);
    }

    /**
     * An ISO week key ({@code 2027-W05}) as the days it covers, Monday to Sunday: "Jan 25 – Jan 31, 2027",
     * "25 janv. – 31 janv. 2027"; anything else as it is.
     */
    public static String week(String key, String language) {
        return weekStart(key).map(monday -> {
            LocalDate sunday = monday.plusDays(6);
            boolean english = Numbers.locale(language).getLanguage().equals("en");
            String first = english ? (monday.getYear() == sunday.getYear() ? "MMM d" : "MMM d, yyyy")
                    : (monday.getYear() == sunday.getYear() ? "d MMM" : "d MMM yyyy");
            String last = english ? "MMM d, yyyy" : "d MMM yyyy";
            return DateTimeFormatter.ofPattern(first, Numbers.locale(language)).format(monday) + RANGE
                    + DateTimeFormatter.ofPattern(last, Numbers.locale(language)).format(sunday);
        }).orElse(key);
    }

    /** The Monday of an ISO week key, if {@code key} is one. */
    static Optional<LocalDate> weekStart(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = WEEK.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        int week = Integer.parseInt(m.group(2));
        LocalDate fourth = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4);
        if (week < 1 || week > fourth.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            return Optional.empty();
        }
        return Optional.of(fourth.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }
}
