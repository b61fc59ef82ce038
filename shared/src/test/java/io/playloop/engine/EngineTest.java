package io.playloop.engine;

import static io.playloop.engine.Webhook.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.DemoCampaign;
import io.playloop.campaign.TextKey;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conversations with the engine, in English, French and Arabic, from real-format webhooks. */
class EngineTest {
    static final String BUSINESS = "Café Lumière";
    static final String US = "16505551234";
    static final String FR = "33612345678";
    static final String AE = "971501234567";
    static final Instant SOON = T0.plusSeconds(2);

    final Engine engine = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), BUSINESS);

    Outcome first(InboundMessage m) {
        return engine.handle(null, m, SOON);
    }

    Outcome then(Outcome before, InboundMessage m) {
        return engine.handle(stored(before.customer()), m, m.sentAt().plusSeconds(2));
    }

    /** What the store hands back after committing: the same state, one version later. */
    static Customer stored(Customer c) {
        return new Customer(c.key(), c.waId(), c.bsuid(), c.name(), c.language(), c.points(), c.consent(),
                c.firstSeenAt(), c.lastInboundAt(), c.version() + 1);
    }

    static String body(Outcome o) {
        assertThat(o.reply()).as("a reply").isPresent();
        return o.reply().get().bodyText();
    }

    static List<String> buttonIds(Outcome o) {
        assertThat(o.reply()).get().isInstanceOf(ButtonMessage.class);
        return ((ButtonMessage) o.reply().get()).buttons().stream().map(ButtonMessage.Button::id).toList();
    }

    @Nested
    @DisplayName("first contact")
    class FirstContact {
        @Test
        void plainHello_createsTheCustomer_andWelcomesByNameAskingForConsent() {
            InboundMessage hello = Webhook.from(US).name("Sheena Nelson").text("Hello!");

            Outcome o = first(hello);

            Customer c = o.customer();
            assertThat(c.key()).isEqualTo(US);
            assertThat(c.waId()).isEqualTo(US);
            assertThat(c.name()).isEqualTo("Sheena Nelson");
            assertThat(c.language()).isEqualTo("en");
            assertThat(c.points()).isZero();
            assertThat(c.consent()).isEqualTo(Consent.NONE);
            assertThat(c.firstSeenAt()).isEqualTo(T0);
            assertThat(c.lastInboundAt()).isEqualTo(T0);
            assertThat(c.version()).isZero();
            assertThat(o.consentChange()).isEmpty();
            assertThat(o.reply().get().to()).isEqualTo("+" + US);
            assertThat(body(o))
                    .startsWith("Hi \u2068Sheena Nelson\u2069! 👋\n\nWelcome to the \u2068Café Lumière\u2069 loyalty club")
                    .contains("PLAY", "POINTS", "HELP", "STOP")
                    .contains("May we send you game news and rewards");
            assertThat(buttonIds(o)).containsExactly("cmd:START", "cmd:PLAY", "cmd:HELP");
            assertThat(((ButtonMessage) o.reply().get()).buttons().get(0).title()).isEqualTo("✅ Keep me posted");
        }

        @Test
        void points_isAnsweredInsideTheWelcome_inOneMessage() {
            Outcome o = first(Webhook.from(US).name("Sheena").text("POINTS"));

            assertThat(o.intent()).isEqualTo("points");
            assertThat(body(o)).contains("Welcome to", "Points balance: 0.", "May we send you game news");
            assertThat(buttonIds(o)).containsExactly("cmd:START", "cmd:PLAY", "cmd:HELP");
        }

        @Test
        void start_welcomesAndSubscribes_withoutAskingAgain() {
            InboundMessage start = Webhook.from(US).name("Sheena").text("start");

            Outcome o = first(start);

            assertThat(o.customer().consent()).isEqualTo(new Consent(true, T0, start.wamid()));
            assertThat(o.consentChange()).contains(new ConsentChange(true, T0, start.wamid(), "keyword", "en"));
            assertThat(body(o)).contains("Welcome to", "You're in!", "Reply STOP at any time")
                    .doesNotContain("May we send");
            assertThat(buttonIds(o)).containsExactly("cmd:PLAY", "cmd:POINTS", "cmd:HELP");
        }

        @Test
        void stop_confirmsNamingTheBusiness_andRecordsTheRefusal() {
            InboundMessage stop = Webhook.from(US).name("Sheena").text("STOP");

            Outcome o = first(stop);

            assertThat(o.customer().consent()).isEqualTo(new Consent(false, T0, stop.wamid()));
            assertThat(o.consentChange()).contains(new ConsentChange(false, T0, stop.wamid(), "keyword", "en"));
            assertThat(o.reply()).get().isInstanceOf(TextMessage.class);
            assertThat(body(o)).startsWith("Hi \u2068Sheena\u2069!").contains(
                    "\u2068Café Lumière\u2069 won't send you any more messages", "Reply START")
                    .doesNotContain("Would you like");
        }

        @Test
        void help_getsTheWelcome_whichExplainsTheCommands() {
            Outcome o = first(Webhook.from(US).name("Sheena").text("help"));

            assertThat(o.intent()).isEqualTo("help");
            assertThat(body(o)).contains("Welcome to", "POINTS for your balance");
            assertThat(buttonIds(o)).containsExactly("cmd:START", "cmd:PLAY", "cmd:HELP");
        }

        @Test
        void requestWelcome_getsTheWelcome() {
            Outcome o = first(Webhook.from(US).name("Sheena").requestWelcome());

            assertThat(o.intent()).isEqualTo("welcome");
            assertThat(body(o)).contains("Welcome to");
        }

        @Test
        void anImage_getsTheWelcome_notAnError() {
            Outcome o = first(Webhook.from(US).name("Sheena").image(null));

            assertThat(body(o)).contains("Welcome to").doesNotContain("only read text");
        }

        @Test
        void aReaction_createsTheCustomerButIsNotAnswered() {
            Outcome o = first(Webhook.from(US).reaction("👍"));

            assertThat(o.intent()).isEqualTo("reaction");
            assertThat(o.reply()).isEmpty();
            assertThat(o.windowClosed()).isFalse();
            assertThat(o.customer().key()).isEqualTo(US);
        }

        @ParameterizedTest(name = "profile name [{0}]")
        @ValueSource(strings = {"", "   ", "🌸🌸", "..."})
        void withoutAUsableName_theGreetingIsNeutral(String profileName) {
            Outcome o = first(Webhook.from(US).name(profileName).text("hi"));

            assertThat(body(o)).startsWith("Hi there! 👋\n\nWelcome to the \u2068Café Lumière\u2069 loyalty club")
                    .doesNotContain("null", "{{", "}}");
        }

        @Test
        void withNoProfileNameAtAll_theGreetingIsNeutral_andNoNameIsStored() {
            Outcome o = first(Webhook.from(US).text("hi"));

            assertThat(o.customer().name()).isNull();
            assertThat(body(o)).startsWith("Hi there!").doesNotContain("null", "{{");
        }

        @Test
        void aBsuidCustomer_isKeyedAndAddressedByWaIdWhileMetaSendsOne() {
            Outcome o = first(Webhook.from(US).bsuid("user.9373795779eb").name("Sheena").text("hi"));

            assertThat(o.customer().key()).isEqualTo("user.9373795779eb");
            assertThat(o.customer().bsuid()).isEqualTo("user.9373795779eb");
            assertThat(o.reply().get().to()).isEqualTo("+" + US);
        }
    }

    @Nested
    @DisplayName("en français")
    class French {
        @Test
        void aFrenchNumberSayingPoints_isWelcomedInFrench() {
            Outcome o = first(Webhook.from(FR).name("Léa").text("POINTS"));

            assertThat(o.customer().language()).isEqualTo("fr");
            assertThat(body(o)).startsWith("Bonjour \u2068Léa\u2069 ! 👋\n\nBienvenue au club fidélité de \u2068Café Lumière\u2069")
                    .contains("Solde de points : 0.")
                    .contains("Pouvons-nous vous envoyer");
            assertThat(((ButtonMessage) o.reply().get()).buttons()).extracting(ButtonMessage.Button::title)
                    .containsExactly("✅ Oui, j'accepte", "🎮 Jouer", "Aide");
        }

        @Test
        void arretWithAccentsAndPunctuation_fromAnAmericanNumber_stopsInFrench() {
            InboundMessage stop = Webhook.from(US).name("Léa").text("ARRÊT !");

            Outcome o = first(stop);

            assertThat(o.customer().language()).isEqualTo("fr");
            assertThat(o.consentChange()).contains(new ConsentChange(false, T0, stop.wamid(), "keyword", "fr"));
            assertThat(body(o)).contains("\u2068Café Lumière\u2069 ne vous enverra plus", "Répondez COMMENCER");
        }

        @Test
        void oui_subscribes_andTheConfirmationSaysHowToStop() {
            Outcome hello = first(Webhook.from(FR).name("Léa").text("Bonjour"));
            InboundMessage oui = Webhook.from(FR).at(T0.plusSeconds(30)).text("Oui");

            Outcome o = then(hello, oui);

            assertThat(o.customer().consent().proactive()).isTrue();
            assertThat(o.consentChange()).contains(new ConsentChange(true, oui.sentAt(), oui.wamid(), "keyword", "fr"));
            assertThat(body(o)).startsWith("C'est noté !").contains("Répondez ARRÊT");
        }

        @Test
        void aide_listsTheCommandsInFrench_withButtons() {
            Outcome hello = first(Webhook.from(FR).name("Léa").text("Bonjour"));

            Outcome o = then(hello, Webhook.from(FR).at(T0.plusSeconds(30)).text("aide"));

            assertThat(body(o)).startsWith("Voici ce que vous pouvez faire");
            assertThat(buttonIds(o)).containsExactly("cmd:PLAY", "cmd:POINTS", "cmd:START");
        }

        @Test
        void unknownText_isQuotedInFrenchGuillemets() {
            Outcome hello = first(Webhook.from(FR).name("Léa").text("Bonjour"));

            Outcome o = then(hello, Webhook.from(FR).at(T0.plusSeconds(30)).text("Vous êtes ouverts dimanche ?"));

            assertThat(o.intent()).isEqualTo("unknown");
            assertThat(body(o)).isEqualTo("Désolé, je n'ai pas compris « \u2068Vous êtes ouverts dimanche ?\u2069 ». Répondez AIDE pour voir ce que vous pouvez faire.");
            assertThat(buttonIds(o)).containsExactly("cmd:HELP", "cmd:PLAY");
        }
    }

    @Nested
    @DisplayName("بالعربية")
    class Arabic {
        @Test
        void nuqat_fromTheEmirates_isWelcomedInArabicWithTheBalance() {
            Outcome o = first(Webhook.from(AE).name("محمد").text("نقاط"));

            assertThat(o.customer().language()).isEqualTo("ar");
            assertThat(body(o)).startsWith("مرحباً \u2068محمد\u2069! 👋\n\nأهلاً بك في نادي الولاء لدى \u2068Café Lumière\u2069")
                    .contains("رصيد نقاطك: 0.")
                    .contains("اضغط ✅ للموافقة");
            assertThat(((ButtonMessage) o.reply().get()).buttons()).extracting(ButtonMessage.Button::title)
                    .containsExactly("✅ نعم، أوافق", "🎮 العب", "مساعدة");
        }

        @Test
        void iqafWithTatweelHarakatAndBidiMarks_stops() {
            Outcome hello = first(Webhook.from(AE).name("محمد").text("السلام عليكم"));
            InboundMessage stop = Webhook.from(AE).at(T0.plusSeconds(30)).text("\u200Fإِيـقـاف\u200F");

            Outcome o = then(hello, stop);

            assertThat(o.intent()).isEqualTo("stop");
            assertThat(o.consentChange()).contains(new ConsentChange(false, stop.sentAt(), stop.wamid(), "keyword", "ar"));
            assertThat(body(o)).startsWith("تم: لن يرسل لك").contains("«ابدأ»");
        }

        @Test
        void laUridTwoWords_stops() {
            Outcome o = first(Webhook.from(AE).name("محمد").text("لا أريد"));

            assertThat(o.intent()).isEqualTo("stop");
            assertThat(o.customer().consent().proactive()).isFalse();
            assertThat(o.consentChange()).isPresent();
        }

        @Test
        void unknownArabicText_isQuotedByteForByte_andSwitchesToArabic() {
            Outcome hello = first(Webhook.from(US).name("Sheena").text("Hello"));
            String said = "هل لديكم فرع في دبي؟ 🙏";

            Outcome o = then(hello, Webhook.from(US).at(T0.plusSeconds(30)).text(said));

            assertThat(o.customer().language()).isEqualTo("ar");
            assertThat(body(o)).isEqualTo("عذراً، لم أفهم «\u2068" + said + "\u2069». "
                    + "أرسل «مساعدة» لمعرفة ما يمكنك فعله.");
            assertThat(body(o).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .containsSequence(said.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Test
        void theBalanceIsWrittenInArabic_withItsNumber() {
            // The campaign format has one form per text (no plural forms yet): the number is written as digits.
            Outcome hello = first(Webhook.from(AE).name("محمد").text("مرحبا"));
            Customer customer = stored(hello.customer());

            assertThat(pointsReply(customer, 1)).startsWith("رصيد نقاطك: 1. مستواك: الأساسي.");
            // The tier's name is an inserted value: isolated, like a name, so it keeps its own direction.
            assertThat(pointsReply(customer, 103)).startsWith("رصيد نقاطك: 103. مستواك: \u2068الفضي\u2069.")
                    .contains("▰▱▱▱▱", "397");
        }

        /** The answer to رصيدي from a customer whose account holds {@code points}, granted a minute ago. */
        private String pointsReply(Customer customer, long points) {
            PointsAccount account = ((LedgerResult.Applied) PointsAccount.empty().grant(points, "test", "wamid.grant",
                    T0, T0.plus(Duration.ofDays(30)))).account();
            return body(engine.handle(customer, account, Webhook.from(AE).at(T0.plusSeconds(60)).text("رصيدي"),
                    T0.plusSeconds(61)));
        }
    }

    @Nested
    @DisplayName("consent")
    class ConsentRules {
        @Test
        void tappingTheWelcomesStartButton_recordsConsentFromAButton() {
            Outcome hello = first(Webhook.from(US).name("Sheena").text("Hi"));
            InboundMessage tap = Webhook.from(US).at(T0.plusSeconds(40)).buttonReply("cmd:START", "✅ Keep me posted");

            Outcome o = then(hello, tap);

            assertThat(o.intent()).isEqualTo("start");
            assertThat(o.customer().consent()).isEqualTo(new Consent(true, tap.sentAt(), tap.wamid()));
            assertThat(o.consentChange()).contains(new ConsentChange(true, tap.sentAt(), tap.wamid(), "button", "en"));
            assertThat(body(o)).contains("You're in!", "Reply STOP");
        }

        @Test
        void startWhenAlreadySubscribed_saysSo_andRecordsNothing() {
            Outcome subscribed = first(Webhook.from(US).name("Sheena").text("START"));

            Outcome o = then(subscribed, Webhook.from(US).at(T0.plusSeconds(60)).text("subscribe"));

            assertThat(o.consentChange()).isEmpty();
            assertThat(o.customer().consent()).isEqualTo(subscribed.customer().consent());
            assertThat(body(o)).startsWith("You're already subscribed");
        }

        @Test
        void stopAfterStart_withdrawsConsent_andKeepsTheNewEventInHistory() {
            Outcome subscribed = first(Webhook.from(US).name("Sheena").text("START"));
            InboundMessage stop = Webhook.from(US).at(T0.plus(Duration.ofDays(3))).text("Unsubscribe");

            Outcome o = then(subscribed, stop);

            assertThat(o.customer().consent()).isEqualTo(new Consent(false, stop.sentAt(), stop.wamid()));
            assertThat(o.consentChange()).contains(new ConsentChange(false, stop.sentAt(), stop.wamid(), "keyword", "en"));
            assertThat(body(o)).contains("won't send you any more messages", "Reply START");
        }

        @Test
        void stopFromACustomerWhoNeverAnswered_isRecordedToo() {
            Outcome hello = first(Webhook.from(US).name("Sheena").text("Hi"));

            Outcome o = then(hello, Webhook.from(US).at(T0.plusSeconds(10)).text("stop!!"));

            assertThat(hello.customer().consent()).isEqualTo(Consent.NONE);
            assertThat(o.consentChange()).get().extracting(ConsentChange::proactive).isEqualTo(false);
        }

        @Test
        void stopAgain_isConfirmedAgain_butRecordedOnce() {
            Outcome stopped = first(Webhook.from(US).name("Sheena").text("STOP"));

            Outcome o = then(stopped, Webhook.from(US).at(T0.plusSeconds(10)).text("STOP."));

            assertThat(o.consentChange()).isEmpty();
            assertThat(o.customer().consent()).isEqualTo(stopped.customer().consent());
            assertThat(body(o)).contains("won't send you any more messages");
        }

        @Test
        void templateQuickReply_stopPromotions_stopsAsAButton() {
            Outcome subscribed = first(Webhook.from(US).name("Sheena").text("START"));
            InboundMessage tap = Webhook.from(US).at(T0.plus(Duration.ofDays(2))).templateButton("Stop promotions",
                    "Stop promotions");

            Outcome o = then(subscribed, tap);

            assertThat(o.intent()).isEqualTo("stop");
            assertThat(o.consentChange()).contains(new ConsentChange(false, tap.sentAt(), tap.wamid(), "button", "en"));
        }

        @Test
        void templateQuickReply_withOurPayload_isTheCommand() {
            Outcome hello = first(Webhook.from(FR).name("Léa").text("Bonjour"));
            InboundMessage tap = Webhook.from(FR).at(T0.plusSeconds(90)).templateButton("cmd:START", "Je m’abonne");

            Outcome o = then(hello, tap);

            assertThat(o.consentChange()).contains(new ConsentChange(true, tap.sentAt(), tap.wamid(), "button", "fr"));
        }

        @Test
        void aStartSentBeforeALaterStop_doesNotOverturnIt() {
            InboundMessage stop = Webhook.from(US).name("Sheena").at(T0.plusSeconds(60)).text("STOP");
            Outcome stopped = engine.handle(null, stop, T0.plusSeconds(61));
            InboundMessage lateStart = Webhook.from(US).at(T0).text("START");

            Outcome o = engine.handle(stored(stopped.customer()), lateStart, T0.plusSeconds(62));

            assertThat(o.consentChange()).isEmpty();
            assertThat(o.customer().consent()).isEqualTo(new Consent(false, stop.sentAt(), stop.wamid()));
            assertThat(o.customer().lastInboundAt()).isEqualTo(stop.sentAt());
            assertThat(buttonIds(o)).contains("cmd:START");
        }
    }

    @Nested
    @DisplayName("the 24-hour window")
    class Window {
        @Test
        void aStopHandledAfterTheWindow_changesConsent_butSendsNothing() {
            Outcome subscribed = first(Webhook.from(US).name("Sheena").text("START"));
            InboundMessage stop = Webhook.from(US).at(T0.plus(Duration.ofDays(1))).text("STOP");

            Outcome o = engine.handle(stored(subscribed.customer()), stop,
                    stop.sentAt().plus(Duration.ofHours(24)).plusSeconds(1));

            assertThat(o.reply()).isEmpty();
            assertThat(o.windowClosed()).isTrue();
            assertThat(o.intent()).isEqualTo("stop");
            assertThat(o.customer().consent().proactive()).isFalse();
            assertThat(o.consentChange()).isPresent();
        }

        @Test
        void exactly24HoursLater_theWindowIsStillOpen() {
            InboundMessage points = Webhook.from(US).name("Sheena").text("POINTS");

            Outcome o = engine.handle(null, points, points.sentAt().plus(Duration.ofHours(24)));

            assertThat(o.reply()).isPresent();
            assertThat(o.windowClosed()).isFalse();
        }

        @Test
        void aFirstContactFromABacklog_createsTheCustomerWithoutAWelcome() {
            InboundMessage hi = Webhook.from(US).name("Sheena").text("hi");

            Outcome o = engine.handle(null, hi, hi.sentAt().plus(Duration.ofDays(3)));

            assertThat(o.reply()).isEmpty();
            assertThat(o.windowClosed()).isTrue();
            assertThat(o.customer().lastInboundAt()).isEqualTo(hi.sentAt());
        }

        @Test
        void aReactionAfterTheWindow_isNotReportedAsASuppressedReply() {
            InboundMessage like = Webhook.from(US).reaction("❤️");

            Outcome o = engine.handle(null, like, like.sentAt().plus(Duration.ofDays(3)));

            assertThat(o.windowClosed()).isFalse();
        }
    }

    @Nested
    @DisplayName("buttons are untrusted input")
    class TamperedButtons {
        Outcome hello = first(Webhook.from(US).name("Sheena").text("Hi"));

        @ParameterizedTest(name = "id [{0}]")
        @ValueSource(strings = {"cmd:stop", "cmd:STOP ", " cmd:STOP", "cmd:STOP;DROP TABLE", "CMD:STOP", "cmd:",
                "cmd:DANCE", "lang:de", "q7:a2", "\u0000", "cmd:STOP\u200B"})
        void anIdWeNeverSent_isNotACommand_andTheTitleIsReadAsText(String id) {
            InboundMessage tap = Webhook.from(US).at(T0.plusSeconds(5)).buttonReply(id, "Order status");

            Outcome o = then(hello, tap);

            assertThat(o.intent()).isEqualTo("unknown");
            assertThat(o.consentChange()).isEmpty();
            assertThat(body(o)).contains("“\u2068Order status\u2069”");
        }

        @Test
        void aForgedIdWithOneOfOurTitles_isMatchedByItsTitle() {
            InboundMessage tap = Webhook.from(US).at(T0.plusSeconds(5)).buttonReply("cmd:POINTS'--", "⭐ My points");

            Outcome o = then(hello, tap);

            assertThat(o.intent()).isEqualTo("points");
            assertThat(body(o)).startsWith("Points balance: 0. Your tier: Member.\n");
        }

        @Test
        void theIdDecides_notTheTitle() {
            InboundMessage tap = Webhook.from(US).at(T0.plusSeconds(5)).buttonReply("cmd:POINTS", "🔕 Unsubscribe");

            Outcome o = then(hello, tap);

            assertThat(o.intent()).isEqualTo("points");
            assertThat(o.consentChange()).isEmpty();
        }

        @Test
        void aListRowWithOurId_isTheCommand() {
            Outcome o = then(hello, Webhook.from(US).at(T0.plusSeconds(5)).listReply("cmd:HELP", "Help", "All commands"));

            assertThat(o.intent()).isEqualTo("help");
        }

        @Test
        void aFlowsReply_isUnsupported_notACrash() {
            Outcome o = then(hello, Webhook.from(US).at(T0.plusSeconds(5)).flowReply());

            assertThat(o.intent()).isEqualTo("unsupported");
            assertThat(body(o)).contains("only read text and buttons");
        }
    }

    @Nested
    @DisplayName("every message")
    class EveryMessage {
        @Test
        void media_getTheCanOnlyReadTextHint() {
            Outcome hello = first(Webhook.from(US).name("Sheena").text("Hi"));
            for (InboundMessage m : List.of(Webhook.from(US).at(T0.plusSeconds(5)).image("look at this"),
                    Webhook.from(US).at(T0.plusSeconds(5)).sticker(),
                    Webhook.from(US).at(T0.plusSeconds(5)).voiceNote(),
                    Webhook.from(US).at(T0.plusSeconds(5)).location(),
                    Webhook.from(US).at(T0.plusSeconds(5)).unsupported("poll"))) {
                Outcome o = then(hello, m);
                assertThat(o.intent()).as(m.type()).isEqualTo("unsupported");
                assertThat(body(o)).as(m.type())
                        .isEqualTo("I can only read text and buttons for now. Reply HELP to see what you can do.");
            }
        }

        @Test
        void reactionsAndSystemNotices_areNotAnswered() {
            Outcome hello = first(Webhook.from(US).name("Sheena").text("Hi"));

            assertThat(then(hello, Webhook.from(US).at(T0.plusSeconds(5)).reaction("👍")).reply()).isEmpty();
            assertThat(then(hello, Webhook.from(US).at(T0.plusSeconds(5)).reaction(null)).reply()).isEmpty();
            assertThat(then(hello, Webhook.from(US).at(T0.plusSeconds(5)).system()).intent()).isEqualTo("ignored");
        }

        @Test
        void aSecondRequestWelcome_doesNotGreetTwice() {
            Outcome hello = first(Webhook.from(US).name("Sheena").text("Hi"));

            Outcome o = then(hello, Webhook.from(US).at(T0.plusSeconds(5)).requestWelcome());

            assertThat(o.reply()).isEmpty();
        }

        @Test
        void lastInboundAtOnlyMovesForward_andTheNameFollowsTheProfile() {
            Outcome hello = first(Webhook.from(US).name("Sheena").at(T0.plusSeconds(100)).text("Hi"));

            Outcome older = then(hello, Webhook.from(US).name("Sheena N.").at(T0).text("points"));
            Outcome unnamed = then(older, Webhook.from(US).name("  ").at(T0.plusSeconds(200)).text("points"));

            assertThat(older.customer().lastInboundAt()).isEqualTo(T0.plusSeconds(100));
            assertThat(older.customer().name()).isEqualTo("Sheena N.");
            assertThat(unnamed.customer().lastInboundAt()).isEqualTo(T0.plusSeconds(200));
            assertThat(unnamed.customer().name()).isEqualTo("Sheena N.");
            assertThat(unnamed.customer().version()).isEqualTo(2);
        }

        @Test
        void aLongUnknownMessage_isQuotedTo100CodePoints_withoutSplittingAnEmoji() {
            Outcome hello = first(Webhook.from(US).name("Sheena").text("Hi"));
            String said = "a".repeat(99) + "😀" + "tail that is not quoted";

            Outcome o = then(hello, Webhook.from(US).at(T0.plusSeconds(5)).text(said));

            assertThat(body(o)).contains("“\u2068" + "a".repeat(99) + "😀…\u2069”").doesNotContain("tail");
        }

        @Test
        void everyKindOfReply_inEveryLanguage_withA256CharacterName_isAValidMessage() {
            String longName = "محمد ".repeat(51) + "W";
            List<java.util.function.Function<Webhook, InboundMessage>> messages = List.of(
                    w -> w.text("hi"), w -> w.text("?"), w -> w.text("x".repeat(4096)), w -> w.image("caption"),
                    w -> w.requestWelcome(), w -> w.buttonReply("cmd:HELP", "❓ Help"));
            List<String> commands = List.of("POINTS", "HELP", "START", "STOP");
            int replies = 0;
            for (String language : DemoCampaign.get().languages()) {
                Engine e = new Engine(TestCampaigns.withDefaultLanguage(language), MessageCatalog.bundled(),
                        "B".repeat(Engine.BUSINESS_NAME_MAX));
                for (Consent consent : List.of(Consent.NONE, new Consent(true, T0, "w1"), new Consent(false, T0, "w2"))) {
                    Customer known = new Customer(US, US, null, longName, language, 1234, consent, T0, T0, 4);
                    for (var build : messages) {
                        replies += count(e.handle(null, build.apply(Webhook.from(US).name(longName).at(T0)), SOON));
                        replies += count(e.handle(known, build.apply(Webhook.from(US).name(longName).at(T0)), SOON));
                    }
                    for (String command : commands) {
                        // The tapped id keeps the language; each command is tried first and later.
                        InboundMessage tap = Webhook.from(US).name(longName).at(T0).buttonReply("cmd:" + command, "t");
                        replies += count(e.handle(null, tap, SOON));
                        replies += count(e.handle(known, tap, SOON));
                    }
                }
            }
            assertThat(replies).isEqualTo(3 * 3 * (6 * 2 - 1 + 4 * 2));
        }

        private int count(Outcome o) {
            assertThat(o.reply().map(OutboundMessage::bodyText).orElse("")).doesNotContain("{{", "null");
            return o.reply().isPresent() ? 1 : 0;
        }

        @Test
        void aHugeProfileName_stillMakesAValidWelcomeInEveryLanguage() {
            String longName = "Ｗ".repeat(256);
            for (String waId : List.of(US, FR, AE)) {
                Outcome o = first(Webhook.from(waId).name(longName).text("POINTS"));
                assertThat(o.customer().name()).isEqualTo(longName);
                assertThat(body(o)).contains("Ｗ".repeat(64)).doesNotContain("Ｗ".repeat(65));
            }
        }
    }

    @Nested
    @DisplayName("language")
    class Language {
        @Test
        void aKeywordOfSeveralLanguages_keepsTheStoredLanguage() {
            Outcome fr = first(Webhook.from(US).name("Léa").text("aide"));

            Outcome o = then(fr, Webhook.from(US).at(T0.plusSeconds(5)).text("POINTS"));

            assertThat(fr.customer().language()).isEqualTo("fr");
            assertThat(o.customer().language()).isEqualTo("fr");
            assertThat(body(o)).startsWith("Solde de points : 0. Votre niveau : Membre.\n");
        }

        @Test
        void aKeywordOfOneLanguage_switchesToIt() {
            Outcome fr = first(Webhook.from(FR).name("Léa").text("Bonjour"));

            Outcome o = then(fr, Webhook.from(FR).at(T0.plusSeconds(5)).text("help"));

            assertThat(o.customer().language()).isEqualTo("en");
        }

        @Test
        void aNewCustomersAmbiguousKeyword_followsTheirCountry_elseTheDefault() {
            assertThat(first(Webhook.from(FR).text("points")).customer().language()).isEqualTo("fr");
            assertThat(first(Webhook.from("3225551234").text("stop")).customer().language()).isEqualTo("fr");
            assertThat(first(Webhook.from(US).text("points")).customer().language()).isEqualTo("en");
            assertThat(first(Webhook.from("966501234567").text("points")).customer().language()).isEqualTo("en");
        }

        @Test
        void aNewCustomersCountry_setsTheLanguageOfAnUnknownMessage() {
            assertThat(first(Webhook.from("201001234567").text("good evening")).customer().language()).isEqualTo("ar");
            assertThat(first(Webhook.from("212612345678").text("salut")).customer().language()).isEqualTo("fr");
            assertThat(first(Webhook.from("447700900123").text("hello")).customer().language()).isEqualTo("en");
        }

        @Test
        void aButtonTapKeepsTheLanguage() {
            Outcome ar = first(Webhook.from(US).name("محمد").text("مساعدة"));

            Outcome o = then(ar, Webhook.from(US).at(T0.plusSeconds(5)).buttonReply("cmd:POINTS", "⭐ نقاطي"));

            assertThat(o.customer().language()).isEqualTo("ar");
            assertThat(body(o)).startsWith("رصيد نقاطك: 0. مستواك: الأساسي.\n");
        }

        @Test
        void anEngineWithAnotherDefault_usesIt() {
            Engine french = new Engine(TestCampaigns.withDefaultLanguage("fr"), MessageCatalog.bundled(), BUSINESS);

            Outcome o = french.handle(null, Webhook.from(US).text("hey"), SOON);

            assertThat(o.customer().language()).isEqualTo("fr");
        }
    }

    @Nested
    @DisplayName("construction")
    class Construction {
        @Test
        void aBlankOrOverlongBusinessName_isRefused() {
            assertThatThrownBy(() -> new Engine(DemoCampaign.get(), MessageCatalog.bundled(), " "))
                    .hasMessageContaining("business name must not be blank");
            assertThatThrownBy(() -> new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "x".repeat(101)))
                    .hasMessageContaining("101 characters");
        }

        @Test
        void theLongestBusinessName_fitsEveryReply() {
            Engine e = new Engine(TestCampaigns.withDefaultLanguage("ar"), MessageCatalog.bundled(),
                    "B".repeat(Engine.BUSINESS_NAME_MAX));

            assertThat(e.handle(null, Webhook.from(AE).name("م".repeat(300)).text("نقاط"), SOON).reply()).isPresent();
        }

        @Test
        void aCampaignTextTooLongForWhatsApp_isRefusedWhenFirstPlayed_notOnACustomersMessage() {
            Campaign campaign = TestCampaigns.withText("fr", TextKey.HELP, "Voici l’aide. ".repeat(80));

            assertThatThrownBy(() -> new Engine(campaign, MessageCatalog.bundled(), BUSINESS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("campaign demo, language fr: a reply would break WhatsApp's limits")
                    .hasMessageContaining("interactive.body.text has 1120 characters");
        }

        @Test
        void aMessageOfAnotherCustomer_isRefused() {
            Outcome lea = first(Webhook.from(FR).text("hi"));

            assertThatThrownBy(() -> engine.handle(lea.customer(), Webhook.from(US).text("hi"), SOON))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    static OutboundMessage reply(Outcome o) {
        return o.reply().orElseThrow();
    }
}
