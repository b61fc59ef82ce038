package io.playloop.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Days as the customer's language writes them, in the campaign's time zone: "23 nov. 2026", "Nov 23, 2026". */
public final class LocalDates {
    private LocalDates() {
    }

    /** {@code at}'s day in {@code zone}, in the medium style of {@code language}. */
    public static String of(Instant at, String language, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(language))
                .withZone(zone).format(at);
    }
}
