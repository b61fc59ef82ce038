package io.playloop.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cursor over one mapping of the campaign tree that knows its path. Each read names the key it
 * expects, reports a wrong or missing value as a {@link Problem} and returns a harmless stand-in so
 * reading goes on; {@link #finish()} reports every key nobody asked for (typos). A cursor over a
 * missing section is silent: the section's absence is reported once, not once per field.
 */
final class Fields {
    private static final Pattern PERIOD_UNITS = Pattern.compile("(?i)^-?P(\\d+[YMW])+.*");

    private final String path;
    private final JsonNode node;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    private Fields(String path, JsonNode node, Problems problems) {
        this.path = path;
        this.node = node;
        this.problems = problems;
    }

    /** A cursor over {@code node}, which must be a mapping; anything else is reported and read as empty. */
    static Fields of(String path, JsonNode node, Problems problems) {
        if (isEmpty(node)) {
            return new Fields(path, null, problems);
        }
        if (!node.isObject()) {
            problems.add(path, "must be a mapping (key: value lines), not " + describe(node));
            return new Fields(path, null, problems);
        }
        return new Fields(path, node, problems);
    }

    /** A silent cursor: every read returns its stand-in without a problem. */
    static Fields absent(String path, Problems problems) {
        return new Fields(path, null, problems);
    }

    String path() {
        return path;
    }

    /** Whether this cursor reads nothing (a missing section, or a value that was not a mapping). */
    boolean isAbsent() {
        return node == null;
    }

    Problems problems() {
        return problems;
    }

    /** The path of a key of this mapping. */
    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Whether the key is written (even without a value). Marks it as known. */
    boolean has(String key) {
        known.add(key);
        return node != null && node.has(key);
    }

    /** The raw value of a key (null if absent). Marks it as known. */
    JsonNode raw(String key) {
        known.add(key);
        return node == null ? null : node.get(key);
    }

    /** Reports {@code reason} at a key of this mapping. */
    void problem(String key, String reason) {
        problems.add(at(key), reason);
    }

    // --- text ------------------------------------------------------------------------------------

    /** A required text; "" (after a problem) when missing or not text. */
    String requiredText(String key) {
        return text(key, true).orElse("");
    }

    Optional<String> optionalText(String key) {
        return text(key, false);
    }

    private Optional<String> text(String key, boolean required) {
        JsonNode value = raw(key);
        if (node == null) {
            return Optional.empty();
        }
        if (value == null) {
            if (required) {
                problem(key, "missing");
            }
            return Optional.empty();
        }
        return textValue(at(key), value, problems);
    }

    /** A non-blank text value, or empty after reporting why not. */
    static Optional<String> textValue(String path, JsonNode value, Problems problems) {
        if (isEmpty(value)) {
            problems.add(path, "has no value");
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problems.add(path, "must be text, not " + describe(value) + " (put it in quotes)");
            return Optional.empty();
        }
        if (value.textValue().isBlank()) {
            problems.add(path, "must not be blank");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    /** A required identifier matching {@code pattern}; "" after a problem. */
    String id(String key, Pattern pattern, String rule) {
        String value = requiredText(key);
        if (!value.isEmpty() && !pattern.matcher(value).matches()) {
            problem(key, "'" + value + "' " + rule);
            return "";
        }
        return value;
    }

    // --- numbers ---------------------------------------------------------------------------------

    /** A whole number in [min, max]; {@code fallback} when absent. */
    long integer(String key, long fallback, long min, long max) {
        return optionalInteger(key, min, max).orElse(fallback);
    }

    /** A required whole number in [min, max]; {@code min} after a problem. */
    long requiredInteger(String key, long min, long max) {
        if (node != null && raw(key) == null) {
            problem(key, "missing");
            return min;
        }
        return optionalInteger(key, min, max).orElse(min);
    }

    OptionalLong optionalInteger(String key, long min, long max) {
        JsonNode value = raw(key);
        if (node == null || value == null) {
            return OptionalLong.empty();
        }
        if (isEmpty(value)) {
            problem(key, "has no value");
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(key, value.isNumber() ? "must be a whole number, not " + value.asText()
                    : "must be a whole number, not " + describe(value));
            return OptionalLong.empty();
        }
        long number = value.longValue();
        if (number < min) {
            problem(key, (min == 1 ? "must be > 0" : "must be >= " + min) + ", not " + number);
            return OptionalLong.empty();
        }
        if (number > max) {
            problem(key, "must be <= " + max + ", not " + number);
            return OptionalLong.empty();
        }
        return OptionalLong.of(number);
    }

    /**
     * A decimal in (minExclusive, maxInclusive] (or [min, max] when {@code minInclusive}) with at most
     * {@code maxScale} decimals; {@code fallback} when absent or wrong.
     */
    BigDecimal decimal(String key, BigDecimal fallback, BigDecimal min, boolean minInclusive, BigDecimal max,
                       int maxScale) {
        JsonNode value = raw(key);
        if (node == null || value == null) {
            return fallback;
        }
        if (!value.isNumber()) {
            problem(key, isEmpty(value) ? "has no value" : "must be a number, not " + describe(value));
            return fallback;
        }
        BigDecimal number = Decimals.normalize(value.decimalValue());
        if (minInclusive ? number.compareTo(min) < 0 : number.compareTo(min) <= 0) {
            problem(key, "must be " + (minInclusive ? ">= " : "> ") + min.toPlainString() + ", not "
                    + number.toPlainString());
            return fallback;
        }
        if (number.compareTo(max) > 0) {
            problem(key, "must be <= " + max.toPlainString() + ", not " + number.toPlainString());
            return fallback;
        }
        if (number.scale() > maxScale) {
            problem(key, "at most " + maxScale + " decimals, not " + number.toPlainString());
            return fallback;
        }
        return number;
    }

    // --- durations and enums ---------------------------------------------------------------------

    /** An ISO-8601 duration in [min, max]; {@code fallback} when absent (null fallback: required). */
    Duration duration(String key, Duration fallback, Duration min, Duration max) {
        Optional<String> text = text(key, fallback == null);
        if (text.isEmpty()) {
            return fallback == null ? min : fallback;
        }
        Duration value;
        try {
            value = Duration.parse(text.get());
        } catch (DateTimeParseException e) {
            problem(key, PERIOD_UNITS.matcher(text.get()).matches()
                    ? "'" + text.get() + "': write weeks, months and years in days (P7D, P30D, P365D):"
                    + " months and years have no fixed length"
                    : "'" + text.get() + "' is not an ISO-8601 duration (e.g. P1D, PT10M, P365D)");
            return fallback == null ? min : fallback;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problem(key, "must be between " + min + " and " + max + ", not " + text.get());
            return fallback == null ? min : fallback;
        }
        return value;
    }

    /** One of the enum's format names; {@code fallback} when absent (null fallback: required). */
    <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        Optional<String> text = text(key, fallback == null);
        if (text.isEmpty()) {
            return fallback;
        }
        Optional<E> value = FormatNames.lookup(type, text.get());
        if (value.isEmpty()) {
            List<String> names = FormatNames.names(type);
            problem(key, "'" + text.get() + "' is not one of " + String.join(", ", names)
                    + Suggestions.hint(text.get(), names));
            return fallback;
        }
        return value.get();
    }

    // --- nesting ---------------------------------------------------------------------------------

    /** A nested mapping if written (a key with no value reads as an empty mapping). */
    Optional<Fields> object(String key) {
        JsonNode value = raw(key);
        if (node == null || value == null) {
            return Optional.empty();
        }
        // "quiz:" with nothing under it is a section written empty: its required fields are missing.
        return Optional.of(of(at(key), isEmpty(value) ? JsonNodeFactory.instance.objectNode() : value, problems));
    }

    /** A required nested mapping; a silent cursor after reporting it missing. */
    Fields requiredObject(String key) {
        if (node != null && raw(key) == null) {
            problem(key, "missing");
        }
        return object(key).orElseGet(() -> absent(at(key), problems));
    }

    /** The items of a list (each with its path {@code key[i]}); empty when absent. */
    List<Item> list(String key, int min, int max) {
        JsonNode value = raw(key);
        if (node == null || value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            problem(key, "must be a list (lines starting with '- '), not " + describe(value));
            return List.of();
        }
        if (value.size() < min) {
            problem(key, value.isEmpty() ? "must not be empty" : "needs at least " + min + ", has " + value.size());
        } else if (value.size() > max) {
            problem(key, "at most " + max + ", has " + value.size());
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(new Item(at(key) + "[" + i + "]", value.get(i)));
        }
        return items;
    }

    /** The mappings of a list, as cursors. */
    List<Fields> objects(String key, int min, int max) {
        List<Fields> cursors = new ArrayList<>();
        for (Item item : list(key, min, max)) {
            cursors.add(of(item.path(), item.value(), problems));
        }
        return cursors;
    }

    /** The entries of a mapping whose keys are data (languages, text keys, commands), in file order. */
    Map<String, JsonNode> entries() {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (node != null) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                known.add(e.getKey());
                entries.put(e.getKey(), e.getValue());
            }
        }
        return entries;
    }

    /** Reports every key that no read asked for: a typo, or a field of another kind of item. */
    void finish() {
        if (node == null) {
            return;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problems.add(at(key), "unknown key" + Suggestions.hint(key, known));
            }
        });
    }

    /**
     * Whether a value is absent in all but name: null, or empty text (YAML reads {@code key:} with nothing
     * after it as empty text).
     */
    static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isTextual() && value.textValue().isEmpty();
    }

    /** How a problem names a value of the wrong type. */
    static String describe(JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (isEmpty(value)) {
            return "nothing";
        }
        if (value.isBoolean()) {
            return "true/false";
        }
        if (value.isNumber()) {
            return "a number (" + value.asText() + ")";
        }
        return "text ('" + value.asText() + "')";
    }

    /**
     * One item of a list.
     *
     * @param path  e.g. {@code spin.prizes[2]}
     * @param value the item
     */
    record Item(String path, JsonNode value) {
    }
}
