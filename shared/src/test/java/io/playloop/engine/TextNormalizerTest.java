package io.playloop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.Command;
import io.playloop.campaign.DemoCampaign;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
    private static final MessageCatalog CATALOG = MessageCatalog.bundled();
    private static final IntentResolver RESOLVER = new IntentResolver(DemoCampaign.get(), CATALOG);

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

    @Property(tries = 2000)
    void everyCatalogueKeyword_disguised_stillMeansItsCommand(@ForAll("disguisedKeywords") Tuple.Tuple2<String, Command> k) {
        assertThat(RESOLVER.match(k.get1()))
                .as("\"%s\"", k.get1())
                .hasValueSatisfying(m -> assertThat(m.command()).isEqualTo(k.get2()));
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

    /**
     * A campaign keyword with random case, combining marks after letters, bidi marks and tatweel between
     * characters, extra spaces, and punctuation or emoji around it.
     */
    @Provide
    Arbitrary<Tuple.Tuple2<String, Command>> disguisedKeywords() {
        List<Tuple.Tuple2<String, Command>> keywords = new ArrayList<>();
        DemoCampaign.get().keywords().byLanguage().values().forEach(byCommand ->
                byCommand.forEach((command, phrases) -> phrases.forEach(p -> keywords.add(Tuple.of(p, command)))));
        String[] noise = {"", "", "\u200E", "\u200F", "\u061C", "\u2068", "\u0640", "\u200B"};
        String[] mark = {"", "", "\u0301", "\u0308", "\u064E", "\u0651", "\u0652"};
        Arbitrary<String> edge = Arbitraries.of("", "!!", ".", "...", "👍", "🙏🏽", "*", "\"", "«", "»", "؟!", " ");
        return Combinators.combine(Arbitraries.of(keywords), Arbitraries.longs(), edge, edge)
                .as((k, seed, before, after) -> {
                    java.util.Random random = new java.util.Random(seed);
                    String phrase = k.get1();
                    boolean punctuationOnly = phrase.codePoints().noneMatch(Character::isLetterOrDigit);
                    StringBuilder out = new StringBuilder();
                    phrase.codePoints().forEach(cp -> {
                        String c = Character.toString(cp);
                        out.append(random.nextBoolean() ? c.toUpperCase(Locale.ROOT) : c);
                        if (Character.isLetter(cp)) {
                            out.append(pick(mark, random));
                        }
                        if (cp == ' ') {
                            out.append(random.nextBoolean() ? " " : "");
                        }
                        out.append(pick(noise, random));
                    });
                    String disguised = punctuationOnly ? out.toString() : before + out + after;
                    return Tuple.of(disguised, k.get2());
                });
    }

    private static String pick(String[] values, java.util.Random random) {
        return values[random.nextInt(values.length)];
    }

    @net.jqwik.api.Example
    void capitalSharpS_foldsAllTheWayInOnePass() {
        assertThat(TextNormalizer.normalize("ẞ")).isEqualTo("ss");
        assertThat(TextNormalizer.normalize(TextNormalizer.normalize("STRAẞE"))).isEqualTo(TextNormalizer.normalize("STRAẞE"));
    }
}
