package io.playloop.mechanic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mechanic's texts: each key's en/fr/ar default, which a campaign overrides per language in its section's
 * {@code texts} mapping. Placeholders are {@code {{name}}}; a value is inserted as given (the mechanic isolates
 * right-to-left names itself).
 *
 * @param defaults key to language to text; every key has an {@code en} text
 */
public record TextSpec(Map<String, Map<String, String>> defaults) {
    public TextSpec {
        Map<String, Map<String, String>> copy = new HashMap<>();
        defaults.forEach((key, byLanguage) -> {
            if (!byLanguage.containsKey("en")) {
                throw new IllegalArgumentException("text " + key + " has no English default");
            }
            copy.put(key, Map.copyOf(byLanguage));
        });
        defaults = Map.copyOf(copy);
    }

    /** The texts of a campaign: the defaults with its overrides ({@code texts: {en: {key: text}}}), problems reported. */
    public Rendered with(JsonNode overrides, ConfigProblems problems) {
        Map<String, Map<String, String>> merged = new HashMap<>();
        defaults.forEach((key, byLanguage) -> merged.put(key, new HashMap<>(byLanguage)));
        if (overrides != null && !overrides.isNull()) {
            if (!overrides.isObject()) {
                problems.add("texts", "must be a mapping of languages to texts");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> language = it.next();
                    if (!language.getValue().isObject()) {
                        problems.add("texts." + language.getKey(), "must be a mapping of text keys to texts");
                        continue;
                    }
                    language.getValue().fields().forEachRemaining(text -> {
                        String path = "texts." + language.getKey() + "." + text.getKey();
                        if (!merged.containsKey(text.getKey())) {
                            problems.add(path, "unknown text key (known: " + String.join(", ",
                                    defaults.keySet().stream().sorted().toList()) + ")");
                        } else if (!text.getValue().isTextual() || text.getValue().asText().isBlank()) {
                            problems.add(path, "must be a text");
                        } else {
                            merged.get(text.getKey()).put(language.getKey(), text.getValue().asText());
                        }
                    });
                }
            }
        }
        return new Rendered(merged);
    }

    /** The texts as a campaign plays them. */
    public record Rendered(Map<String, Map<String, String>> texts) {
        public Rendered {
            Map<String, Map<String, String>> copy = new HashMap<>();
            texts.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
            texts = Map.copyOf(copy);
        }

        /** The text in {@code language} (else English) with its placeholders filled; unknown ones left empty. */
        public String render(String language, String key, Map<String, String> values) {
            Map<String, String> byLanguage = Objects.requireNonNull(texts.get(key), () -> "no text " + key);
            String template = byLanguage.getOrDefault(language, byLanguage.get("en"));
            StringBuilder out = new StringBuilder(template.length() + 32);
            int i = 0;
            while (i < template.length()) {
                int open = template.indexOf("{{", i);
                int close = open < 0 ? -1 : template.indexOf("}}", open + 2);
                if (open < 0 || close < 0) {
                    out.append(template, i, template.length());
                    break;
                }
                out.append(template, i, open);
                out.append(values.getOrDefault(template.substring(open + 2, close).strip(), ""));
                i = close + 2;
            }
            return out.toString();
        }

        /** Every language's texts of {@code key} (for checks). */
        public List<String> all(String key) {
            return List.copyOf(texts.getOrDefault(key, Map.of()).values());
        }
    }
}
