package io.playloop.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Reads everything written per language: the {@code texts} and {@code fallbacks} sections and the
 * inline per-language values of questions, prizes, challenges, badges and tiers. Checks that every
 * campaign language is there, that lengths fit where the text goes, and that placeholders are known.
 */
final class TextReader {
    /** The longest neutral fallback text. */
    static final int FALLBACK_MAX = 40;

    private final List<String> languages;
    private final Problems problems;

    TextReader(List<String> languages, Problems problems) {
        this.languages = languages;
        this.problems = problems;
    }

    /** A required per-language value ({@code name: {en: ..., fr: ..., ar: ...}}). */
    LocalizedText required(Fields parent, String key, TextKind kind, String why) {
        if (parent.isAbsent()) {
            return empty();
        }
        if (!parent.has(key)) {
            parent.problem(key, "missing");
            return empty();
        }
        return read(parent, key, kind, why);
    }

    /** An optional per-language value. */
    Optional<LocalizedText> optional(Fields parent, String key, TextKind kind, String why) {
        return parent.has(key) ? Optional.of(read(parent, key, kind, why)) : Optional.empty();
    }

    private LocalizedText read(Fields parent, String key, TextKind kind, String why) {
        if (Fields.isEmpty(parent.raw(key))) {
            parent.problem(key, "has no value: write one text per language (" + String.join(", ", languages) + ")");
            return empty();
        }
        Fields values = Fields.of(parent.at(key), parent.raw(key), problems);
        if (values.isAbsent()) {
            return empty();
        }
        Map<String, String> byLanguage = new HashMap<>();
        Map<String, JsonNode> entries = values.entries();
        entries.forEach((language, value) -> {
            String path = values.at(language);
            if (!languages.contains(language)) {
                problems.add(path, notALanguage(language));
                return;
            }
            Fields.textValue(path, value, problems).ifPresent(text -> {
                check(path, text, kind, Set.of(), why);
                byLanguage.put(language, text);
            });
        });
        for (String language : languages) {
            if (!entries.containsKey(language)) {
                problems.add(values.at(language), "missing");
            }
        }
        fillGaps(byLanguage);
        return new LocalizedText(byLanguage);
    }

    /** The {@code texts} section: every text of every present mechanic in every language. */
    Texts texts(Fields root, Set<Mechanic> mechanics) {
        Fields section = root.requiredObject("texts");
        Map<String, Map<TextKey, String>> byLanguage = new HashMap<>();
        Map<String, JsonNode> entries = section.entries();
        entries.forEach((language, value) -> {
            if (!languages.contains(language)) {
                problems.add(section.at(language), notALanguage(language));
            }
        });
        List<String> allKeys = Arrays.stream(TextKey.values()).map(TextKey::key).toList();
        for (String language : languages) {
            Map<TextKey, String> texts = new EnumMap<>(TextKey.class);
            byLanguage.put(language, texts);
            if (!entries.containsKey(language)) {
                if (!section.isAbsent()) {
                    problems.add(section.at(language), "missing");
                }
                continue;
            }
            if (Fields.isEmpty(entries.get(language))) {
                problems.add(section.at(language), "has no value");
                continue;
            }
            Fields lang = Fields.of(section.at(language), entries.get(language), problems);
            lang.entries().forEach((key, value) -> {
                String path = lang.at(key);
                Optional<TextKey> textKey = TextKey.fromKey(key);
                if (textKey.isEmpty()) {
                    problems.add(path, "unknown text" + Suggestions.hint(key, allKeys));
                    return;
                }
                Fields.textValue(path, value, problems).ifPresent(text -> {
                    check(path, text, textKey.get().kind(), textKey.get().placeholders(), "");
                    texts.put(textKey.get(), text);
                });
            });
            if (entries.get(language).isObject()) {
                for (TextKey key : TextKey.values()) {
                    if (key.mechanic() == Mechanic.DATA_RIGHTS) {
                        RightsDefaults.text(language, key).ifPresent(text -> texts.putIfAbsent(key, text));
                    } else if (mechanics.contains(key.mechanic()) && !entries.get(language).has(key.key())) {
                        problems.add(lang.at(key.key()), "missing");
                    }
                }
            }
        }
        return new Texts(byLanguage, fallbacks(root));
    }

