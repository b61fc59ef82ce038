package io.playloop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

// Property tier: keyword matching survives what real phones and people do to a word.
class TextNormalizerProperties {
    private static final MessageCatalog CATALOG = MessageCatalog.bundled();
    private static final String[][] KEYWORDS = {
            {"POINTS", "points"}, {"SOLDE", "points"}, {"نقاط", "points"}, {"HELP", "help"}, {"AIDE", "help"},
            {"مساعدة", "help"}, {"START", "start"}, {"COMMENCER", "start"}, {"ابدأ", "start"}, {"STOP", "stop"},
            {"ARRÊT", "stop"}, {"إيقاف", "stop"}, {"Désabonner", "stop"}, {"إلغاء", "stop"}};

    @Property
    void normalisingTwice_changesNothing(@ForAll String anything) {
        String once = TextNormalizer.normalize(anything);
        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property
    void everyKeyword_isFound_whateverCaseMarksAndPunctuationSurroundIt(@ForAll("disguisedKeywords") String[] pair) {
        Map<Intent, Set<String>> found = CATALOG.keyword(TextNormalizer.normalize(pair[0]));
        assertThat(found.keySet()).as(pair[0]).containsExactly(Intent.fromKey(pair[1]).orElseThrow());
    }

    @Property
    void arbitraryInput_neverThrows_andNeverKeepsInvisibleMarks(@ForAll("messy") String text) {
        String normalised = TextNormalizer.normalize(text);
        assertThat(normalised).doesNotContain("\u200f", "\u200e", "\u061c", "\u0640", "\ufeff");
    }

    @Provide
    Arbitrary<String[]> disguisedKeywords() {
        Arbitrary<String[]> keyword = Arbitraries.of(KEYWORDS);
        Arbitrary<Boolean> upper = Arbitraries.of(true, false);
        Arbitrary<String> prefix = Arbitraries.of("", " ", "\u200f", "«", "👉 ", "\ufeff", "  ");
        Arbitrary<String> suffix = Arbitraries.of("", "!", "!!", " ?", ".", "\u200e", "»", " 🙏", "\u0640");
        return Combinators.combine(keyword, upper, prefix, suffix).as((k, up, pre, suf) -> {
            String word = up ? k[0].toUpperCase(java.util.Locale.ROOT) : k[0].toLowerCase(java.util.Locale.ROOT);
            return new String[] {pre + word + suf, k[1]};
        });
    }

    @Provide
    Arbitrary<String> messy() {
        return Arbitraries.strings().withChars("aéE ١٢\u200f\u200e\u061c\u0640\ufeffإيقاف🎉\ud83d!?«»\t\n")
                .ofMaxLength(40);
    }
}
