package io.playloop.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Reads and validates the catalogue JSON. Collects every problem with its path before failing, so one
 * run shows everything to fix.
 */
final class CatalogLoader {
    static final int FORMAT = 1;
    /** Meta's limit for a reply-button title, in code points. */
    static final int BUTTON_TITLE_MAX = 20;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern COUNTRY_PREFIX = Pattern.compile("[1-9][0-9]{0,3}");
    private static final Set<String> ROOT_FIELDS = Set.of("format", "countryLanguages", "scriptLanguages",
            "wholeMessageOnly", "languages");
    private static final Set<String> LANGUAGE_FIELDS = Set.of("pluralRules", "keywords", "buttons", "texts");
    private static final Set<String> RULE_FIELDS = Set.of("category", "modulus", "from", "to");

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private CatalogLoader(String source) {
        this.source = source;
    }

    static MessageCatalog load(InputStream in, String source) {
        return new CatalogLoader(source).read(in);
    }

    private MessageCatalog read(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new CatalogException(source, List.of("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")")));
        } catch (IOException e) {
            throw new CatalogException(source, List.of("cannot be read: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new CatalogException(source, List.of("(root): must be a JSON object"));
        }
        unknownFields(root, "", ROOT_FIELDS);
        if (root.path("format").asInt(-1) != FORMAT || !root.path("format").isInt()) {
            problem("format", "must be " + FORMAT + " (the catalogue format version this engine reads)");
        }

        Map<String, LanguagePack> languages = new LinkedHashMap<>();
        JsonNode languagesNode = root.path("languages");
        if (!languagesNode.isObject() || languagesNode.isEmpty()) {
            problem("languages", "must be an object with at least one language");
        } else {
            languagesNode.fields().forEachRemaining(e -> {
                LanguagePack pack = language(e.getKey(), e.getValue());
                if (pack != null) {
                    languages.put(e.getKey(), pack);
                }
            });
        }
        Map<String, KeywordMatch> keywords = keywordIndex(languages);
        Map<String, String> countries = codeTable(root.path("countryLanguages"), "countryLanguages",
                languagesNode, this::checkCountryPrefix);
        Map<String, String> scripts = codeTable(root.path("scriptLanguages"), "scriptLanguages", languagesNode,
                this::checkScript);
        Set<Command> wholeMessageOnly = wholeMessageOnly(root.path("wholeMessageOnly"));
        if (!problems.isEmpty()) {
            throw new CatalogException(source, problems);
        }
        Map<Character.UnicodeScript, String> byScript = new EnumMap<>(Character.UnicodeScript.class);
        scripts.forEach((script, language) -> byScript.put(Character.UnicodeScript.valueOf(script), language));
        return new MessageCatalog(source, languages, keywords, countries, byScript, wholeMessageOnly);
    }

    private Set<Command> wholeMessageOnly(JsonNode node) {
        Set<Command> commands = EnumSet.noneOf(Command.class);
        if (node.isMissingNode()) {
            return commands;
        }
        if (!node.isArray()) {
            problem("wholeMessageOnly", "must be an array of command names");
            return commands;
        }
        for (int i = 0; i < node.size(); i++) {
            Command command = command(node.get(i).asText(""));
            if (command == null || !node.get(i).isTextual()) {
                problem("wholeMessageOnly[" + i + "]", "unknown command; expected one of " + commandNames());
            } else {
                commands.add(command);
            }
        }
        return commands;
    }

    private LanguagePack language(String code, JsonNode node) {
        String path = "languages." + code;
        if (!LANGUAGE_CODE.matcher(code).matches()) {
            problem(path, "a language code is 2 or 3 lower-case letters (ISO 639-1, e.g. en, fr, ar)");
        }
        if (!node.isObject()) {
            problem(path, "must be an object with pluralRules, keywords, buttons and texts");
            return null;
        }
        unknownFields(node, path, LANGUAGE_FIELDS);
        int before = problems.size();
        PluralRules plural = pluralRules(node.path("pluralRules"), path + ".pluralRules");
        Map<Command, List<String>> keywords = keywords(node.path("keywords"), path + ".keywords");
        Map<Command, String> buttons = buttons(node.path("buttons"), path + ".buttons");
        Map<TextKey, CatalogText> texts = texts(node.path("texts"), path + ".texts", plural);
        return problems.size() == before ? new LanguagePack(code, plural, keywords, buttons, texts) : null;
    }

    private PluralRules pluralRules(JsonNode node, String path) {
        List<PluralRules.Rule> rules = new ArrayList<>();
        if (node.isMissingNode()) {
            return new PluralRules(rules);
        }
        if (!node.isArray()) {
            problem(path, "must be an array of {category, modulus?, from, to} rules, tried in order");
            return new PluralRules(rules);
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode rule = node.get(i);
            String rulePath = path + "[" + i + "]";
            if (!rule.isObject()) {
                problem(rulePath, "must be an object {category, modulus?, from, to}");
                continue;
            }
            unknownFields(rule, rulePath, RULE_FIELDS);
            String category = rule.path("category").asText("");
            if (!PluralRules.CATEGORIES.contains(category) || PluralRules.OTHER.equals(category)) {
                problem(rulePath + ".category", "must be one of zero, one, two, few, many (other is the fallback)");
            }
            long modulus = wholeNumber(rule, "modulus", rulePath, 0);
            long from = wholeNumber(rule, "from", rulePath, -1);
            long to = wholeNumber(rule, "to", rulePath, -1);
            if (from > to) {
                problem(rulePath, "from (" + from + ") must not be greater than to (" + to + ")");
            }
            rules.add(new PluralRules.Rule(category, modulus, from, to));
        }
        return new PluralRules(rules);
    }

    private long wholeNumber(JsonNode rule, String field, String path, long absentValue) {
        JsonNode value = rule.get(field);
        if (value == null && absentValue >= 0) {
            return absentValue;
        }
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            problem(path + "." + field, "must be a whole number >= 0");
            return 0;
        }
        return value.asLong();
    }

    private Map<Command, List<String>> keywords(JsonNode node, String path) {
        Map<Command, List<String>> keywords = new EnumMap<>(Command.class);
        if (!node.isObject()) {
            problem(path, "must be an object with the keyword phrases of " + commandNames());
            return keywords;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (command(name) == null) {
                problem(path + "." + name, "unknown command; expected one of " + commandNames());
            }
        }
        for (Command command : Command.values()) {
            String commandPath = path + "." + command.name();
            JsonNode list = node.get(command.name());
            if (list == null || !list.isArray() || list.isEmpty()) {
                problem(commandPath, "missing: needs a non-empty array of keyword phrases");
                continue;
            }
            List<String> phrases = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode phrase = list.get(i);
                if (!phrase.isTextual() || TextNormalizer.normalize(phrase.asText()).isBlank()) {
                    problem(commandPath + "[" + i + "]", "must be a phrase with at least one letter, digit or sign");
                    continue;
                }
                phrases.add(phrase.asText());
            }
            keywords.put(command, List.copyOf(phrases));
        }
        return keywords;
    }

