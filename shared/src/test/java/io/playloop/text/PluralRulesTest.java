package io.playloop.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PluralRulesTest {
    @Test
    void english_saysOneForOneOnly() {
        assertThat(LongStream.of(0, 1, 2, 5, 101).mapToObj(n -> PluralRules.categoryOf("en", n)))
                .containsExactly("other", "one", "other", "other", "other");
    }

    @Test
    void french_saysOneForZeroAndOne_andManyForWholeMillions() {
        assertThat(LongStream.of(0, 1, 2, 1_000_000, 2_000_000, 1_000_001).mapToObj(n -> PluralRules.categoryOf("fr", n)))
                .containsExactly("one", "one", "other", "many", "many", "other");
    }

    @Test
    void arabic_hasSixForms() {
        assertThat(LongStream.of(0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 1000)
                .mapToObj(n -> PluralRules.categoryOf("ar", n)))
                .containsExactly("zero", "one", "two", "few", "few", "many", "many", "other", "other", "other", "few",
                        "many", "other");
    }

    @Test
    void aNegativeCount_takesItsMagnitudesForm() {
        assertThat(PluralRules.categoryOf("en", -1)).isEqualTo("one");
        assertThat(PluralRules.categoryOf("ar", -11)).isEqualTo("many");
    }
}
