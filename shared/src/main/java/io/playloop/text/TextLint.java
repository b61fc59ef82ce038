package io.playloop.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every text as customers will: renders each text of each language with the counts 0, 1, 2, 3, 5, 11, 100
 * and 101, with and without the values the engine may lack (name, last product, tier, birthday, an exact rank),
 * and reports what a customer would notice:
 * <ul>
 *   <li>a raw placeholder left ({@code {{} or {@code }}});</li>
 *   <li>{@code ##} (a value that brings its own sign into a text that writes it too);</li>
 *   <li>a count shown without the language's plural forms ("1 points", "لديك 5 نقطة"), or a plural form the
 *       count calls for and the text lacks;</li>
 *   <li>a value the engine may lack, used by a text with no {@code without_} form for it (the hole in
 *       "What would you like to play, ?" or the stranger's word in "à vous, un ami");</li>
 *   <li>unbalanced bidi isolates (U+2066 to U+2069);</li>
 *   <li>a text longer than WhatsApp allows where it goes (a body, a button, a list row or label).</li>
 * </ul>
 * Pure and neutral: the caller lists the texts ({@link Entry}); {@code io.playloop.campaign.Texts#lint} lists a
 * campaign's.
 */
public final class TextLint {
    /** The counts every text is rendered with: every Arabic form, French 0 and 1, English 1 and more. */
    public static final List<Long> COUNTS = List.of(0L, 1L, 2L, 3L, 5L, 11L, 100L, 101L);
    /** Values the engine may not have: each is left out in turn. */
    public static final List<String> OPTIONAL = List.of("name", "last_product", "tier", "birthday", "rank");

    private static final Pattern COUNT_THEN_WORD =
            Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}[\\s\\u00a0\\u202f]*(\\p{L}+)");
    /** Words after a number that are no noun to agree with it: "2 of 5", "3 par client", "5 من 10". */
    private static final Set<String> NOT_NOUNS = Set.of("of", "per", "out", "sur", "par", "من", "لكل");
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("name", isolate("Ana")), Map.entry("business", "Café Lumière"),
            Map.entry("tier", isolate("Gold")), Map.entry("next_tier", isolate("Platinum")),
            Map.entry("last_product", isolate("“Iced latte”")), Map.entry("birthday", "12 May"),
            Map.entry("text", "hello"), Map.entry("code", isolate("PLAY-7K2Q")),
            Map.entry("link", "https://wa.me/15550001234?text=PLAY-7K2Q"), Map.entry("prize", isolate("10 % off")),
            Map.entry("reward", isolate("Free coffee")), Map.entry("challenge", isolate("Invite 3 friends")),
            Map.entry("badge", isolate("Quiz whiz")), Map.entry("question", "Which bean is used for espresso?"),
            Map.entry("answer", isolate("Arabica")), Map.entry("player", isolate("•••1234")),
            Map.entry("bar", "▰▰▱▱▱"), Map.entry("date", "Jan 1, 2027"), Map.entry("valid_until", "Jan 31, 2027"),
            Map.entry("expires_on", "Jan 31, 2027"), Map.entry("ends", "Sunday 23:59"),
            Map.entry("next_spin", "Dec 1, 2026, 9:00 AM"), Map.entry("week", "Jan 25 – Jan 31, 2027"),
            Map.entry("progress", "You're just 40 points from Platinum."), Map.entry("at_top", "true"),
            Map.entry("number", "2"));

    private TextLint() {
    }

    /**
     * One text to read.
     *
     * @param language     its language
     * @param key          its name, for the report
     * @param template     the text with its forms
     * @param maxLength    the longest WhatsApp allows where it goes, in code points
     * @param placeholders the placeholders the engine fills in it
     * @param fallbacks    the language's neutral values for placeholders (older campaigns)
     */
    public record Entry(String language, String key, Template template, int maxLength, Set<String> placeholders,
                        Map<String, String> fallbacks) {
    }

    /** One thing a customer would notice, with the first rendering that shows it. */
    public record Finding(String language, String key, String form, String problem, String values, String example) {
        @Override
        public String toString() {
            return "texts." + language + "." + key + (form.isEmpty() ? "" : " [" + form + "]") + ": " + problem
                    + " (with " + values + ": \"" + example.replace("\n", "\\n") + "\")";
        }
    }

    /**
     * What the lint read and found.
     *
     * @param texts      texts read (language × key)
     * @param renderings texts × values rendered
     * @param findings   each problem once per text, form and kind
     */
    public record Report(int texts, int renderings, List<Finding> findings) {
        public Report {
            findings = List.copyOf(findings);
        }

        public boolean clean() {
            return findings.isEmpty();
        }

        /** A few lines for a person: the counts and every finding. */
        public String describe() {
            StringBuilder out = new StringBuilder("text lint: " + texts + " texts, " + renderings
                    + " renderings, " + findings.size() + " findings");
            findings.forEach(f -> out.append("\n  - ").append(f));
            return out.toString();
        }
    }

    /** Renders every entry with every count and every missing value, and checks each rendering. */
    public static Report run(List<Entry> entries) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        int renderings = 0;
        for (Entry entry : entries) {
            for (Map<String, String> values : valueSets(entry.placeholders())) {
                renderings++;
                check(entry, values, findings);
            }
        }
        return new Report(entries.size(), renderings, new ArrayList<>(findings.values()));
    }

    /** The value sets a text is rendered with. */
    static List<Map<String, String>> valueSets(Set<String> placeholders) {
        List<Map<String, String>> sets = new ArrayList<>();
        boolean hasCount = placeholders.stream().anyMatch(Numbers.NUMBERS::contains);
        List<Long> counts = hasCount ? COUNTS : List.of(1L);
        List<String> optional = optional(placeholders);
        for (long count : counts) {
            Map<String, String> all = new LinkedHashMap<>();
            for (String name : placeholders) {
                if (Numbers.NUMBERS.contains(name)) {
                    all.put(name, Long.toString(count));
                } else {
                    all.put(name, SAMPLES.getOrDefault(name, isolate("sample")));
                }
            }
            if (placeholders.contains("around") && placeholders.contains("rank")) {
                all.remove("around");
            }
            sets.add(all);
            for (String name : optional) {
                Map<String, String> without = new LinkedHashMap<>(all);
                without.remove(name);
                if (name.equals("rank") && placeholders.contains("around")) {
                    without.put("around", Long.toString(count));
                    Map<String, String> neither = new LinkedHashMap<>(all);
                    neither.remove("rank");
                    sets.add(neither);
                }
                sets.add(without);
            }
            if (optional.size() > 1) {
                Map<String, String> none = new LinkedHashMap<>(all);
                optional.forEach(none::remove);
                sets.add(none);
            }
        }
        return sets;
    }

    /** The values a text's engine may lack: a rank only where an approximate one ({@code around}) may come. */
    private static List<String> optional(Set<String> placeholders) {
        return OPTIONAL.stream().filter(placeholders::contains)
                .filter(n -> !n.equals("rank") || placeholders.contains("around")).toList();
    }

    private static void check(Entry entry, Map<String, String> values, Map<String, Finding> findings) {
        Template.Choice choice = entry.template().choose(entry.language(), values);
        String out = Template.fill(choice.source(), entry.language(), values, entry.fallbacks());
        String described = describe(values, entry.placeholders());
        if (out.contains("{{") || out.contains("}}")) {
            add(findings, entry, choice, "a raw placeholder reaches the customer", described, out);
        }
        if (out.contains("##")) {
            add(findings, entry, choice, "'##': the value brings a sign the text writes too", described, out);
        }
        Matcher m = COUNT_THEN_WORD.matcher(choice.source());
        while (m.find()) {
            String name = m.group(1);
            if (Numbers.COUNTS.contains(name) && values.containsKey(name) && !choice.counted().contains(name)
                    && !NOT_NOUNS.contains(m.group(2).toLowerCase(java.util.Locale.ROOT))
                    && PluralRules.categories(entry.language()).size() > 1) {
                add(findings, entry, choice, "{{" + name + "}} is a count shown without the plural forms of "
                        + entry.language() + " (" + String.join(", ", ordered(PluralRules.categories(entry.language())))
                        + ")", described, out);
            }
        }
        for (String fellBack : choice.fellBack()) {
            String[] parts = fellBack.split(":");
            add(findings, entry, choice, "no '" + parts[1] + "' form for {{" + parts[0] + "}}: the count took the"
                    + " 'other' form", described, out);
        }
        for (String name : Template.placeholders(choice.source())) {
            String value = values.get(name);
            if ((value == null || value.isBlank()) && optional(entry.placeholders()).contains(name)
                    && !(name.equals("tier") && entry.fallbacks().containsKey("tier"))) {
                add(findings, entry, choice, "uses {{" + name + "}}, which the engine may lack, and has no without_"
                        + name + " form", described, out);
            }
        }
        if (!balancedIsolates(out)) {
            add(findings, entry, choice, "unbalanced bidi isolates (U+2066 to U+2069)", described, out);
        }
        int length = out.codePointCount(0, out.length());
        if (length > entry.maxLength()) {
            add(findings, entry, choice, length + " characters once filled; WhatsApp allows " + entry.maxLength()
                    + " here", described, out);
        }
    }

    private static void add(Map<String, Finding> findings, Entry entry, Template.Choice choice, String problem,
                            String values, String example) {
        String kind = problem.replaceAll("\\d+ characters", "N characters");
        findings.putIfAbsent(entry.language() + "|" + entry.key() + "|" + choice.path() + "|" + kind,
                new Finding(entry.language(), entry.key(), choice.path(), problem, values, example));
    }

    /** Every isolate opened (U+2066, U+2067, U+2068) is closed by a U+2069, in order. */
    static boolean balancedIsolates(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u2066' && c <= '\u2068') {
                depth++;
            } else if (c == '\u2069') {
                depth--;
                if (depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    private static String describe(Map<String, String> values, Set<String> placeholders) {
        Set<String> parts = new LinkedHashSet<>();
        String count = values.entrySet().stream().filter(e -> Numbers.NUMBERS.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (count != null) {
            parts.add("count " + count);
        }
        optional(placeholders).stream().filter(n -> !values.containsKey(n))
                .forEach(n -> parts.add("no " + n));
        return parts.isEmpty() ? "every value" : String.join(", ", parts);
    }

    private static List<String> ordered(Set<String> categories) {
        return PluralRules.CATEGORIES.stream().filter(categories::contains).toList();
    }

    private static String isolate(String value) {
        return "\u2068" + value + "\u2069";
    }
}