    private Map<Command, String> buttons(JsonNode node, String path) {
        Map<Command, String> buttons = new EnumMap<>(Command.class);
        if (!node.isObject()) {
            problem(path, "must be an object with the button title of " + commandNames());
            return buttons;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (command(name) == null) {
                problem(path + "." + name, "unknown command; expected one of " + commandNames());
            }
        }
        Map<String, Command> titles = new HashMap<>();
        for (Command command : Command.values()) {
            String buttonPath = path + "." + command.name();
            JsonNode title = node.get(command.name());
            if (title == null || !title.isTextual() || title.asText().isBlank()) {
                problem(buttonPath, "missing: needs a button title");
                continue;
            }
            String text = title.asText();
            int length = text.codePointCount(0, text.length());
            if (length > BUTTON_TITLE_MAX) {
                problem(buttonPath, "has " + length + " characters; a WhatsApp button title allows at most "
                        + BUTTON_TITLE_MAX);
            }
            if (!text.equals(text.strip())) {
                problem(buttonPath, "must not start or end with spaces");
            }
            Command other = titles.putIfAbsent(text, command);
            if (other != null) {
                problem(buttonPath, "same title as " + path + "." + other.name()
                        + "; titles in one message must differ");
            }
            buttons.put(command, text);
        }
        return buttons;
    }

