package io.playloop.campaign;

import io.playloop.text.Template;
import io.playloop.text.TextLint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign's texts per language, each a {@link Template} (a sentence, or forms per plural category and
 * per missing value), and the neutral fallbacks older campaigns wrote for placeholders the engine may lack.
 *
 * @param byLanguage language to text key to template
 * @param fallbacks  language to placeholder ({@link Placeholders#WITH_FALLBACK}) to neutral text: used only
 *                   where a text has no {@code without_} form for that placeholder
 */
public record Texts(Map<String, Map<TextKey, Template>> byLanguage, Map<String, Map<String, String>> fallbacks) {
    public Texts {
        Map<String, Map<TextKey, Template>> texts = new HashMap<>();
        byLanguage.forEach((language, byKey) -> texts.put(language, Map.copyOf(byKey)));
        byLanguage = Map.copyOf(texts);
        Map<String, Map<String, String>> neutral = new HashMap<>();
        fallbacks.forEach((language, byName) -> neutral.put(language, Map.copyOf(byName)));
        fallbacks = Map.copyOf(neutral);
    }

    /** Texts that are all plain sentences (tests and older callers). */
    public static Texts plain(Map<String, Map<TextKey, String>> byLanguage, Map<String, Map<String, String>> fallbacks) {
        Map<String, Map<TextKey, Template>> texts = new HashMap<>();
        byLanguage.forEach((language, byKey) -> {
            Map<TextKey, Template> templates = new EnumMap<>(TextKey.class);
            byKey.forEach((key, text) -> templates.put(key, Template.plain(text)));
            texts.put(language, templates);
        });
        return new Texts(texts, fallbacks);
    }

    /** The text {@code key} in {@code language} as written (its main form), or null when the campaign lacks it. */
    public String template(String language, TextKey key) {
        Template template = text(language, key);
        return template == null ? null : template.main();
    }

    /** The text {@code key} in {@code language} with all its forms, or null when the campaign lacks it. */
    public Template text(String language, TextKey key) {
        Map<TextKey, Template> byKey = byLanguage.get(language);
        return byKey == null ? null : byKey.get(key);
    }

    /**
     * The text {@code key} in {@code language}: the form its values call for (plural category of its count,
     * a {@code without_} form for a missing value), placeholders filled and numbers written as the language
     * writes them. A value missing with no {@code without_} form takes the language's fallback, else nothing,
     * so no "{{...}}" ever reaches a customer.
     *
     * @throws IllegalArgumentException if the campaign has no such text (its mechanic is left out)
     */
    public String render(String language, TextKey key, Map<String, String> values) {
        Template template = text(language, key);
        if (template == null) {
            throw new IllegalArgumentException("the campaign has no text " + key.key() + " in " + language);
        }
        return template.render(language, values, fallbacks.getOrDefault(language, Map.of()));
    }

    /** The main form of every text of one language, ordered by key; empty if the language is absent. */
    public Map<TextKey, String> of(String language) {
        Map<TextKey, String> ordered = new EnumMap<>(TextKey.class);
        byLanguage.getOrDefault(language, Map.of()).forEach((key, template) -> ordered.put(key, template.main()));
        return ordered;
    }

    /** Every text of one language with its forms, ordered by key; empty if the language is absent. */
    public Map<TextKey, Template> templates(String language) {
        Map<TextKey, Template> ordered = new EnumMap<>(TextKey.class);
        ordered.putAll(byLanguage.getOrDefault(language, Map.of()));
        return ordered;
    }

    /** Every text of {@code languages} read by the {@link TextLint}: the campaign as its customers will read it. */
    public TextLint.Report lint(List<String> languages) {
        List<TextLint.Entry> entries = new ArrayList<>();
        for (String language : languages) {
            templates(language).forEach((key, template) -> entries.add(new TextLint.Entry(language, key.key(),
                    template, key.kind().maxLength(), key.placeholders(), fallbacks.getOrDefault(language, Map.of()))));
        }
        return TextLint.run(entries);
    }
}
