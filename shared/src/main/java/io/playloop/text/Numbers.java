package io.playloop.text;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Numbers as each language writes them: "1,500" in English, "1 500" in French (a narrow no-break space),
 * Latin digits in Arabic too (the digits customers type back: REDEEM 2). Only the placeholders that hold a
 * number are formatted, so a coupon code or a question number read as a word keeps its digits.
 */
public final class Numbers {
    /** Placeholders whose value is a whole number. */
    public static final Set<String> NUMBERS = Set.of("points", "earned", "count", "total", "cost", "friends",
            "streak", "limit", "score", "points_to_go", "missing", "days", "bonus", "expiring", "done", "target",
            "rank", "around", "percent");
    /**
     * Counts: numbers a noun follows ("5 points", "3 days"), which must come with the language's plural forms.
     * Ranks, percentages and "2 of 3" are numbers but not counts.
     */
    public static final Set<String> COUNTS = Set.of("points", "earned", "count", "total", "cost", "friends",
            "streak", "limit", "score", "points_to_go", "missing", "days", "bonus", "expiring");

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");

    private Numbers() {
    }

    /** {@code n} as {@code language} writes a whole number. */
    public static String format(long n, String language) {
        return NumberFormat.getIntegerInstance(locale(language)).format(n);
    }

    /** A whole number's digits formatted; anything else ("~12", "-") as it is. */
    static String format(String value, String language) {
        return parse(value).map(n -> format(n, language)).orElse(value);
    }

    /** The whole number {@code value} holds, if it is one. */
    static Optional<Long> parse(String value) {
        if (value == null || !WHOLE.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value.strip()));
    }

    /** The locale numbers and dates of {@code language} are written in (Latin digits for Arabic). */
    public static Locale locale(String language) {
        Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
        return "ar".equals(locale.getLanguage()) ? Locale.forLanguageTag(language + "-u-nu-latn") : locale;
    }
}