    private Map<TextKey, CatalogText> texts(JsonNode node, String path, PluralRules plural) {
        Map<TextKey, CatalogText> texts = new EnumMap<>(TextKey.class);
        if (!node.isObject()) {
            problem(path, "must be an object with every text");
            return texts;
        }
        Set<String> known = new HashSet<>();
        for (TextKey key : TextKey.values()) {
            known.add(key.key());
        }
        unknownFields(node, path, known);
        for (TextKey key : TextKey.values()) {
            String textPath = path + "." + key.key();
            JsonNode value = node.get(key.key());
            if (value == null || value.isNull()) {
                problem(textPath, "missing");
                continue;
            }
            Map<String, Template> forms = new HashMap<>();
            if (value.isTextual()) {
                Template t = template(value.asText(), textPath, key);
                if (t != null) {
                    forms.put(PluralRules.OTHER, t);
                }
            } else if (value.isObject() && key.countable()) {
                for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                    String category = it.next();
                    if (!plural.categories().contains(category)) {
                        problem(textPath + "." + category, "not a plural category of this language; it has "
                                + plural.categories());
                    }
                }
                for (String category : plural.categories()) {
                    JsonNode form = value.get(category);
                    if (form == null || !form.isTextual()) {
                        problem(textPath + "." + category, "missing plural form");
                        continue;
                    }
                    Template t = template(form.asText(), textPath + "." + category, key);
                    if (t != null) {
                        forms.put(category, t);
                    }
                }
            } else {
                problem(textPath, key.countable()
                        ? "must be a string or an object of plural forms " + plural.categories()
                        : "must be a string");
                continue;
            }
            texts.put(key, new CatalogText(forms));
        }
        return texts;
    }

    private Template template(String text, String path, TextKey key) {
        if (text.isBlank()) {
            problem(path, "must not be blank");
            return null;
        }
        if (text.codePoints().anyMatch(cp -> cp >= 0x202A && cp <= 0x202E)) {
            problem(path, "contains a bidi embedding or override (U+202A..U+202E); write plain text, the "
                    + "engine isolates inserted values itself");
        }
        Template template;
        try {
            template = Template.parse(text);
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage());
            return null;
        }
        for (String name : template.placeholders()) {
            if (!key.allowedPlaceholders().contains(name)) {
                problem(path, "unknown placeholder {{" + name + "}}; this text may use "
                        + placeholderList(key.allowedPlaceholders()));
            }
        }
        for (String name : key.requiredPlaceholders()) {
            if (!template.placeholders().contains(name)) {
                problem(path, "must contain {{" + name + "}}");
            }
        }
        return template;
    }

    private Map<String, KeywordMatch> keywordIndex(Map<String, LanguagePack> languages) {
        Map<String, Command> commandOf = new HashMap<>();
        Map<String, String> firstPathOf = new HashMap<>();
        Map<String, Set<String>> languagesOf = new HashMap<>();
        languages.values().forEach(pack -> pack.keywords().forEach((command, phrases) -> {
            for (int i = 0; i < phrases.size(); i++) {
                String normalized = TextNormalizer.normalize(phrases.get(i));
                String path = "languages." + pack.code() + ".keywords." + command.name() + "[" + i + "]";
                Command earlier = commandOf.putIfAbsent(normalized, command);
                if (earlier != null && earlier != command) {
                    problem(path, "\"" + normalized + "\" already means " + earlier.name() + " at "
                            + firstPathOf.get(normalized) + "; a keyword must mean one command in every language");
                    continue;
                }
                firstPathOf.putIfAbsent(normalized, path);
                languagesOf.computeIfAbsent(normalized, k -> new HashSet<>()).add(pack.code());
            }
        }));
        Map<String, KeywordMatch> index = new HashMap<>();
        commandOf.forEach((phrase, command) -> index.put(phrase, new KeywordMatch(command, languagesOf.get(phrase))));
        return index;
    }

    private Map<String, String> codeTable(JsonNode node, String path, JsonNode languages,
                                          BiConsumer<String, String> checkKey) {
        Map<String, String> table = new HashMap<>();
        if (node.isMissingNode()) {
            return table;
        }
        if (!node.isObject()) {
            problem(path, "must be an object mapping codes to languages");
            return table;
        }
        node.fields().forEachRemaining(e -> {
            String entryPath = path + "." + e.getKey();
            checkKey.accept(e.getKey(), entryPath);
            String language = e.getValue().asText("");
            if (!e.getValue().isTextual() || !languages.has(language)) {
                problem(entryPath, "must name a language of this catalogue, not \"" + e.getValue().asText() + "\"");
            }
            table.put(e.getKey(), language);
        });
        return table;
    }

    private void checkCountryPrefix(String prefix, String path) {
        if (!COUNTRY_PREFIX.matcher(prefix).matches()) {
            problem(path, "a country calling code is 1 to 4 digits, without + or leading zero");
        }
    }

    private void checkScript(String script, String path) {
        try {
            Character.UnicodeScript.valueOf(script.toUpperCase(Locale.ROOT));
            if (!script.equals(script.toUpperCase(Locale.ROOT))) {
                problem(path, "write the script name in upper case: " + script.toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            problem(path, "not a Unicode script name (e.g. ARABIC, LATIN)");
        }
    }

    private void unknownFields(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problem(path.isEmpty() ? name : path + "." + name, "unknown field; expected one of "
                        + known.stream().sorted().toList());
            }
        }
    }

    private static Command command(String name) {
        for (Command c : Command.values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String commandNames() {
        List<String> names = new ArrayList<>();
        for (Command c : Command.values()) {
            names.add(c.name());
        }
        return String.join(", ", names);
    }

    private static String placeholderList(Set<String> names) {
        return names.isEmpty() ? "no placeholder"
                : String.join(", ", names.stream().sorted().map(n -> "{{" + n + "}}").toList());
    }

    private void problem(String path, String reason) {
        problems.add(path + ": " + reason);
    }
}
