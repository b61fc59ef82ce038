package io.playloop.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keywords and texts per language (en, fr, ar), loaded from a JSON resource: no keyword lives in
 * code. Keywords are stored in their {@link TextNormalizer normalised} form, so "ARRÊT", "Arret" and
 * "arrêt !" all find the STOP intent by one map lookup.
 *
 * <p>Format ({@code io/playloop/engine/catalog.json}): {@code intents.<intent>.<language>} lists the
 * keyword phrases; {@code texts.<language>.<key>} holds each text with {@code {{placeholders}}};
 * {@code countryLanguages} maps calling codes to a language.
 */
public final class MessageCatalog {
    /** Every text key each language must define. */
    static final List<String> TEXT_KEYS = List.of("greeting_named", "greeting_anonymous", "welcome_intro", "commands",
            "consent_question", "points_balance", "help", "start_done", "start_already", "stop_done", "unknown",
            "unsupported", "button_start", "button_points", "button_help");
    private static final int BUTTON_TITLE_MAX = 20;
    private static final String RESOURCE = "io/playloop/engine/catalog.json";

    private final List<String> languages;
    private final Map<String, Map<Intent, Set<String>>> keywords; // normalised phrase -> intent -> languages
    private final Map<String, Map<String, String>> texts;         // language -> key -> text
    private final Map<String, String> countryLanguages;           // calling code -> language

    private MessageCatalog(List<String> languages, Map<String, Map<Intent, Set<String>>> keywords,
                           Map<String, Map<String, String>> texts, Map<String, String> countryLanguages) {
        this.languages = List.copyOf(languages);
        this.keywords = keywords;
        this.texts = texts;
        this.countryLanguages = countryLanguages;
    }

    /** Loads the catalogue bundled with PlayLoop. */
    public static MessageCatalog bundled() {
        try (InputStream in = MessageCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            return load(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Loads and validates a catalogue.
     *
     * @throws IllegalArgumentException listing every problem with its path, e.g.
     *                                  {@code texts.fr.button_start: 23 characters, a button title allows 20}
     */
    public static MessageCatalog load(InputStream json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        root.path("defaultLanguageOrder").forEach(l -> languages.add(l.asText()));
        if (languages.isEmpty()) {
            problems.add("defaultLanguageOrder: must list the languages");
        }
        Map<String, Map<String, String>> texts = new HashMap<>();
        for (String language : languages) {
            JsonNode node = root.path("texts").path(language);
            Map<String, String> byKey = new HashMap<>();
            for (String key : TEXT_KEYS) {
                String path = "texts." + language + "." + key;
                JsonNode text = node.path(key);
                if (!text.isTextual() || text.asText().isBlank()) {
                    problems.add(path + ": missing");
                    continue;
                }
                String value = text.asText();
                int length = value.codePointCount(0, value.length());
                if (key.startsWith("button_") && length > BUTTON_TITLE_MAX) {
                    problems.add(path + ": " + length + " characters, a button title allows " + BUTTON_TITLE_MAX);
                }
                byKey.put(key, value);
            }
            texts.put(language, Collections.unmodifiableMap(byKey));
        }
        Map<String, Map<Intent, Set<String>>> keywords = new HashMap<>();
        JsonNode intents = root.path("intents");
        for (Intent intent : Intent.values()) {
            if (intent == Intent.UNKNOWN) {
                continue;
            }
            for (String language : languages) {
                String path = "intents." + intent.key() + "." + language;
                JsonNode phrases = intents.path(intent.key()).path(language);
                if (!phrases.isArray() || phrases.isEmpty()) {
                    problems.add(path + ": needs at least one keyword");
                    continue;
                }
                for (int i = 0; i < phrases.size(); i++) {
                    String normalised = TextNormalizer.normalize(phrases.get(i).asText());
                    if (normalised.isEmpty()) {
                        problems.add(path + "[" + i + "]: empty once normalised");
                        continue;
                    }
                    keywords.computeIfAbsent(normalised, k -> new EnumMap<>(Intent.class))
                            .computeIfAbsent(intent, k -> new LinkedHashSet<>()).add(language);
                }
            }
        }
        keywords.forEach((phrase, byIntent) -> {
            if (byIntent.size() > 1) {
                problems.add("intents: keyword '" + phrase + "' belongs to several intents " + byIntent.keySet());
            }
        });
        Map<String, String> countries = new LinkedHashMap<>();
        root.path("countryLanguages").fields().forEachRemaining(e -> {
            if (!languages.contains(e.getValue().asText())) {
                problems.add("countryLanguages." + e.getKey() + ": unknown language " + e.getValue().asText());
            }
            countries.put(e.getKey(), e.getValue().asText());
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + " has " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
        }
        return new MessageCatalog(languages, keywords, texts, countries);
    }

    /** The languages, default order first. */
    public List<String> languages() {
        return languages;
    }

    public boolean supports(String language) {
        return texts.containsKey(language);
    }

    /** The text {@code key} in {@code language} (falls back to the first language). */
    public String text(String language, String key) {
        Map<String, String> byKey = texts.getOrDefault(language, texts.get(languages.get(0)));
        String text = byKey.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text '" + key + "' in the catalogue");
        }
        return text;
    }

    /** The intent a normalised phrase names, with the languages it is a keyword of; empty if none. */
    public Map<Intent, Set<String>> keyword(String normalisedPhrase) {
        return keywords.getOrDefault(normalisedPhrase, Map.of());
    }

    /**
     * The language of a WhatsApp id's country (longest calling-code prefix wins: 212 before 2), or null.
     */
    public String languageOfNumber(String waId) {
        if (waId == null) {
            return null;
        }
        String digits = waId.startsWith("+") ? waId.substring(1) : waId;
        for (int length = 3; length >= 1; length--) {
            if (digits.length() > length) {
                String language = countryLanguages.get(digits.substring(0, length));
                if (language != null) {
                    return language;
                }
            }
        }
        return null;
    }
}
