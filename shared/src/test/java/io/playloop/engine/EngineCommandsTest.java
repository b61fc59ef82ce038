package io.playloop.engine;

import static io.playloop.engine.Webhook.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.DemoCampaign;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.ListMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The campaign's commands beyond consent: the games menu and the language choice, typed or tapped. */
class EngineCommandsTest {
    static final String US = "16505551234";
    static final String FR = "33612345678";
    final Engine engine = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière");

    Outcome known(String waId, String text) {
        Outcome hello = engine.handle(null, Webhook.from(waId).name("Léa").text("hey"), T0.plusSeconds(1));
        return then(hello, Webhook.from(waId).at(T0.plusSeconds(10)).text(text));
    }

    Outcome then(Outcome before, InboundMessage m) {
        return engine.handle(EngineTest.stored(before.customer()), m, m.sentAt().plusSeconds(2));
    }

    static List<String> rowIds(Outcome o) {
        assertThat(o.reply()).get().isInstanceOf(ListMessage.class);
        return ((ListMessage) o.reply().get()).sections().stream().flatMap(s -> s.rows().stream())
                .map(ListMessage.Row::id).toList();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({"PLAY,en", "play!,en", "JOUER,fr", "menu,en", "العب,ar", "القائمة,ar"})
    @DisplayName("PLAY, JOUER, العب open the games menu as a list message, in the keyword's language")
    void play_opensTheGamesMenu(String keyword, String language) {
        Outcome o = known(US, keyword);

        assertThat(o.intent()).isEqualTo("play");
        assertThat(o.customer().language()).isEqualTo(language);
        assertThat(rowIds(o)).containsExactly("cmd:QUIZ", "cmd:SPIN", "cmd:REWARDS", "cmd:POINTS", "cmd:BADGES",
                "cmd:TOP", "cmd:REFER", "cmd:SCRATCH"); // the demo's scratch card: a registered mechanic's row
        ListMessage menu = (ListMessage) o.reply().get();
        String expectedButton = DemoCampaign.get().texts().template(language, io.playloop.campaign.TextKey.MENU_BUTTON);
        assertThat(menu.buttonLabel()).isEqualTo(expectedButton);
        assertThat(menu.body()).contains("\u2068Léa\u2069");
    }

    @Test
    void theFrenchMenu_isWrittenInFrench() {
        ListMessage menu = (ListMessage) known(FR, "jouer").reply().orElseThrow();

        assertThat(menu.sections().get(0).rows()).extracting(ListMessage.Row::title)
                .contains("Quiz du jour", "Mes points");
    }

    @Test
    void aTappedMenuRow_isItsCommand() {
        Outcome menu = known(US, "play");

        Outcome o = then(menu, Webhook.from(US).at(T0.plusSeconds(20)).listReply("cmd:POINTS", "My points", null));

        assertThat(o.intent()).isEqualTo("points");
        assertThat(o.reply().get().bodyText()).startsWith("Points balance: 0. Your tier: Member.\n");
    }

    @Test
    void lang_alone_asksWhichLanguage_withOneButtonPerLanguageInItsOwnName() {
        Outcome o = known(US, "LANG");

        assertThat(o.intent()).isEqualTo("lang");
        assertThat(o.customer().language()).isEqualTo("en");
        ButtonMessage prompt = (ButtonMessage) o.reply().orElseThrow();
        assertThat(prompt.body()).isEqualTo("Which language would you like?");
        assertThat(prompt.buttons()).extracting(ButtonMessage.Button::id)
                .containsExactly("lang:en", "lang:fr", "lang:ar");
        assertThat(prompt.buttons()).extracting(ButtonMessage.Button::title)
                .containsExactly("English", "Français", "العربية");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({"LANG fr,fr", "LANGUE ar,ar", "lang français,fr", "langue en,en", "lang العربية,ar"})
    void lang_withALanguage_switchesAndConfirmsInTheNewLanguage(String text, String language) {
        Outcome o = known(US, text);

        assertThat(o.customer().language()).isEqualTo(language);
        String done = DemoCampaign.get().texts().template(language, io.playloop.campaign.TextKey.LANG_DONE);
        assertThat(o.reply().orElseThrow().bodyText()).isEqualTo(done);
    }

    @Test
    void aTappedLanguage_switches_andTheNextKeywordFreeReplyStaysInIt() {
        Outcome prompt = known(US, "lang");
        Outcome fr = then(prompt, Webhook.from(US).at(T0.plusSeconds(20)).buttonReply("lang:fr", "Français"));

        Outcome later = then(fr, Webhook.from(US).at(T0.plusSeconds(30)).text("hmm"));

        assertThat(fr.customer().language()).isEqualTo("fr");
        assertThat(later.customer().language()).isEqualTo("fr");
        assertThat(later.reply().orElseThrow().bodyText()).startsWith("Désolé");
    }

    @Test
    void aForgedLanguageId_changesNothing() {
        Outcome prompt = known(US, "lang");

        Outcome o = then(prompt, Webhook.from(US).at(T0.plusSeconds(20)).buttonReply("lang:de", "Deutsch"));

        assertThat(o.intent()).isEqualTo("unknown");
        assertThat(o.customer().language()).isEqualTo("en");
    }

    @Test
    void aGameTheCampaignLeavesOut_pointsBackToTheMenu() {
        Engine withoutBoard = new Engine(TestCampaigns.withoutLeaderboardAndBadges(), MessageCatalog.bundled(),
                "Café Lumière");
        Outcome hello = withoutBoard.handle(null, Webhook.from(US).text("hey"), T0.plusSeconds(1));
        Outcome o = withoutBoard.handle(EngineTest.stored(hello.customer()),
                Webhook.from(US).at(T0.plusSeconds(10)).text("top"), T0.plusSeconds(11));

        assertThat(o.intent()).isEqualTo("top");
        assertThat(o.reply().orElseThrow().bodyText()).isEqualTo(withoutBoard.campaign().texts()
                .render("en", io.playloop.campaign.TextKey.NOT_AVAILABLE, java.util.Map.of()));
        assertThat(((ButtonMessage) o.reply().orElseThrow()).buttons()).extracting(ButtonMessage.Button::id)
                .containsExactly("cmd:PLAY");
    }

    @Test
    void replies_outsideThe24HourWindow_areNotSent_forTheNewCommandsEither() {
        Outcome hello = engine.handle(null, Webhook.from(US).text("hey"), T0.plusSeconds(1));
        InboundMessage play = Webhook.from(US).at(T0.plusSeconds(10)).text("play");

        Outcome o = engine.handle(EngineTest.stored(hello.customer()), play, Instant.from(T0).plusSeconds(25 * 3600));

        assertThat(o.reply()).isEmpty();
        assertThat(o.windowClosed()).isTrue();
    }
}
