package io.playloop.campaign;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{placeholder}}} syntax of campaign texts, and filling it in. One pass over the template
 * only: a value that itself contains "{{name}}" (a customer may call themself that) is inserted
 * literally; a value the engine does not have takes the campaign's neutral fallback, never reaching
 * the customer as "{{...}}".
 */
public final class Placeholders {
    /** Placeholders every body text may use: the customer's profile and the business. */
    public static final List<String> COMMON = List.of("name", "points", "tier", "business", "last_product");
    /**
     * Placeholders whose value the engine may not have (no profile name, no tier yet, no order yet):
     * each language writes a neutral text for them under {@code fallbacks}.
     */
    public static final List<String> WITH_FALLBACK = List.of("name", "tier", "last_product");

    /** A well-formed placeholder: lower-case letters and underscores between double braces. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
    /** Anything that looks like an attempt at one, well-formed or not. */
    static final Pattern ATTEMPT = Pattern.compile("\\{\\{[^{}]*}}|\\{\\{|}}");

    private Placeholders() {
    }

    /** The placeholder names a template uses, in order of first use. */
    public static Set<String> used(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Fills a template: a name's value from {@code values}, else from {@code fallbacks}, else empty.
     */
    public static String render(String template, Map<String, String> values, Map<String, String> fallbacks) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || value.isBlank()) {
                value = fallbacks.getOrDefault(m.group(1), "");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
