package io.playloop.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{placeholders}}} in catalogue texts. One pass over the template only: a value that
 * itself contains "{{name}}" (a customer can call themself that) is inserted literally, and a
 * placeholder without a value becomes empty rather than reaching the customer as "{{...}}".
 */
final class TextTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    private TextTemplate() {
    }

    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
