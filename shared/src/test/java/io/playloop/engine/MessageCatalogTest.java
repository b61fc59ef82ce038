package io.playloop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.whatsapp.outbound.ButtonMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageCatalogTest {
    @Test
    void theBundledCatalogue_coversEveryTextInEveryLanguage() {
        MessageCatalog catalog = MessageCatalog.bundled();

        assertThat(catalog.languages()).containsExactly("en", "fr", "ar");
        for (String language : catalog.languages()) {
            for (String key : MessageCatalog.TEXT_KEYS) {
                assertThat(catalog.text(language, key)).as(language + "." + key).isNotBlank();
            }
            // Every button title fits WhatsApp's 20-character limit (the record refuses otherwise).
            new ButtonMessage("+1", null, "x", null, java.util.List.of(
                    new ButtonMessage.Button("a", catalog.text(language, "button_start")),
                    new ButtonMessage.Button("b", catalog.text(language, "button_points")),
                    new ButtonMessage.Button("c", catalog.text(language, "button_help"))));
        }
    }

    @Test
    void callingCodes_pickTheLanguage_longestPrefixFirst() {
        MessageCatalog catalog = MessageCatalog.bundled();

        assertThat(catalog.languageOfNumber("33612345678")).isEqualTo("fr");
        assertThat(catalog.languageOfNumber("+966501234567")).isEqualTo("ar");
        assertThat(catalog.languageOfNumber("212612345678")).isEqualTo("fr");
        assertThat(catalog.languageOfNumber("201001234567")).isEqualTo("ar");
        assertThat(catalog.languageOfNumber("16505551234")).isNull();
        assertThat(catalog.languageOfNumber(null)).isNull();
    }

    @Test
    void aBrokenCatalogue_isRefusedWithEveryProblemAndItsPath() {
        String broken = """
                {"defaultLanguageOrder":["en","fr"],
                 "countryLanguages":{"33":"de"},
                 "intents":{"points":{"en":["points"],"fr":["!!"]},"help":{"en":["help"],"fr":["aide"]},
                            "start":{"en":["start"],"fr":["commencer"]},"stop":{"en":["stop","help"],"fr":[]}},
                 "texts":{"en":{"button_start":"This title is far too long for WhatsApp"},"fr":{}}}
                """;

        assertThatThrownBy(() -> MessageCatalog.load(
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "broken.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("texts.en.button_start: 39 characters, a button title allows 20")
                .hasMessageContaining("texts.fr.welcome_intro: missing")
                .hasMessageContaining("intents.points.fr[0]: empty once normalised")
                .hasMessageContaining("intents.stop.fr: needs at least one keyword")
                .hasMessageContaining("keyword 'help' belongs to several intents")
                .hasMessageContaining("countryLanguages.33: unknown language de");
    }
}
