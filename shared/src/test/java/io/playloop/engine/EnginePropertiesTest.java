package io.playloop.engine;

import static io.playloop.engine.Webhook.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.DemoCampaign;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.ButtonMessage;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a customer sends, in whatever state, the engine answers with a message WhatsApp accepts. */
class EnginePropertiesTest {
    private static final Engine ENGINE = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière");
    private static final List<String> CUSTOMERS = List.of("16505551234", "33612345678", "971501234567", "201001234567");

    @Property(tries = 500)
    void anyMessage_fromAnyCustomer_getsAValidReplyWithoutRawPlaceholders(
            @ForAll("customers") String waId, @ForAll("names") String name, @ForAll("messages") String kind,
            @ForAll("texts") String text, @ForAll boolean known, @ForAll("consents") Consent consent) {
        InboundMessage message = build(Webhook.from(waId).name(name).at(T0.plusSeconds(60)), kind, text);
        Customer current = known ? new Customer(waId, waId, null, null, "ar", 12, consent, T0, T0, 3) : null;

        Outcome o = ENGINE.handle(current, message, T0.plusSeconds(61));

        assertThat(o.customer().key()).isEqualTo(waId);
        assertThat(DemoCampaign.get().languages()).contains(o.customer().language());
        o.reply().ifPresent(reply -> {
            // Constructing the reply already enforced Meta's limits; these are the engine's own promises.
            assertThat(reply.to()).isEqualTo("+" + waId);
            String said = name + text;
            assertThat(reply.bodyText()).satisfiesAnyOf(
                    body -> assertThat(body).doesNotContain("{{", "}}", "null"),
                    body -> assertThat(said).containsAnyOf("{{", "}}", "null"));
            if (reply instanceof ButtonMessage b) {
                assertThat(b.buttons()).allSatisfy(button -> assertThat(button.id()).startsWith("cmd:"));
            }
        });
        if (o.consentChange().isPresent()) {
            assertThat(o.customer().consent().proactive()).isEqualTo(o.consentChange().get().proactive());
            assertThat(o.consentChange().get().wamid()).isEqualTo(message.wamid());
        }
    }

    @Property(tries = 300)
    void unknownText_isQuotedExactly_upTo100CodePoints(@ForAll("texts") String text) {
        Customer current = new Customer("16505551234", "16505551234", null, "Sheena", "en", 0, Consent.NONE, T0, T0, 1);
        InboundMessage message = Webhook.from("16505551234").at(T0.plusSeconds(60)).text(text);

        Outcome o = ENGINE.handle(current, message, T0.plusSeconds(61));

        if (o.intent().equals("unknown")) {
            String quoted = Replies.quote(text);
            assertThat(o.reply().get().bodyText()).contains("\u2068" + quoted + "\u2069");
            assertThat(quoted.codePointCount(0, quoted.length())).isLessThanOrEqualTo(Replies.QUOTE_MAX + 1);
            if (text.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)) {
                assertThat(text).startsWith(quoted.endsWith("…") && !text.equals(quoted)
                        ? quoted.substring(0, quoted.length() - 1) : quoted);
            }
        }
    }

    @Provide
    Arbitrary<String> customers() {
        return Arbitraries.of(CUSTOMERS);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.of("Léa", "محمد", "🌸", "", " ", "\u202Eevil", "{{name}}", "null", "Ｗ".repeat(256)),
                Arbitraries.strings().all().ofMaxLength(300));
    }

    @Provide
    Arbitrary<String> messages() {
        return Arbitraries.of("text", "tap", "tamperedTap", "template", "image", "sticker", "location", "reaction",
                "welcome", "unsupported", "system", "flow");
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> keywords = Arbitraries.of("POINTS", "stop!!", "Arrêt", "نقاط", "إيقاف", "لا أريد", "?",
                "aide", "oui", "START", "help me", "هل لديكم فرع في دبي؟");
        return Arbitraries.oneOf(keywords, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(400),
                Arbitraries.strings().withCharRange('\u0600', '\u06FF').withChars(' ', '\u200F', '😀')
                        .ofMinLength(1).ofMaxLength(150));
    }

    @Provide
    Arbitrary<Consent> consents() {
        return Arbitraries.of(Consent.NONE, new Consent(true, T0, "wamid.in"), new Consent(false, T0, "wamid.out"),
                new Consent(true, T0.plusSeconds(3600), "wamid.later"));
    }

    private static InboundMessage build(Webhook w, String kind, String text) {
        Function<Webhook, InboundMessage> f = switch (kind) {
            case "text" -> x -> x.text(text);
            case "tap" -> x -> x.buttonReply("cmd:" + java.util.List.of("POINTS", "HELP", "START", "STOP").get(Math.floorMod(text.hashCode(), 4)), "title");
            case "tamperedTap" -> x -> x.buttonReply(text.isBlank() ? "x" : text.strip(), text);
            case "template" -> x -> x.templateButton(text, text);
            case "image" -> x -> x.image(text);
            case "sticker" -> Webhook::sticker;
            case "location" -> Webhook::location;
            case "reaction" -> x -> x.reaction("👍");
            case "welcome" -> Webhook::requestWelcome;
            case "unsupported" -> x -> x.unsupported("poll");
            case "system" -> Webhook::system;
            default -> Webhook::flowReply;
        };
        return f.apply(w);
    }
}
