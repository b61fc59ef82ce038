package io.playloop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.testing.Messages;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

// Unit tier: conversations with the engine, as a customer would have them, in en, fr and ar.
class EngineConversationTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final String BUSINESS = "Café Lumière";

    private final Engine engine = new Engine(MessageCatalog.bundled(), BUSINESS, "en");

    @Test
    void firstContact_welcomesByName_namesTheBusiness_andAsksForConsentWithAButton() {
        Outcome outcome = engine.handle(null, Messages.text("wamid.1", "447700900123", "Grace", "hello", T0), T0);

        ButtonMessage welcome = (ButtonMessage) outcome.reply().orElseThrow();
        assertThat(welcome.to()).isEqualTo("+447700900123");
        assertThat(welcome.body()).contains("Grace", BUSINESS, "POINTS", "HELP", "STOP");
        assertThat(welcome.buttons()).extracting(ButtonMessage.Button::id)
                .containsExactly("cmd:START", "cmd:POINTS", "cmd:HELP");
        assertThat(outcome.customer().consent().proactive()).isFalse();
        assertThat(outcome.consentChange()).isEmpty();
        assertThat(outcome.customer().language()).isEqualTo("en");
    }

    @Test
    void firstContactWithPoints_answersTheBalanceInsideTheWelcome_oneMessageNotTwo() {
        Outcome outcome = engine.handle(null, Messages.text("wamid.1", "447700900123", "Grace", "POINTS", T0), T0);

        assertThat(outcome.reply().orElseThrow().bodyText()).contains("You have 0 points", BUSINESS);
    }

    @Test
    void frenchNumberTypingPoints_isAnsweredInFrench() {
        Outcome outcome = engine.handle(null, Messages.text("wamid.1", "33612345678", "Léa", "points", T0), T0);

        assertThat(outcome.customer().language()).isEqualTo("fr");
        assertThat(outcome.reply().orElseThrow().bodyText()).contains("Bonjour Léa", "Vous avez 0 points");
    }

    @Test
    void arabicKeyword_switchesToArabic_andTheArabicNameComesBackByteForByte() {
        Outcome outcome = engine.handle(null, Messages.text("wamid.1", "447700900123", "محمد", "نقاط", T0), T0);

        String body = outcome.reply().orElseThrow().bodyText();
        assertThat(outcome.customer().language()).isEqualTo("ar");
        assertThat(body).contains("مرحباً محمد", "رصيد نقاطك: 0");
        assertThat(body.getBytes(StandardCharsets.UTF_8)).containsSequence("محمد".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stopInAnyLanguageAndSpelling_withdrawsConsent_andKeepsTheEventWithItsWamid() {
        Customer subscribed = subscribedCustomer("33612345678", "fr");
        for (String stop : new String[] {"STOP", "arrêt", "ARRET !", "Arrêter", "إيقاف", "ايقاف", "‏إيقاف‏"}) {
            Outcome outcome = engine.handle(subscribed, Messages.text("wamid.stop", "33612345678", null, stop,
                    T0.plusSeconds(60)), T0.plusSeconds(61));

            assertThat(outcome.customer().consent().proactive()).as(stop).isFalse();
            assertThat(outcome.consentChange()).as(stop).hasValueSatisfying(c -> {
                assertThat(c.proactive()).isFalse();
                assertThat(c.wamid()).isEqualTo("wamid.stop");
                assertThat(c.at()).isEqualTo(T0.plusSeconds(60));
                assertThat(c.source()).isEqualTo("keyword");
            });
            assertThat(outcome.reply()).as(stop).isPresent();
        }
    }

    @Test
    void tappingTheWelcomeButton_recordsConsentFromTheButton() {
        Outcome first = engine.handle(null, Messages.text("wamid.1", "33612345678", "Léa", "bonjour", T0), T0);
        InboundMessage tap = Messages.buttonReply("wamid.2", "33612345678", "cmd:START", "✅ Oui, j'accepte",
                "wamid.welcome", T0.plusSeconds(30));

        Outcome outcome = engine.handle(persisted(first.customer()), tap, T0.plusSeconds(31));

        assertThat(outcome.customer().consent().proactive()).isTrue();
        assertThat(outcome.consentChange()).hasValueSatisfying(c -> assertThat(c.source()).isEqualTo("button"));
        assertThat(outcome.reply().orElseThrow().bodyText()).contains("ARRÊT");
    }

    @Test
    void startWhenAlreadySubscribed_confirmsWithoutANewConsentEvent() {
        Outcome outcome = engine.handle(subscribedCustomer("447700900123", "en"),
                Messages.text("wamid.9", "447700900123", null, "start", T0), T0);

        assertThat(outcome.consentChange()).isEmpty();
        assertThat(outcome.reply().orElseThrow().bodyText()).contains("already subscribed");
    }

    @Test
    void aTamperedButtonId_grantsNothing_andIsTreatedAsText() {
        Customer customer = persisted(engine.handle(null,
                Messages.text("wamid.1", "447700900123", "Grace", "hi", T0), T0).customer());
        InboundMessage forged = Messages.buttonReply("wamid.2", "447700900123", "cmd:GRANT_1000_POINTS",
                "Free points", "wamid.x", T0.plusSeconds(5));

        Outcome outcome = engine.handle(customer, forged, T0.plusSeconds(6));

        assertThat(outcome.customer().points()).isZero();
        assertThat(outcome.consentChange()).isEmpty();
        assertThat(outcome.intent()).isEqualTo("unknown");
    }

    @Test
    void unknownText_isQuotedBackIntact_evenInArabic() {
        Customer customer = persisted(engine.handle(null,
                Messages.text("wamid.1", "971501234567", "محمد", "مرحبا", T0), T0).customer());
        String typed = "هل لديكم فرع في دبي؟";

        Outcome outcome = engine.handle(customer, Messages.text("wamid.2", "971501234567", null, typed, T0), T0);

        assertThat(outcome.customer().language()).isEqualTo("ar");
        assertThat(outcome.reply().orElseThrow().bodyText()).contains("«" + typed + "»");
    }

    @Test
    void aMessageOlderThanTheServiceWindow_getsNoReply_butItsStopStillCounts() {
        Instant now = T0.plus(Duration.ofHours(25));

        Outcome outcome = engine.handle(subscribedCustomer("447700900123", "en"),
                Messages.text("wamid.late", "447700900123", null, "STOP", T0), now);

        assertThat(outcome.reply()).isEmpty();
        assertThat(outcome.windowClosed()).isTrue();
        assertThat(outcome.customer().consent().proactive()).isFalse();
        assertThat(outcome.consentChange()).isPresent();
    }

    @Test
    void noUsableName_greetsNeutrally_neverWithAPlaceholder() {
        for (String name : new String[] {null, "", "   ", "🎉🎉", "{{name}}"}) {
            Outcome outcome = engine.handle(null, Messages.text("wamid.1", "447700900123", name, "hi", T0), T0);
            String body = outcome.reply().orElseThrow().bodyText();

            assertThat(body).as(String.valueOf(name)).doesNotContain("null");
            if (!"{{name}}".equals(name)) {
                assertThat(body).as(String.valueOf(name)).startsWith("Hi there!").doesNotContain("{{");
            }
        }
    }

    @Test
    void aReaction_changesTheWindowButGetsNoReply() {
        Customer customer = subscribedCustomer("447700900123", "en");
        InboundMessage reaction = new InboundMessage("wamid.r", "447700900123", "447700900123", null,
                Messages.PHONE_NUMBER_ID, Messages.DISPLAY_NUMBER, null, T0.plusSeconds(90), "reaction", null, null,
                null, null, null, false, null);

        Outcome outcome = engine.handle(customer, reaction, T0.plusSeconds(91));

        assertThat(outcome.reply()).isEmpty();
        assertThat(outcome.customer().lastInboundAt()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void anImage_getsAPoliteAnswerInTheCustomersLanguage() {
        Customer customer = subscribedCustomer("33612345678", "fr");
        InboundMessage image = new InboundMessage("wamid.i", "33612345678", "33612345678", null,
                Messages.PHONE_NUMBER_ID, Messages.DISPLAY_NUMBER, null, T0, "image", null, null, null, null, null,
                false, null);

        OutboundMessage reply = engine.handle(customer, image, T0).reply().orElseThrow();

        assertThat(reply).isInstanceOf(TextMessage.class);
        assertThat(reply.bodyText()).contains("AIDE");
    }

    private static Customer subscribedCustomer(String waId, String language) {
        return new Customer(waId, waId, null, null, language, 0, new Consent(true, T0.minusSeconds(600), "wamid.s"),
                T0.minusSeconds(900), T0.minusSeconds(600), 3);
    }

    /** The customer as the store would return it after the first commit. */
    private static Customer persisted(Customer c) {
        return new Customer(c.key(), c.waId(), c.bsuid(), c.name(), c.language(), c.points(), c.consent(),
                c.firstSeenAt(), c.lastInboundAt(), 1);
    }
}
