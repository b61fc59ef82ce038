package io.playloop.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One text of one language as a campaign writes it: a single sentence, or forms chosen by the values the
 * engine has when it renders.
 * <ul>
 *   <li>{@link Plain}: {@code "Hi {{name}}!"}.</li>
 *   <li>{@link Plural}: one form per CLDR category of the count placeholder
 *       ({@code {one: "You have {{points}} point.", other: "You have {{points}} points."}}).</li>
 *   <li>{@link Variants}: the text, and what to say instead when a value is missing
 *       ({@code {text: "What would you like to play, {{name}}?", without_name: "What would you like to play?"}}),
 *       so a customer with no profile name never reads a hole or a stranger's word.</li>
 * </ul>
 * Forms nest: a {@code without_} variant may itself have plural forms. Rendering is one pass over the chosen
 * form: a value that contains "{{name}}" is copied as it is.
 */
public sealed interface Template permits Template.Plain, Template.Plural, Template.Variants {
    /** A well-formed placeholder: lower-case letters and underscores between double braces. */
    Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
    /** The prefix of a variant's key: {@code without_name}. */
    String WITHOUT = "without_";

    /** The form a reader sees first: the scalar, the {@code other} form, the text with every value. */
    String main();

    /** Every form with where it sits ({@code "one"}, {@code "without_name.other"}; "" for a plain text). */
    Map<String, String> forms();

    /** The form {@code values} call for in {@code language}, and the counts whose plural chose it. */
    Choice choose(String language, Map<String, String> values);

    /**
     * A form chosen for rendering.
     *
     * @param path     where the form sits ({@code "one"}, {@code "without_name.other"})
     * @param counted  the count placeholders whose plural category chose it
     * @param fellBack the plural categories the values called for that the text lacks (it took {@code other})
     */
    record Choice(String path, String source, Set<String> counted, Set<String> fellBack) {
        Choice(String path, String source, Set<String> counted) {
            this(path, source, counted, Set.of());
        }
    }

    /** A plain text. */
    static Template plain(String text) {
        return new Plain(text);
    }

    /** A text that does not change with the values. */
    record Plain(String text) implements Template {
        public Plain {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String main() {
            return text;
        }

        @Override
        public Map<String, String> forms() {
            return Map.of("", text);
        }

        @Override
        public Choice choose(String language, Map<String, String> values) {
            return new Choice("", text, Set.of());
        }
    }

    /**
     * Forms per plural category of the value of {@code count}; a category without its own form takes
     * {@code other}, and so does a count the engine does not have.
     */
    record Plural(String count, Map<String, Template> byCategory) implements Template {
        public Plural {
            Objects.requireNonNull(count, "count");
            if (!byCategory.containsKey(PluralRules.OTHER)) {
                throw new IllegalArgumentException("plural forms need an 'other' form");
            }
            byCategory = Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
        }

        @Override
        public String main() {
            return byCategory.get(PluralRules.OTHER).main();
        }

        @Override
        public Map<String, String> forms() {
            Map<String, String> forms = new LinkedHashMap<>();
            byCategory.forEach((category, form) -> form.forms().forEach((path, text) ->
                    forms.put(path.isEmpty() ? category : category + "." + path, text)));
            return forms;
        }

        @Override
        public Choice choose(String language, Map<String, String> values) {
            String category = Numbers.parse(values.get(count))
                    .map(n -> PluralRules.categoryOf(language, n)).orElse(PluralRules.OTHER);
            Template form = byCategory.get(category);
            Set<String> fellBack = new HashSet<>();
            if (form == null) {
                fellBack.add(count + ":" + category);
                category = PluralRules.OTHER;
                form = byCategory.get(category);
            }
            Choice inner = form.choose(language, values);
            Set<String> counted = new HashSet<>(inner.counted());
            counted.add(count);
            fellBack.addAll(inner.fellBack());
            return new Choice(inner.path().isEmpty() ? category : category + "." + inner.path(), inner.source(),
                    Set.copyOf(counted), Set.copyOf(fellBack));
        }
    }

    /**
     * A text and, per placeholder, the form used when the engine has no value for it (tried in order).
     *
     * @param without placeholder name (without the {@code without_} prefix) to its form
     */
    record Variants(Template text, Map<String, Template> without) implements Template {
        public Variants {
            Objects.requireNonNull(text, "text");
            without = Collections.unmodifiableMap(new LinkedHashMap<>(without));
        }

        @Override
        public String main() {
            return text.main();
        }

        @Override
        public Map<String, String> forms() {
            Map<String, String> forms = new LinkedHashMap<>();
            text.forms().forEach((path, source) -> forms.put(path.isEmpty() ? "text" : path, source));
            without.forEach((name, form) -> form.forms().forEach((path, source) ->
                    forms.put(WITHOUT + name + (path.isEmpty() ? "" : "." + path), source)));
            return forms;
        }

        @Override
        public Choice choose(String language, Map<String, String> values) {
            for (Map.Entry<String, Template> e : without.entrySet()) {
                String value = values.get(e.getKey());
                if (value == null || value.isBlank()) {
                    Choice inner = e.getValue().choose(language, values);
                    return new Choice(WITHOUT + e.getKey() + (inner.path().isEmpty() ? "" : "." + inner.path()),
                            inner.source(), inner.counted(), inner.fellBack());
                }
            }
            return text.choose(language, values);
        }
    }

    /** The placeholder names a text uses, in order of first use. */
    static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The placeholders used anywhere in {@code template}, and the names its variants and plurals read. */
    static Set<String> placeholders(Template template) {
        Set<String> names = new LinkedHashSet<>();
        template.forms().values().forEach(text -> names.addAll(placeholders(text)));
        return names;
    }

    /**
     * Fills {@code source}: a name's value from {@code values} (a number written as the language writes it),
     * else from {@code fallbacks}, else nothing.
     */
    static String fill(String source, String language, Map<String, String> values, Map<String, String> fallbacks) {
        Matcher m = PLACEHOLDER.matcher(source);
        StringBuilder out = new StringBuilder(source.length() + 32);
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                value = fallbacks.getOrDefault(name, "");
            } else if (Numbers.NUMBERS.contains(name)) {
                value = Numbers.format(value, language);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Chooses the form and fills it. */
    default String render(String language, Map<String, String> values, Map<String, String> fallbacks) {
        return fill(choose(language, values).source(), language, values, fallbacks);
    }

    /** The leaves in order, for checks that read every form. */
    default List<String> sources() {
        return new ArrayList<>(forms().values());
    }
}
