package io.playloop.engine;

import java.util.Map;

/**
 * One text of one language: a single template, or one per plural category when the text depends on a
 * number ({@link TextKey#countable()}).
 *
 * @param forms templates by plural category; a text without plural forms has only {@code other}
 */
record CatalogText(Map<String, Template> forms) {
    CatalogText {
        forms = Map.copyOf(forms);
    }

    Template form(String category) {
        Template t = forms.get(category);
        return t != null ? t : forms.get(PluralRules.OTHER);
    }
}
