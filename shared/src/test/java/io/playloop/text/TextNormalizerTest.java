package io.playloop.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "STOP|stop",
            "stop!!|stop",
            "STOP.|stop",
            "  Stop   promotions  |stop promotions",
            "👍points|points",
            "points 👍🏽|points",
            "ARRÊT|arret",
            "Désabonner !|desabonner",
            "s’abonner|s'abonner",
            "ÉCOLE|ecole",
            "Straße|strasse",
            "ＰＯＩＮＴＳ|points",
            "إيـقـاف|ايقاف",
            "مُسَاعَدَة|مساعده",
            "\u200Fإيقاف\u200F|ايقاف",
            "\u202Bنقاط\u202C|نقاط",
            "\u2067نقاط\u2069|نقاط",
            "\uFEFFhelp\u200B|help",
            "أإآٱ|اااا",
            "مستشفى|مستشفي",
            "١٢٣|123",
            "۴۵۶|456",
            "?|?",
            "؟|؟",
            "¿?|¿?",
            "stop, please!|stop, please",
    })
    void normalizes(String input, String expected) {
        assertThat(TextNormalizer.normalize(input)).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void isIdempotent(@ForAll("anyText") String s) {
        String once = TextNormalizer.normalize(s);

        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property
    void neverThrows_andNeverKeepsFormatCharacters(@ForAll("anyText") String s) {
        String normalized = TextNormalizer.normalize(s);

        assertThat(normalized.codePoints()).noneMatch(cp -> Character.getType(cp) == Character.FORMAT || cp == 0x0640);
        assertThat(normalized).doesNotContain("  ").isEqualTo(normalized.strip());
    }

    /** Mixes every char (lone surrogates included), Arabic, marks, bidi controls, spaces and emoji. */
    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> anyChar = Arbitraries.chars().map(String::valueOf);
        Arbitrary<String> arabic = Arbitraries.chars().range('\u0600', '\u06FF').map(String::valueOf);
        Arbitrary<String> specials = Arbitraries.of("\u200E", "\u200F", "\u061C", "\u202A", "\u202E", "\u2066",
                "\u2069", "\u200B", "\u200D", "\uFEFF", "\u0640", "\u0301", "\u064E", " ", "\u00A0", "\t", "\n", "?",
                "!", "İ", "ß", "ǰ", "ŉ", "Σ", "ﷺ", "ﻻ", "①", "⁵", "ﬁ", "٣", "۷", "’", "\uD800", "\uDFFF");
        Arbitrary<String> emoji = Arbitraries.integers().between(0x1F300, 0x1FAFF).map(Character::toString);
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(3, anyChar), Tuple.of(3, arabic), Tuple.of(3, specials), Tuple.of(1, emoji),
                Tuple.of(3, Arbitraries.strings().alpha().ofMaxLength(4)));
        return piece.list().ofMaxSize(20).map(parts -> String.join("", parts));
    }

    @net.jqwik.api.Example
    void capitalSharpS_foldsAllTheWayInOnePass() {
        assertThat(TextNormalizer.normalize("ẞ")).isEqualTo("ss");
        assertThat(TextNormalizer.normalize(TextNormalizer.normalize("STRAẞE"))).isEqualTo(TextNormalizer.normalize("STRAẞE"));
    }
}
