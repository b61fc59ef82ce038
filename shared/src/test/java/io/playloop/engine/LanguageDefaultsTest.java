package io.playloop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.campaign.Command;
import io.playloop.campaign.DemoCampaign;
import io.playloop.campaign.Keywords;
import io.playloop.text.LanguageDefaults;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The language defaults (calling codes, scripts, whole-message commands) and the keywords they work with. */
class LanguageDefaultsTest {
    private final LanguageDefaults bundled = MessageCatalog.bundled();
    private final IntentResolver resolver = new IntentResolver(DemoCampaign.get(), bundled);

    @Test
    void theBundledDefaults_areReadOnce() {
        assertThat(MessageCatalog.bundled()).isSameAs(bundled).isSameAs(LanguageDefaults.bundled());
    }

    @Test
    void theIssuesKeywords_meanTheirCommands() {
        assertThat(command("POINTS")).isEqualTo(Command.POINTS);
        assertThat(command("balance")).isEqualTo(Command.POINTS);
        assertThat(command("solde")).isEqualTo(Command.POINTS);
        assertThat(command("نقاط")).isEqualTo(Command.POINTS);
        assertThat(command("رصيد")).isEqualTo(Command.POINTS);
        assertThat(command("HELP")).isEqualTo(Command.HELP);
        assertThat(command("menu")).isEqualTo(Command.PLAY);
        assertThat(command("JOUER")).isEqualTo(Command.PLAY);
        assertThat(command("العب")).isEqualTo(Command.PLAY);
        assertThat(command("quiz")).isEqualTo(Command.QUIZ);
        assertThat(command("roue")).isEqualTo(Command.SPIN);
        assertThat(command("LANGUE")).isEqualTo(Command.LANG);
        assertThat(command("AIDE")).isEqualTo(Command.HELP);
        assertThat(command("مساعدة")).isEqualTo(Command.HELP);
        assertThat(command("start")).isEqualTo(Command.START);
        assertThat(command("Subscribe")).isEqualTo(Command.START);
        assertThat(command("YES")).isEqualTo(Command.START);
        assertThat(command("commencer")).isEqualTo(Command.START);
        assertThat(command("oui")).isEqualTo(Command.START);
        assertThat(command("STOP")).isEqualTo(Command.STOP);
        assertThat(command("unsubscribe")).isEqualTo(Command.STOP);
        assertThat(command("Stop promotions")).isEqualTo(Command.STOP);
        assertThat(command("ARRÊT")).isEqualTo(Command.STOP);
        assertThat(command("arreter")).isEqualTo(Command.STOP);
        assertThat(command("désabonner")).isEqualTo(Command.STOP);
        assertThat(command("إيقاف")).isEqualTo(Command.STOP);
        assertThat(command("توقف")).isEqualTo(Command.STOP);
        assertThat(command("إلغاء")).isEqualTo(Command.STOP);
        assertThat(command("لا أريد")).isEqualTo(Command.STOP);
    }

    @Test
    void aShortMessage_isACommandByItsFirstWord_butNotForStart() {
        assertThat(command("stop sending these")).isEqualTo(Command.STOP);
        assertThat(command("points please")).isEqualTo(Command.POINTS);
        assertThat(command("aide moi svp")).isEqualTo(Command.HELP);
        assertThat(command("توقف من فضلك")).isEqualTo(Command.STOP);
        assertThat(command("stop sending me these messages")).as("five words is a sentence").isNull();
        assertThat(command("start a new order")).as("no opt-in by accident").isNull();
        assertThat(command("yes please")).isNull();
        assertThat(command("my points please")).as("a phrase is matched whole").isNull();
    }

    @Test
    void everyButtonTitle_readAsText_meansItsCommandOrNothing_soAForgedIdFallsBackSafely() {
        java.util.Map<io.playloop.campaign.TextKey, Command> buttons = java.util.Map.of(
                io.playloop.campaign.TextKey.BUTTON_START, Command.START,
                io.playloop.campaign.TextKey.BUTTON_POINTS, Command.POINTS,
                io.playloop.campaign.TextKey.BUTTON_HELP, Command.HELP,
                io.playloop.campaign.TextKey.BUTTON_PLAY, Command.PLAY,
                io.playloop.campaign.TextKey.BUTTON_QUIZ, Command.QUIZ,
                io.playloop.campaign.TextKey.BUTTON_SPIN, Command.SPIN);
        for (String language : DemoCampaign.get().languages()) {
            buttons.forEach((key, cmd) -> {
                String title = DemoCampaign.get().texts().template(language, key);
                assertThat(command(title)).as(language + " " + title).isIn(cmd, null);
            });
        }
    }

    @Test
    void countries_useTheLongestCallingCodePrefix() {
        assertThat(bundled.languageOfCountry("33612345678")).contains("fr");
        assertThat(bundled.languageOfCountry("+212612345678")).contains("fr");
        assertThat(bundled.languageOfCountry("201001234567")).contains("ar");
        assertThat(bundled.languageOfCountry("966501234567")).contains("ar");
        assertThat(bundled.languageOfCountry("16505551234")).isEmpty();
        assertThat(bundled.languageOfCountry(null)).isEmpty();
        assertThat(bundled.languageOfCountry("")).isEmpty();
    }

    @Test
    void theCatalogueHoldsNoBidiControls() throws IOException {
        assertThat(bundledJson().codePoints())
                .noneMatch(cp -> cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 || cp == 0x200E
                        || cp == 0x200F || cp == 0x061C);
    }

    @Test
    void scripts_nameTheirLanguage() {
        assertThat(bundled.languageOfScript("مرحبا hi")).contains("ar");
        assertThat(bundled.languageOfScript("hello مرحبا there")).isEmpty();
    }

    @Test
    void brokenDefaults_areRefusedWithTheirPath() {
        assertThatThrownBy(() -> LanguageDefaults.load(stream("{\"format\": 1, \"countryLanguages\": {\"+44\": \"en\"},"
                + " \"scriptLanguages\": {\"KLINGON\": \"en\"}}"), "test.json"))
                .hasMessageContaining("countryLanguages.+44: a country calling code is 1 to 4 digits")
                .hasMessageContaining("scriptLanguages.KLINGON: not a Unicode script name");
        assertThatThrownBy(() -> LanguageDefaults.load(stream("{\"format\": 1, \"format\": 1}"), "dup.json"))
                .hasMessageContaining("Duplicate field 'format'");
    }

    // --- helpers -----------------------------------------------------------------------------

    private Command command(String text) {
        return resolver.match(text).map(Keywords.Match::command).orElse(null);
    }

    private static String bundledJson() throws IOException {
        try (InputStream in = LanguageDefaults.class.getResourceAsStream(LanguageDefaults.BUNDLED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