    private Map<String, Map<String, String>> fallbacks(Fields root) {
        Fields section = root.requiredObject("fallbacks");
        Map<String, JsonNode> entries = section.entries();
        entries.forEach((language, value) -> {
            if (!languages.contains(language)) {
                problems.add(section.at(language), notALanguage(language));
            }
        });
        Map<String, Map<String, String>> fallbacks = new LinkedHashMap<>();
        for (String language : languages) {
            Map<String, String> byName = new LinkedHashMap<>();
            fallbacks.put(language, byName);
            if (!entries.containsKey(language)) {
                if (!section.isAbsent()) {
                    problems.add(section.at(language), "missing");
                }
                continue;
            }
            if (Fields.isEmpty(entries.get(language))) {
                problems.add(section.at(language), "has no value");
                continue;
            }
            Fields lang = Fields.of(section.at(language), entries.get(language), problems);
            for (String name : Placeholders.WITH_FALLBACK) {
                lang.optionalText(name).ifPresentOrElse(text -> {
                    check(lang.at(name), text, TextKind.BODY, Set.of(), "");
                    int length = text.codePointCount(0, text.length());
                    if (length > FALLBACK_MAX) {
                        problems.add(lang.at(name), length + " characters, a fallback allows " + FALLBACK_MAX);
                    }
                    byName.put(name, text);
                }, () -> {
                    if (!lang.has(name) && entries.get(language).isObject()) {
                        problems.add(lang.at(name), "missing (the neutral text used when the customer has no "
                                + name.replace('_', ' ') + ")");
                    }
                });
            }
            lang.finish();
        }
        return fallbacks;
    }

    /**
     * Checks one text: its length where it goes, and its placeholders against those allowed.
     *
     * @param why appended to a length problem, e.g. "(a question with 2–3 options goes out as buttons)"
     */
    void check(String path, String text, TextKind kind, Set<String> allowed, String why) {
        int length = text.codePointCount(0, text.length());
        if (length > kind.maxLength()) {
            problems.add(path, length + " characters, " + kind.describe() + " allows " + kind.maxLength()
                    + (why.isEmpty() ? "" : " " + why));
        }
        Matcher attempt = Placeholders.ATTEMPT.matcher(text);
        List<String> unknown = new ArrayList<>();
        while (attempt.find()) {
            String found = attempt.group();
            Matcher wellFormed = Placeholders.PLACEHOLDER.matcher(found);
            if (!wellFormed.matches()) {
                String inner = found.replaceAll("[{}\\s]", "");
                problems.add(path, "'" + found + "' is not a placeholder"
                        + (inner.isEmpty() ? "" : " (write {{" + inner.toLowerCase(Locale.ROOT) + "}})"));
                continue;
            }
            String name = wellFormed.group(1);
            if (allowed.isEmpty()) {
                problems.add(path, "{{" + name + "}}: placeholders are not filled here"
                        + (kind.allowsPlaceholders() ? "" : " (" + kind.describe() + " must have a known length)")
                        + "; write the words");
            } else if (!allowed.contains(name) && !unknown.contains(name)) {
                unknown.add(name);
                problems.add(path, "{{" + name + "}} is not a placeholder of this text"
                        + Suggestions.hint(name, allowed) + "; it can use " + String.join(", ", sorted(allowed)));
            }
        }
    }

    /** A value for every language, so the model never lacks one after a reported problem. */
    private void fillGaps(Map<String, String> byLanguage) {
        for (String language : languages) {
            byLanguage.putIfAbsent(language, "");
        }
    }

    private LocalizedText empty() {
        Map<String, String> byLanguage = new HashMap<>();
        fillGaps(byLanguage);
        return new LocalizedText(byLanguage);
    }

    String notALanguage(String language) {
        return "'" + language + "' is not a language of this campaign (" + String.join(", ", languages) + ")";
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
