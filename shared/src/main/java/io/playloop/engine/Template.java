package io.playloop.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A catalogue text with {@code {{placeholder}}} slots, parsed once at load. Rendering is a single pass,
 * so a value that itself contains {@code {{...}}} (a customer's name, a quoted message) is copied
 * verbatim and never expanded.
 */
record Template(String source, List<Part> parts) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    /** A literal run of text or a placeholder. */
    record Part(String literal, String placeholder) {
    }

    Template {
        parts = List.copyOf(parts);
    }

    /**
     * Parses {@code source}.
     *
     * @throws IllegalArgumentException when braces are left that do not form a valid placeholder
     */
    static Template parse(String source) {
        List<Part> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(source);
        int last = 0;
        while (m.find()) {
            addLiteral(parts, source.substring(last, m.start()));
            parts.add(new Part(null, m.group(1)));
            last = m.end();
        }
        addLiteral(parts, source.substring(last));
        return new Template(source, parts);
    }

    private static void addLiteral(List<Part> parts, String literal) {
        if (literal.contains("{{") || literal.contains("}}")) {
            throw new IllegalArgumentException("malformed placeholder in \"" + literal
                    + "\": write {{name}} with a lower-case name");
        }
        if (!literal.isEmpty()) {
            parts.add(new Part(literal, null));
        }
    }

    /** The placeholder names used, in order of first use. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        parts.stream().filter(p -> p.placeholder() != null).forEach(p -> names.add(p.placeholder()));
        return names;
    }

    /**
     * Fills the placeholders.
     *
     * @throws IllegalStateException when a placeholder has no value (a catalogue validation gap: the
     *                               catalogue only allows placeholders the engine fills)
     */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(source.length() + 64);
        for (Part part : parts) {
            if (part.literal() != null) {
                out.append(part.literal());
            } else {
                String value = values.get(part.placeholder());
                if (value == null) {
                    throw new IllegalStateException("no value for {{" + part.placeholder() + "}}");
                }
                out.append(value);
            }
        }
        return out.toString();
    }
}
