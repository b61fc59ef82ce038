package io.playloop.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the catalogue holds for one language.
 *
 * @param code     the language code (en, fr, ar)
 * @param plural   how counts choose a plural form
 * @param keywords the keyword phrases of each command, as written in the catalogue
 * @param buttons  the reply-button title of each command (at most 20 code points)
 * @param texts    every {@link TextKey}
 */
record LanguagePack(String code, PluralRules plural, Map<Command, List<String>> keywords,
                    Map<Command, String> buttons, Map<TextKey, CatalogText> texts) {
    LanguagePack {
        // Enum order, so that validation reports problems in the same order on every run.
        keywords = Collections.unmodifiableMap(new EnumMap<>(keywords));
        buttons = Collections.unmodifiableMap(new EnumMap<>(buttons));
        texts = Collections.unmodifiableMap(new EnumMap<>(texts));
    }

    /** Renders a text that does not depend on a number. */
    String render(TextKey key, Map<String, String> values) {
        return texts.get(key).form(PluralRules.OTHER).render(values);
    }

    /** Renders a countable text in the plural form {@code count} calls for. */
    String render(TextKey key, Map<String, String> values, long count) {
        return texts.get(key).form(plural.categoryOf(count)).render(values);
    }
}
