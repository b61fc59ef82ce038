package io.playloop.campaign;

import java.util.Map;

/**
 * A text written once per campaign language, e.g. a question or a prize name
 * ({@code {en: "5 % off", fr: "5 % de réduction", ar: "خصم ٥٪"}}).
 *
 * @param byLanguage language code to text; the loader guarantees every campaign language is present
 */
public record LocalizedText(Map<String, String> byLanguage) {
    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
    }

    /** The text in {@code language}; a language the campaign lacks gets {@code fallbackLanguage}'s. */
    public String in(String language, String fallbackLanguage) {
        String text = byLanguage.get(language);
        return text != null ? text : byLanguage.get(fallbackLanguage);
    }

    /** The text in {@code language}, or null when the campaign does not write that language. */
    public String in(String language) {
        return byLanguage.get(language);
    }
}
