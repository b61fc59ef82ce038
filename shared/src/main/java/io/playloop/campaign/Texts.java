package io.playloop.campaign;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The campaign's texts per language and the neutral fallbacks of placeholders the engine may lack.
 *
 * @param byLanguage language to text key to template
 * @param fallbacks  language to placeholder ({@link Placeholders#WITH_FALLBACK}) to neutral text
 */
public record Texts(Map<String, Map<TextKey, String>> byLanguage, Map<String, Map<String, String>> fallbacks) {
    public Texts {
        Map<String, Map<TextKey, String>> texts = new HashMap<>();
        byLanguage.forEach((language, byKey) -> texts.put(language, Map.copyOf(byKey)));
        byLanguage = Map.copyOf(texts);
        Map<String, Map<String, String>> neutral = new HashMap<>();
        fallbacks.forEach((language, byName) -> neutral.put(language, Map.copyOf(byName)));
        fallbacks = Map.copyOf(neutral);
    }

    /** The template {@code key} in {@code language}, or null when the campaign does not write it. */
    public String template(String language, TextKey key) {
        Map<TextKey, String> byKey = byLanguage.get(language);
        return byKey == null ? null : byKey.get(key);
    }

    /**
     * The text {@code key} in {@code language} with its placeholders filled; a missing value takes the
     * language's fallback, so no "{{...}}" ever reaches a customer.
     *
     * @throws IllegalArgumentException if the campaign has no such text (its mechanic is left out)
     */
    public String render(String language, TextKey key, Map<String, String> values) {
        String template = template(language, key);
        if (template == null) {
            throw new IllegalArgumentException("the campaign has no text " + key.key() + " in " + language);
        }
        return Placeholders.render(template, values, fallbacks.getOrDefault(language, Map.of()));
    }

    /** The texts of one language as an EnumMap (ordered by key), empty if the language is absent. */
    public Map<TextKey, String> of(String language) {
        Map<TextKey, String> ordered = new EnumMap<>(TextKey.class);
        ordered.putAll(byLanguage.getOrDefault(language, Map.of()));
        return ordered;
    }
}
