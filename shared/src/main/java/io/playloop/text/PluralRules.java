package io.playloop.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CLDR plural categories of whole numbers, built in per language: which form of a text a count takes.
 * English says "1 point" and "0 points"; French "0 point", "1 point", "2 points" and "1 million de points";
 * Arabic has six forms (ليس لديك نقاط، نقطة واحدة، نقطتان، 3 نقاط، 11 نقطة، 100 نقطة).
 *
 * <p>Rules for whole numbers only (CLDR 43, operands i = n, v = 0): a count of points, friends or days.
 */
public final class PluralRules {
    public static final String ZERO = "zero";
    public static final String ONE = "one";
    public static final String TWO = "two";
    public static final String FEW = "few";
    public static final String MANY = "many";
    /** The category every language has, and the form a text falls back to. */
    public static final String OTHER = "other";
    /** Every category, in CLDR order. */
    public static final List<String> CATEGORIES = List.of(ZERO, ONE, TWO, FEW, MANY, OTHER);

    private PluralRules() {
    }

    /** The category of {@code count} in {@code language} (a negative count takes its magnitude's). */
    public static String categoryOf(String language, long count) {
        long n = count == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(count);
        return switch (base(language)) {
            case "ar" -> arabic(n);
            // French and Portuguese: 0 and 1 are singular; a whole multiple of a million takes "de".
            case "fr", "pt" -> n <= 1 ? ONE : n % 1_000_000 == 0 ? MANY : OTHER;
            // Languages without plural forms.
            case "ja", "ko", "zh", "id", "ms", "th", "vi", "tr" -> OTHER;
            // English and most languages of Europe: one for exactly 1.
            default -> n == 1 ? ONE : OTHER;
        };
    }

    /** The categories {@code language} distinguishes, in CLDR order; always ends with {@code other}. */
    public static Set<String> categories(String language) {
        return switch (base(language)) {
            case "ar" -> Set.of(ZERO, ONE, TWO, FEW, MANY, OTHER);
            case "fr", "pt" -> Set.of(ONE, MANY, OTHER);
            case "ja", "ko", "zh", "id", "ms", "th", "vi", "tr" -> Set.of(OTHER);
            default -> Set.of(ONE, OTHER);
        };
    }

    /** True when {@code name} is a CLDR category. */
    public static boolean isCategory(String name) {
        return CATEGORIES.contains(name);
    }

    private static String arabic(long n) {
        if (n == 0) {
            return ZERO;
        }
        if (n == 1) {
            return ONE;
        }
        if (n == 2) {
            return TWO;
        }
        long mod100 = n % 100;
        if (mod100 >= 3 && mod100 <= 10) {
            return FEW;
        }
        if (mod100 >= 11) {
            return MANY;
        }
        return OTHER;
    }

    private static String base(String language) {
        if (language == null) {
            return "";
        }
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
