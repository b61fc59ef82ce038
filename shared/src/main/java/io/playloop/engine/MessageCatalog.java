package io.playloop.engine;

import io.playloop.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keywords and texts per language (en, fr, ar), loaded from a UTF-8 JSON resource: no keyword or text
 * lives in code. Matching is a map lookup on {@link TextNormalizer normalised} phrases.
 *
 * <p>The format ({@code "format": 1}):
 * <pre>{@code
 * {
 *   "format": 1,
 *   "countryLanguages": { "33": "fr", "966": "ar", ... },   // calling-code prefix of wa_id -> language
 *   "scriptLanguages":  { "ARABIC": "ar" },                   // unmatched text mostly in this script -> language
 *   "wholeMessageOnly": ["START"],                            // commands never matched by a first word alone
 *   "languages": {
 *     "en": {
 *       "pluralRules": [ {"category": "one", "from": 1, "to": 1} ],   // first match wins, else "other";
 *                                                                      // "modulus": 100 compares n % 100
 *       "keywords": { "POINTS": ["points", "balance"], "HELP": [...], "START": [...], "STOP": [...] },
 *       "buttons":  { "POINTS": "⭐ My points", ... },                 // reply-button titles, <= 20 code points
 *       "texts": {
 *         "greeting_named": "Hello {{name}}, welcome to {{business}}!",
 *         "points_balance": { "one": "You have 1 point.", "other": "You have {{points}} points." },
 *         ...                                                          // every TextKey
 *       }
 *     }
 *   }
 * }
 * }</pre>
 * Loading validates everything (every language has every command's keywords and button, every text with
 * only its allowed placeholders and every plural form of the language, button titles within 20 code
 * points, no keyword meaning two commands, codes naming known languages) and fails with a
 * {@link CatalogException} listing each problem by path.
 */
public final class MessageCatalog {
    /** The classpath location of the catalogue PlayLoop ships. */
    public static final String BUNDLED_RESOURCE = "/io/playloop/engine/catalog.json";

    private final String source;
    private final Map<String, LanguagePack> languages;
    private final Map<String, KeywordMatch> keywords;
    private final Map<String, String> countryLanguages;
    private final int longestCountryPrefix;
    private final Map<Character.UnicodeScript, String> scriptLanguages;
    private final Set<Command> wholeMessageOnly;

    MessageCatalog(String source, Map<String, LanguagePack> languages, Map<String, KeywordMatch> keywords,
                   Map<String, String> countryLanguages, Map<Character.UnicodeScript, String> scriptLanguages,
                   Set<Command> wholeMessageOnly) {
        this.source = source;
        this.languages = Collections.unmodifiableMap(new LinkedHashMap<>(languages));
        this.keywords = Map.copyOf(keywords);
        this.countryLanguages = Map.copyOf(countryLanguages);
        this.longestCountryPrefix = countryLanguages.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.scriptLanguages = Map.copyOf(scriptLanguages);
        this.wholeMessageOnly = Set.copyOf(wholeMessageOnly);
    }

    /** The catalogue bundled with PlayLoop, loaded and validated once per class loader. */
    public static MessageCatalog bundled() {
        return Bundled.CATALOG;
    }

    /**
     * Loads and validates a catalogue.
     *
     * @param json   UTF-8 JSON in the format above; not closed
     * @param source a name for error messages (a path or resource name)
     * @throws CatalogException listing every problem found
     */
    public static MessageCatalog load(InputStream json, String source) {
        return CatalogLoader.load(json, source);
    }

    /** Where this catalogue came from. */
    public String source() {
        return source;
    }

    /** The language codes, in catalogue order. */
    public Set<String> languages() {
        return languages.keySet();
    }

    /** True when the catalogue has texts in {@code language}. */
    public boolean supports(String language) {
        return language != null && languages.containsKey(language);
    }

    /** What a normalised phrase means, if it is a keyword of any language. */
    public Optional<KeywordMatch> keyword(String normalizedPhrase) {
        return Optional.ofNullable(keywords.get(normalizedPhrase));
    }

    /**
     * True when a short message may give {@code command} by its first word ("stop please"); false for
     * the commands the catalogue lists under {@code wholeMessageOnly} (START: consent must be
     * unambiguous, "start a new order" is not an opt-in).
     */
    public boolean matchesFirstWord(Command command) {
        return !wholeMessageOnly.contains(command);
    }

    /** The language of the country whose calling code starts {@code waId} (longest prefix wins). */
    public Optional<String> languageOfCountry(String waId) {
        if (waId == null) {
            return Optional.empty();
        }
        String digits = waId.startsWith("+") ? waId.substring(1) : waId;
        for (int length = Math.min(longestCountryPrefix, digits.length()); length > 0; length--) {
            String language = countryLanguages.get(digits.substring(0, length));
            if (language != null) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The language tied to the script most of {@code text}'s letters are written in (Arabic script → ar),
     * if the catalogue ties one to it.
     */
    public Optional<String> languageOfScript(String text) {
        if (text == null || scriptLanguages.isEmpty()) {
            return Optional.empty();
        }
        Map<Character.UnicodeScript, Integer> letters = new EnumMap<>(Character.UnicodeScript.class);
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
                total++;
            }
        }
        for (Map.Entry<Character.UnicodeScript, String> e : scriptLanguages.entrySet()) {
            if (letters.getOrDefault(e.getKey(), 0) * 2 > total) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    LanguagePack language(String code) {
        LanguagePack pack = languages.get(code);
        if (pack == null) {
            throw new IllegalArgumentException("the message catalogue has no language '" + code + "'; it has "
                    + languages.keySet());
        }
        return pack;
    }

    /** Lazy holder: the bundled catalogue is parsed on first use, once. */
    private static final class Bundled {
        static final MessageCatalog CATALOG = read();

        private static MessageCatalog read() {
            String name = "classpath:" + BUNDLED_RESOURCE;
            try (InputStream in = MessageCatalog.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new CatalogException(name, List.of("resource not found on the classpath"));
                }
                return load(in, name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
    }
}
