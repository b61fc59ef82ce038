package io.playloop.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses a plural category (CLDR names: zero, one, two, few, many, other) for a count, from ordered
 * rules in the catalogue: the first rule that matches wins, {@code other} when none does. This keeps
 * "1 point" / "0 point" (French) / "نقطتان" (Arabic dual) out of code.
 */
public record PluralRules(List<Rule> rules) {
    /** The category every language has and every countable text must define. */
    public static final String OTHER = "other";
    /** The categories a rule may name. */
    public static final Set<String> CATEGORIES = Set.of("zero", "one", "two", "few", "many", OTHER);

    public PluralRules {
        rules = List.copyOf(rules);
    }

    /**
     * Matches when {@code (modulus > 0 ? n % modulus : n)} lies in {@code [from, to]}.
     *
     * @param category the category chosen on a match
     * @param modulus  0 to compare the count itself, else the modulus applied first (e.g. 100)
     */
    public record Rule(String category, long modulus, long from, long to) {
        boolean matches(long n) {
            long value = modulus > 0 ? n % modulus : n;
            return value >= from && value <= to;
        }
    }

    /** The plural category of {@code count} (negative counts are treated as their magnitude). */
    public String categoryOf(long count) {
        long n = count == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(count);
        for (Rule rule : rules) {
            if (rule.matches(n)) {
                return rule.category();
            }
        }
        return OTHER;
    }

    /** The categories this language distinguishes, always including {@code other}. */
    public Set<String> categories() {
        Set<String> categories = new LinkedHashSet<>();
        rules.forEach(r -> categories.add(r.category()));
        categories.add(OTHER);
        return categories;
    }
}
