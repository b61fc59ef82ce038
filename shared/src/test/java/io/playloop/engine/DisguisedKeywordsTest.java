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

/** A keyword typed with noise around and inside it still reaches its command (through the normaliser). */
class DisguisedKeywordsTest {
    private static final io.playloop.text.LanguageDefaults CATALOG = MessageCatalog.bundled();
    private static final IntentResolver RESOLVER = new IntentResolver(DemoCampaign.get(), CATALOG);

    @Property(tries = 2000)
    void everyCatalogueKeyword_disguised_stillMeansItsCommand(@ForAll("disguisedKeywords") Tuple.Tuple2<String, Command> k) {
        assertThat(RESOLVER.match(k.get1()))
                .as("\"%s\"", k.get1())
                .hasValueSatisfying(m -> assertThat(m.command()).isEqualTo(k.get2()));
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
}
