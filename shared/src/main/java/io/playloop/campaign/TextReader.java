package io.playloop.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.text.PluralRules;
import io.playloop.text.Template;
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
        Map<String, Map<TextKey, Template>> byLanguage = new HashMap<>();
        Map<String, JsonNode> entries = section.entries();
        entries.forEach((language, value) -> {
            if (!languages.contains(language)) {
                problems.add(section.at(language), notALanguage(language));
            }
        });
        List<String> allKeys = Arrays.stream(TextKey.values()).map(TextKey::key).toList();
        for (String language : languages) {
            Map<TextKey, Template> texts = new EnumMap<>(TextKey.class);
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
                template(path, value, textKey.get(), language).ifPresent(text -> texts.put(textKey.get(), text));
            });
            if (entries.get(language).isObject()) {
                for (TextKey key : TextKey.values()) {
                    if (key.mechanic() == Mechanic.DATA_RIGHTS) {
                        RightsDefaults.text(language, key)
                                .ifPresent(text -> texts.putIfAbsent(key, Template.plain(text)));
                    } else if (mechanics.contains(key.mechanic()) && !entries.get(language).has(key.key())) {
                        problems.add(lang.at(key.key()), "missing");
                    }
                }
            }
        }
        return new Texts(byLanguage, fallbacks(root));
    }

    private Map<String, Map<String, String>> fallbacks(Fields root) {
        if (!root.has("fallbacks")) {
            return Map.of();
        }
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
            if (!entries.containsKey(language) || Fields.isEmpty(entries.get(language))) {
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
                    // Optional since texts carry their own without_ forms; kept for campaigns written before.
                });
            }
            lang.finish();
        }
        return fallbacks;
    }

    /**
     * One text of the {@code texts} section: a string, or a mapping of forms ({@code text}, the plural
     * categories of {@code language} chosen by {@code count} (default: the first count placeholder the text
     * shows), and {@code without_<placeholder>} forms), each form checked like a string.
     */
    private Optional<Template> template(String path, JsonNode value, TextKey key, String language) {
        if (value != null && value.isObject() && key.kind().allowsPlaceholders()) {
            return forms(path, value, key, language);
        }
        return Fields.textValue(path, value, problems).map(text -> {
            check(path, text, key.kind(), key.placeholders(), "");
            return Template.plain(text);
        });
    }

    private Optional<Template> forms(String path, JsonNode value, TextKey key, String language) {
        Fields forms = Fields.of(path, value, problems);
        Map<String, Template> byCategory = new LinkedHashMap<>();
        Map<String, Template> without = new LinkedHashMap<>();
        Template text = null;
        String count = null;
        boolean ok = true;
        for (Map.Entry<String, JsonNode> e : forms.entries().entrySet()) {
            String name = e.getKey();
            String at = forms.at(name);
            if (name.equals("count")) {
                count = e.getValue().asText("");
                if (!key.placeholders().contains(count)) {
                    problems.add(at, "'" + count + "' is not a placeholder of this text; it can use "
                            + String.join(", ", sorted(key.placeholders())));
                    ok = false;
                }
            } else if (name.equals("text")) {
                Optional<Template> form = template(at, e.getValue(), key, language);
                ok &= form.isPresent();
                text = form.orElse(null);
            } else if (name.startsWith(Template.WITHOUT)) {
                String placeholder = name.substring(Template.WITHOUT.length());
                if (!key.placeholders().contains(placeholder)) {
                    problems.add(at, "'" + placeholder + "' is not a placeholder of this text"
                            + Suggestions.hint(placeholder, key.placeholders()) + "; it can use "
                            + String.join(", ", sorted(key.placeholders())));
                    ok = false;
                    continue;
                }
                Optional<Template> form = template(at, e.getValue(), key, language);
                ok &= form.isPresent();
                form.ifPresent(f -> without.put(placeholder, f));
            } else if (PluralRules.isCategory(name)) {
                if (!PluralRules.categories(language).contains(name)) {
                    problems.add(at, "'" + name + "' is not a plural form of " + language + "; it has "
                            + String.join(", ", PluralRules.CATEGORIES.stream()
                            .filter(PluralRules.categories(language)::contains).toList()));
                    ok = false;
                    continue;
                }
                Optional<Template> form = template(at, e.getValue(), key, language);
                ok &= form.isPresent();
                form.ifPresent(f -> byCategory.put(name, f));
            } else {
                problems.add(at, "unknown form; write text, count, a plural form ("
                        + String.join(", ", PluralRules.CATEGORIES.stream()
                        .filter(PluralRules.categories(language)::contains).toList())
                        + ") or without_<placeholder>");
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        if (!byCategory.isEmpty()) {
            if (text != null) {
                problems.add(forms.at("text"), "write either text or plural forms; the other form is the text");
                return Optional.empty();
            }
            if (!byCategory.containsKey(PluralRules.OTHER)) {
                problems.add(forms.at(PluralRules.OTHER), "missing (the form every other count takes)");
                return Optional.empty();
            }
            if (count == null) {
                count = firstCount(byCategory.get(PluralRules.OTHER));
                if (count == null) {
                    problems.add(forms.at("count"), "missing: no count placeholder in the other form chooses"
                            + " the plural form");
                    return Optional.empty();
                }
            }
            text = new Template.Plural(count, byCategory);
        } else if (count != null) {
            problems.add(forms.at("count"), "a count chooses between plural forms; this text has none");
            return Optional.empty();
        }
        if (text == null) {
            problems.add(forms.at("text"), "missing (the text used when every value is known)");
            return Optional.empty();
        }
        return Optional.of(without.isEmpty() ? text : new Template.Variants(text, without));
    }

    /** The first placeholder of {@code template}'s main form that is a count ("You have {{points}} points"). */
    private static String firstCount(Template template) {
        return Template.placeholders(template.main()).stream()
                .filter(io.playloop.text.Numbers.COUNTS::contains).findFirst().orElse(null);
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
