package io.playloop.engine;

import static io.playloop.engine.Webhook.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.DemoCampaign;
import io.playloop.games.quiz.OptionIds;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** DELETE MY DATA through the engine: a question with two signed buttons; only the confirm tap erases. */
class EngineErasureTest {
    static final String FR = "33612345678";
    static final OptionIds IDS = new OptionIds("test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
    final Engine engine = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière", () -> IDS,
            () -> new SplittableRandom(42));
    long clock = 10;
    Customer stored;

    Outcome send(InboundMessage m) {
        Outcome o = engine.handle(stored, PlayerState.NEW, m, m.sentAt().plusSeconds(1));
        stored = EngineTest.stored(o.customer());
        return o;
    }

    Outcome text(String waId, String text) {
        clock += 10;
        return send(Webhook.from(waId).name("Léa").at(T0.plusSeconds(clock)).text(text));
    }

    Outcome tap(String waId, String id, String title) {
        clock += 10;
        return send(Webhook.from(waId).at(T0.plusSeconds(clock)).buttonReply(id, title));
    }

    static ButtonMessage buttons(Outcome o) {
        assertThat(o.reply()).containsInstanceOf(ButtonMessage.class);
        return (ButtonMessage) o.reply().orElseThrow();
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource({
            "16505551234, DELETE MY DATA, Yes, delete",
            "16505551234, erase my data, Yes, delete",
            "33612345678, SUPPRIMER MES DONNÉES, Oui, supprimer",
            "33612345678, supprimer mes donnees !, Oui, supprimer",
            "971501234567, احذف بياناتي, نعم، احذف",
            "971501234567, إحذف بياناتي, نعم، احذف"})
    @DisplayName("the keyword asks first, in the customer's language; only the confirm tap erases")
    void theKeyword_asks_andTheConfirmTap_erases(String waId, String keyword, String confirmTitle) {
        text(waId, "hello");

        Outcome asked = text(waId, keyword);

        assertThat(asked.intent()).isEqualTo("erase");
        assertThat(asked.erase()).isFalse();
        ButtonMessage question = buttons(asked);
        assertThat(question.buttons()).hasSize(2);
        assertThat(question.buttons().get(0).title()).contains(confirmTitle);
        assertThat(question.buttons()).allMatch(b -> b.id().startsWith("erase:"));

        Outcome confirmed = tap(waId, question.buttons().get(0).id(), question.buttons().get(0).title());

        assertThat(confirmed.intent()).isEqualTo("erase_confirm");
        assertThat(confirmed.erase()).isTrue();
        assertThat(confirmed.reply()).containsInstanceOf(TextMessage.class);
    }

    @Test
    void theCancelTap_erasesNothing_andSaysSo() {
        text(FR, "bonjour");
        ButtonMessage question = buttons(text(FR, "supprimer mes données"));

        Outcome cancelled = tap(FR, question.buttons().get(1).id(), question.buttons().get(1).title());

        assertThat(cancelled.intent()).isEqualTo("erase_cancel");
        assertThat(cancelled.erase()).isFalse();
        assertThat(cancelled.reply().orElseThrow().bodyText()).contains("Rien n’a été supprimé");
    }

    @Test
    @DisplayName("a forged, altered, another customer's or expired confirm id does nothing; nor does typing its title")
    void aForgedConfirm_doesNothing() {
        text(FR, "bonjour");
        ButtonMessage question = buttons(text(FR, "supprimer mes données"));
        String real = question.buttons().get(0).id();
        String title = question.buttons().get(0).title();
        String asked = real.substring(0, real.lastIndexOf(':'));

        assertThat(tap(FR, asked + ":AAAAAAAA", title).erase()).as("bad signature").isFalse();
        assertThat(tap(FR, real.replace(":c:", ":x:"), title).erase()).as("altered").isFalse();
        assertThat(tap(FR, IDS.signPayload("33699999999", asked), title).erase()).as("another customer's").isFalse();
        assertThat(tap(FR, new OptionIds("another-key-of-sixteen".getBytes(StandardCharsets.UTF_8))
                .signPayload(FR, asked), title).erase()).as("another key").isFalse();
        assertThat(text(FR, title).erase()).as("the title typed").isFalse();
        Outcome forged = tap(FR, "erase:zzzz:c:AAAAAAAA", title);
        assertThat(forged.erase()).isFalse();
        assertThat(forged.intent()).isEqualTo("unknown");

        clock += Duration.ofHours(25).toSeconds();
        assertThat(tap(FR, real, title).erase()).as("a day later").isFalse();
    }

    @Test
    @DisplayName("a confirm button from before an earlier erasure cannot erase the new customer with the same number")
    void aButtonFromAnEarlierCustomer_doesNothing() {
        text(FR, "bonjour");
        ButtonMessage question = buttons(text(FR, "supprimer mes données"));
        String oldConfirm = question.buttons().get(0).id();
        assertThat(tap(FR, oldConfirm, "Oui").erase()).isTrue();

        stored = null; // erased
        clock += 600;
        Outcome welcome = text(FR, "bonjour");
        assertThat(welcome.customer().version()).isZero();
        assertThat(tap(FR, oldConfirm, "Oui").erase()).isFalse();
    }

    @Test
    void theConfirmButton_isGoodForADay() {
        text(FR, "bonjour");
        ButtonMessage question = buttons(text(FR, "supprimer mes données"));
        clock += 10;
        InboundMessage tap = Webhook.from(FR).at(T0.plusSeconds(clock)).buttonReply(question.buttons().get(0).id(), "Oui");

        Outcome late = engine.handle(stored, PlayerState.NEW, tap, tap.sentAt().plus(Duration.ofHours(23)));

        assertThat(late.erase()).isTrue();
        assertThat(late.reply()).isPresent();
        Instant dayAndAnHourLater = tap.sentAt().plus(Duration.ofHours(25));
        Outcome backlog = engine.handle(stored, PlayerState.NEW, tap, dayAndAnHourLater);
        assertThat(backlog.erase()).isFalse();
    }
}
