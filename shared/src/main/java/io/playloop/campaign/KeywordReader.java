package io.playloop.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads keyword lists (the {@code keywords} section and the phrases of keyword rules) and checks that
 * no phrase means two things. Phrases are compared the way the engine matches them, after
 * {@link TextNormalizer normalisation}: "Arrêt", "arret" and "ARRÊT !" are one keyword.
 */
final class KeywordReader {
    /** The longest keyword phrase. */
    static final int PHRASE_MAX = 40;
    /** The most phrases per command and language. */
    static final int PHRASES_MAX = 20;

    private final List<String> languages;
    private final Problems problems;
    private final TextReader texts;

    KeywordReader(List<String> languages, Problems problems, TextReader texts) {
        this.languages = languages;
        this.problems = problems;
        this.texts = texts;
    }

    /** The {@code keywords} section: every command in every language. */
    Keywords read(Fields root) {
        Fields section = root.requiredObject("keywords");
        Map<String, JsonNode> entries = section.entries();
        entries.forEach((language, value) -> {
            if (!languages.contains(language)) {
                problems.add(section.at(language), texts.notALanguage(language));
            }
        });
        List<String> commandNames = Arrays.stream(Command.values()).map(Command::name).toList();
        Map<String, Map<Command, List<String>>> byLanguage = new HashMap<>();
        for (String language : languages) {
            Map<Command, List<String>> byCommand = new EnumMap<>(Command.class);
            byLanguage.put(language, byCommand);
            if (!entries.containsKey(language)) {
                if (!section.isAbsent()) {
                    problems.add(section.at(language), "missing");
                }
                continue;
            }
            Fields lang = Fields.of(section.at(language), entries.get(language), problems);
            if (lang.isAbsent()) {
                continue;
            }
            lang.entries().forEach((name, value) -> {
                Optional<Command> command = Command.fromName(name);
                if (command.isEmpty()) {
                    problems.add(lang.at(name), "unknown command" + Suggestions.hint(name, commandNames));
                    return;
                }
                byCommand.put(command.get(), phrases(lang.at(name), value));
            });
            for (Command command : Command.values()) {
                if (command == Command.ERASE) {
                    // A customer's right, not a game: the built-in phrases when the campaign writes none.
                    byCommand.putIfAbsent(command, RightsDefaults.keywords(language));
                } else if (!byCommand.containsKey(command)) {
                    problems.add(lang.at(command.name()), "missing");
                }
            }
        }
        return new Keywords(byLanguage);
    }

    /** The phrases of one keyword rule: at least one language, each a list of phrases. */
    Map<String, List<String>> rulePhrases(Fields rule) {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        if (!rule.has("keywords")) {
            rule.problem("keywords", "missing");
            return byLanguage;
        }
        if (Fields.isEmpty(rule.raw("keywords"))) {
            rule.problem("keywords", "has no value: give phrases per language, e.g. {en: [summer]}");
            return byLanguage;
        }
        Fields section = Fields.of(rule.at("keywords"), rule.raw("keywords"), problems);
        if (section.isAbsent()) {
            return byLanguage;
        }
        Map<String, JsonNode> entries = section.entries();
        entries.forEach((language, value) -> {
            if (!languages.contains(language)) {
                problems.add(section.at(language), texts.notALanguage(language));
                return;
            }
            byLanguage.put(language, phrases(section.at(language), value));
        });
        if (entries.isEmpty()) {
            rule.problem("keywords", "needs phrases in at least one language");
        }
        return byLanguage;
    }

    private List<String> phrases(String path, JsonNode value) {
        List<String> phrases = new ArrayList<>();
        if (Fields.isEmpty(value)) {
            problems.add(path, "has no value: list the keywords, e.g. [points, balance]");
            return phrases;
        }
        if (!value.isArray()) {
            problems.add(path, "must be a list of keywords, e.g. [points, balance], not " + Fields.describe(value));
            return phrases;
        }
        if (value.isEmpty()) {
            problems.add(path, "needs at least one keyword");
        } else if (value.size() > PHRASES_MAX) {
            problems.add(path, "at most " + PHRASES_MAX + " keywords, has " + value.size());
        }
        for (int i = 0; i < value.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Optional<String> phrase = Fields.textValue(itemPath, value.get(i), problems);
            if (phrase.isEmpty()) {
                continue;
            }
            int length = phrase.get().codePointCount(0, phrase.get().length());
            if (length > PHRASE_MAX) {
                problems.add(itemPath, length + " characters, a keyword allows " + PHRASE_MAX);
            } else if (TextNormalizer.normalize(phrase.get()).isEmpty()) {
                problems.add(itemPath, "'" + phrase.get() + "' is only punctuation or symbols, which matching ignores");
            }
            phrases.add(phrase.get());
        }
        return phrases;
    }

    /**
     * Reports every phrase that names two different things: two commands, or a command and a keyword
     * rule, in any languages (the engine looks a message up in all of them). Each later owner is reported
     * against an earlier owner with another meaning, preferably one of its own language.
     */
    void checkConflicts(Keywords keywords, List<KeywordRule> rules, String rulesPath) {
        Map<String, List<Owner>> owners = new LinkedHashMap<>();
        for (String language : languages) {
            for (Command command : Command.values()) {
                for (String phrase : keywords.phrases(language, command)) {
                    claim(owners, phrase, new Owner(command.name(), language, language + "." + command.name(),
                            "keywords." + language + "." + command.name()));
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            KeywordRule rule = rules.get(i);
            for (String language : languages) {
                for (String phrase : rule.phrases().getOrDefault(language, List.of())) {
                    claim(owners, phrase, new Owner("rule:" + rule.id(), language, "the keyword rule " + rule.id(),
                            rulesPath + "[" + i + "].keywords." + language));
                }
            }
        }
    }

    private void claim(Map<String, List<Owner>> owners, String phrase, Owner owner) {
        String normalised = TextNormalizer.normalize(phrase);
        if (normalised.isEmpty()) {
            return;
        }
        List<Owner> earlier = owners.computeIfAbsent(normalised, k -> new ArrayList<>());
        Owner clash = null;
        for (Owner other : earlier) {
            if (!other.meaning().equals(owner.meaning())
                    && (clash == null || other.language().equals(owner.language()))) {
                clash = other;
            }
        }
        if (clash != null && earlier.stream().noneMatch(o -> o.path().equals(owner.path()))) {
            problems.add(owner.path(), "'" + phrase + "' is also a keyword of " + clash.label());
        }
        earlier.add(owner);
    }

    /**
     * One place a phrase is listed.
     *
     * @param meaning  the command name, or {@code rule:<id>}
     * @param language the list's language
     * @param label    how a problem names it, e.g. {@code fr.SPIN}
     * @param path     the list's path
     */
    private record Owner(String meaning, String language, String label, String path) {
    }
}
