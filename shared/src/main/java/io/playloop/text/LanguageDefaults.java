package io.playloop.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a campaign does not write about languages, shipped with PlayLoop in {@code io/playloop/text/languages.json}:
 * which language a calling code suggests (33 → fr), which language a script is read as (Arabic script → ar), and
 * which commands only a whole message gives (START: "start a new order" is no opt-in).
 *
 * <pre>{@code
 * { "format": 1,
 *   "countryLanguages": { "33": "fr", "966": "ar", ... },   // calling-code prefix of wa_id -> language
 *   "scriptLanguages":  { "ARABIC": "ar" },                   // unmatched text mostly in this script -> language
 *   "wholeMessageOnly": ["START"] }                           // commands never matched by a first word alone
 * }</pre>
 */
public final class LanguageDefaults {
    /** The classpath location of the defaults PlayLoop ships. */
    public static final String BUNDLED_RESOURCE = "/io/playloop/text/languages.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern COUNTRY_PREFIX = Pattern.compile("[1-9][0-9]{0,3}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final Map<String, String> countryLanguages;
    private final int longestCountryPrefix;
    private final Map<Character.UnicodeScript, String> scriptLanguages;
    private final Set<String> wholeMessageOnly;

    LanguageDefaults(Map<String, String> countryLanguages, Map<Character.UnicodeScript, String> scriptLanguages,
                     Set<String> wholeMessageOnly) {
        this.countryLanguages = Map.copyOf(countryLanguages);
        this.longestCountryPrefix = countryLanguages.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.scriptLanguages = Map.copyOf(scriptLanguages);
        this.wholeMessageOnly = Set.copyOf(wholeMessageOnly);
    }

    /** The defaults bundled with PlayLoop, read and checked once per class loader. */
    public static LanguageDefaults bundled() {
        return Bundled.DEFAULTS;
    }

    /**
     * Reads and checks defaults in the format above.
     *
     * @throws IllegalArgumentException listing every problem, each with its path
     */
    public static LanguageDefaults load(InputStream json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject() || root.path("format").asInt(-1) != 1) {
            throw new IllegalArgumentException(source + ": must be a JSON object with \"format\": 1");
        }
        Map<String, String> countries = new HashMap<>();
        root.path("countryLanguages").fields().forEachRemaining(e -> {
            if (!COUNTRY_PREFIX.matcher(e.getKey()).matches()) {
                problems.add("countryLanguages." + e.getKey() + ": a country calling code is 1 to 4 digits");
            }
            if (!LANGUAGE.matcher(e.getValue().asText("")).matches()) {
                problems.add("countryLanguages." + e.getKey() + ": must name a language code");
            }
            countries.put(e.getKey(), e.getValue().asText());
        });
        Map<Character.UnicodeScript, String> scripts = new EnumMap<>(Character.UnicodeScript.class);
        root.path("scriptLanguages").fields().forEachRemaining(e -> {
            try {
                scripts.put(Character.UnicodeScript.valueOf(e.getKey().toUpperCase(Locale.ROOT)), e.getValue().asText());
            } catch (IllegalArgumentException notAScript) {
                problems.add("scriptLanguages." + e.getKey() + ": not a Unicode script name (e.g. ARABIC, LATIN)");
            }
        });
        Set<String> whole = new HashSet<>();
        root.path("wholeMessageOnly").forEach(node -> whole.add(node.asText()));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + " is invalid:\n  - " + String.join("\n  - ", problems));
        }
        return new LanguageDefaults(countries, scripts, whole);
    }

    /**
     * True when a short message may give the command named {@code command} by its first word ("stop please");
     * false for the commands listed under {@code wholeMessageOnly}.
     */
    public boolean matchesFirstWord(String command) {
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

    /** The language tied to the script most of {@code text}'s letters are written in (Arabic script → ar). */
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

    /** Lazy holder: the bundled defaults are parsed on first use, once. */
    private static final class Bundled {
        static final LanguageDefaults DEFAULTS = read();

        private static LanguageDefaults read() {
            String name = "classpath:" + BUNDLED_RESOURCE;
            try (InputStream in = LanguageDefaults.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(name + " not found on the classpath");
                }
                return load(in, name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
    }
}
