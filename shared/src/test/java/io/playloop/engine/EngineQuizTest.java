package io.playloop.engine;

import static io.playloop.engine.Webhook.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.DemoCampaign;
import io.playloop.games.quiz.AskedQuestion;
import io.playloop.games.quiz.OptionIds;
import io.playloop.games.quiz.QuizSession;
import io.playloop.ledger.LedgerResult;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.ListMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quiz through the engine: signed buttons out, answers judged by their signed ids, points once. */
class EngineQuizTest {
    static final String US = "16505551234";
    static final String FR = "33612345678";
    static final String AR = "971501234567";
    static final OptionIds IDS = new OptionIds("test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
    final Engine engine = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière", () -> IDS,
            () -> new SplittableRandom(42));
    long clock = 10;

    /** The state the store would hand back after each step. */
    Outcome last;
    PlayerState state = PlayerState.NEW;

    Outcome send(String waId, InboundMessage m) {
        Outcome o = last == null ? engine.handle(null, state, m, m.sentAt().plusSeconds(1))
                : engine.handle(EngineTest.stored(last.customer()), state, m, m.sentAt().plusSeconds(1));
        state = new PlayerState(o.points().map(LedgerResult.Applied::account).orElse(state.points()),
                o.quiz().orElse(state.quiz()));
        last = o;
        return o;
    }

    Outcome text(String waId, String text) {
        clock += 10;
        return send(waId, Webhook.from(waId).name("Léa").at(T0.plusSeconds(clock)).text(text));
    }

    Outcome tap(String waId, String id, String title) {
        clock += 10;
        return send(waId, Webhook.from(waId).at(T0.plusSeconds(clock)).buttonReply(id, title));
    }

    AskedQuestion open() {
        return state.quiz().current().orElseThrow();
    }

    String idOf(String waId, String option) {
        AskedQuestion q = open();
        return q.optionIds(IDS, waId).get(q.options().indexOf(option));
    }

    /** The open question's option as the customer sees it, in that language. */
    String shown(String option, String language) {
        return DemoCampaign.get().quiz().orElseThrow().question(open().questionId()).orElseThrow()
                .option(option).orElseThrow().text().in(language);
    }

    /** The letter of an option's position as shown (A for the first button or row). */
    String letterOf(String option) {
        return String.valueOf((char) ('A' + open().options().indexOf(option)));
    }

    String wrongOption() {
        AskedQuestion q = open();
        return q.options().stream().filter(o -> !o.equals(q.correctOption())).findFirst().orElseThrow();
    }

    @Test
    void quiz_sendsTheQuestionAsReplyButtons_withSignedIds() {
        text(US, "hey");

        Outcome o = text(US, "QUIZ");

        assertThat(o.intent()).isEqualTo("quiz");
        ButtonMessage question = (ButtonMessage) o.reply().orElseThrow();
        assertThat(question.body()).startsWith("Question 1: ");
        assertThat(question.buttons()).hasSize(3)
                .allSatisfy(b -> assertThat(IDS.verify(US, b.id())).isPresent());
        assertThat(o.quiz()).isPresent();
    }

    @Test
    void theRightAnswer_earnsThePointsOnce_inOneMessageWithTheNextQuestionButton() {
        text(US, "hey");
        text(US, "quiz");
        String right = idOf(US, open().correctOption());
        String award = open().awardEventId();

        Outcome o = tap(US, right, "x");
        Outcome again = tap(US, right, "x");

        assertThat(o.intent()).isEqualTo("answer");
        assertThat(o.points()).get().satisfies(p ->
                assertThat(p.entries()).singleElement().satisfies(e -> {
                    assertThat(e.eventId()).isEqualTo(award);
                    assertThat(e.points()).isEqualTo(10);
                }));
        assertThat(o.customer().points()).isEqualTo(10);
        assertThat(o.reply().orElseThrow().bodyText()).startsWith("✅ Right! +10 points.").contains("in a row: 1");
        assertThat(((ButtonMessage) o.reply().get()).buttons()).extracting(ButtonMessage.Button::id)
                .containsExactly("cmd:QUIZ");
        assertThat(again.points()).isEmpty();
        assertThat(again.customer().points()).isEqualTo(10);
        assertThat(again.reply().orElseThrow().bodyText()).startsWith("That question is closed");
    }

    @Test
    void aWrongAnswer_namesTheRightOne_andEarnsNothing() {
        text(US, "hey");
        text(US, "quiz");
        String right = open().correctOption();
        String rightText = DemoCampaign.get().quiz().orElseThrow().question(open().questionId()).orElseThrow()
                .option(right).orElseThrow().text().in("en");

        Outcome o = tap(US, idOf(US, wrongOption()), "x");

        assertThat(o.points()).isEmpty();
        assertThat(o.reply().orElseThrow().bodyText()).contains("\u2068" + rightText + "\u2069");
        assertThat(state.quiz().streak()).isZero();
    }

    @Test
    void aForgedOrForeignId_awardsNothing_andGetsThePoliteClosedText() {
        text(US, "hey");
        text(US, "quiz");
        AskedQuestion q = open();
        String forged = "q:" + q.questionId() + ":1:" + q.correctOption() + ":AAAAAAAA";
        String someoneElses = idOf(FR, q.correctOption());

        Outcome o1 = tap(US, forged, "Mars");
        Outcome o2 = tap(US, someoneElses, "Mars");

        for (Outcome o : List.of(o1, o2)) {
            assertThat(o.points()).isEmpty();
            assertThat(o.quiz()).isEmpty();
            assertThat(o.reply().orElseThrow().bodyText()).startsWith("That question is closed");
        }
        assertThat(open().openAt(T0.plusSeconds(clock))).as("the real question is still open").isTrue();
    }

    @Test
    void theDailyLimit_stopsTheFourthQuestion() {
        text(US, "hey");
        for (int i = 0; i < 3; i++) {
            text(US, "quiz");
            tap(US, idOf(US, open().correctOption()), "x");
        }

        Outcome fourth = text(US, "quiz");

        assertThat(fourth.reply().orElseThrow().bodyText()).isEqualTo(
                "That's all 3 questions for today. Come back tomorrow for more!");
        assertThat(fourth.quiz()).isEmpty();
        assertThat(last.customer().points()).isEqualTo(30);
    }

    @Test
    void inFrench_theQuestionAndVerdictAreFrench() {
        text(FR, "bonjour");

        Outcome q = text(FR, "quiz");
        Outcome o = tap(FR, idOf(FR, open().correctOption()), "x");

        assertThat(q.customer().language()).isEqualTo("fr");
        String frText = DemoCampaign.get().quiz().orElseThrow().question(open().questionId()).orElseThrow()
                .text().in("fr");
        assertThat(q.reply().orElseThrow().bodyText()).contains(frText);
        assertThat(o.reply().orElseThrow().bodyText()).doesNotContain("Right!").contains("10");
    }

    @Test
    void quizTypedTwice_sendsTheOpenQuestionAgain_withTheSameIds() {
        text(US, "hey");
        Outcome first = text(US, "quiz");
        Outcome second = text(US, "quiz");

        assertThat(((ButtonMessage) second.reply().orElseThrow()).buttons())
                .isEqualTo(((ButtonMessage) first.reply().orElseThrow()).buttons());
        assertThat(second.quiz()).isEmpty();
        assertThat(state.quiz()).isNotEqualTo(QuizSession.start());
    }

    // --- typed answers ------------------------------------------------------------------------------------

    @Test
    void aTypedLetter_answersTheOpenQuestion_likeATap() {
        text(US, "hey");
        text(US, "quiz");
        String award = open().awardEventId();
        long worth = open().points();

        Outcome o = text(US, letterOf(open().correctOption()));

        assertThat(o.intent()).isEqualTo("answer");
        assertThat(o.points()).get().satisfies(p -> assertThat(p.entries()).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo(award);
            assertThat(e.points()).isEqualTo(worth);
        }));
        assertThat(o.reply().orElseThrow().bodyText()).startsWith("✅ Right! +" + worth + " points.");
        assertThat(((ButtonMessage) o.reply().get()).buttons()).extracting(ButtonMessage.Button::id)
                .containsExactly("cmd:QUIZ");
        assertThat(state.quiz().current().orElseThrow().answeredWith()).contains(open().correctOption());
    }

    @Test
    void aTypedNumber_ofAWrongOption_isJudgedWrong_andNamesTheRightAnswer() {
        text(US, "hey");
        text(US, "quiz");
        String wrong = wrongOption();
        String rightText = shown(open().correctOption(), "en");

        Outcome o = text(US, (open().options().indexOf(wrong) + 1) + ".");

        assertThat(o.intent()).isEqualTo("answer");
        assertThat(o.points()).isEmpty();
        assertThat(o.reply().orElseThrow().bodyText()).startsWith("❌").contains("\u2068" + rightText + "\u2069");
        assertThat(state.quiz().answers()).isEqualTo(1);
    }

    @Test
    void theOptionTextTypedInFrench_inAnyCaseAndSpacing_answersInFrench() {
        text(FR, "bonjour");
        text(FR, "quiz");
        String typed = "  " + shown(open().correctOption(), "fr").toUpperCase(java.util.Locale.ROOT) + " ";

        Outcome o = text(FR, typed);

        assertThat(o.intent()).isEqualTo("answer");
        assertThat(o.customer().language()).isEqualTo("fr");
        assertThat(o.points()).isPresent();
        assertThat(o.reply().orElseThrow().bodyText()).startsWith("✅ Bonne réponse ! +" + open().points());
    }

    @Test
    void theOptionTextTypedInArabic_answersInArabic() {
        text(AR, "مرحبا");
        Outcome q = text(AR, "مسابقة");
        String typed = shown(open().correctOption(), "ar");

        Outcome o = text(AR, typed);

        assertThat(q.customer().language()).isEqualTo("ar");
        assertThat(o.intent()).isEqualTo("answer");
        assertThat(o.points()).isPresent();
        assertThat(o.customer().points()).isEqualTo(open().points());
        assertThat(o.reply().orElseThrow().bodyText()).startsWith("✅ إجابة صحيحة! نقاط مكتسبة: " + open().points());
    }

    @Test
    void anArabicCustomer_typingTheEnglishTextOfAnOption_hasNotAnswered() {
        text(AR, "مرحبا");
        for (int i = 0; i < 3; i++) { // the first questions drawn may have numbers for options, alike in en and ar
            text(AR, "مسابقة");
            if (!shown(open().correctOption(), "en").equals(shown(open().correctOption(), "ar"))) {
                break;
            }
            tap(AR, idOf(AR, open().correctOption()), "x");
        }
        String english = shown(open().correctOption(), "en");

        Outcome o = text(AR, english);

        assertThat(english).isNotEqualTo(shown(open().correctOption(), "ar"));
        assertThat(o.intent()).isNotEqualTo("answer");
        assertThat(o.points()).isEmpty();
        assertThat(open().openAt(T0.plusSeconds(clock))).as("still open").isTrue();
    }

    @Test
    void otherTypedText_whileAQuestionIsOpen_isNotAnAnswer_andLeavesItOpen() {
        text(US, "hey");
        text(US, "quiz");
        String right = shown(open().correctOption(), "en");

        for (String typed : List.of("hello", "nice one", right + " please", "E", "0", "11", "AB")) {
            Outcome o = text(US, typed);
            assertThat(o.intent()).as(typed).isNotEqualTo("answer");
            assertThat(o.points()).as(typed).isEmpty();
            assertThat(o.quiz()).as(typed).isEmpty();
        }
        assertThat(open().openAt(T0.plusSeconds(clock))).isTrue();
        assertThat(text(US, right).intent()).as("the question still takes its answer").isEqualTo("answer");
    }

    @Test
    void aCommandTyped_whileAQuestionIsOpen_stillWorks() {
        text(US, "hey");
        text(US, "quiz");

        Outcome points = text(US, "POINTS");
        Outcome help = text(US, "help");

        assertThat(points.intent()).isEqualTo("points");
        assertThat(points.reply().orElseThrow().bodyText()).startsWith("Points balance: 0.");
        assertThat(help.intent()).isEqualTo("help");
        assertThat(open().openAt(T0.plusSeconds(clock))).as("the question stays open").isTrue();
    }

    @Test
    void aDoubleAnswer_typedThenTypedThenTapped_paysOnce() {
        text(US, "hey");
        text(US, "quiz");
        String right = shown(open().correctOption(), "en");
        String rightId = idOf(US, open().correctOption());

        Outcome first = text(US, right);
        Outcome typedAgain = text(US, right);
        Outcome tapped = tap(US, rightId, right);

        assertThat(first.points()).isPresent();
        assertThat(typedAgain.intent()).as("an answered question takes no typed answer").isEqualTo("unknown");
        assertThat(typedAgain.points()).isEmpty();
        assertThat(tapped.points()).isEmpty();
        assertThat(tapped.reply().orElseThrow().bodyText()).startsWith("That question is closed");
        assertThat(last.customer().points()).isEqualTo(open().points());
        assertThat(state.points().entries()).hasSize(1);
    }

    @Test
    void aTypedAnswer_afterTheTimeLimit_isNotAnAnswer_whileATapGetsTheClosedText() {
        text(US, "hey");
        text(US, "quiz");
        String right = shown(open().correctOption(), "en");
        String rightId = idOf(US, open().correctOption());
        clock += 11 * 60; // the demo's answer_time_limit is 10 minutes

        Outcome typed = text(US, right);
        Outcome tapped = tap(US, rightId, right);

        assertThat(typed.intent()).isEqualTo("unknown");
        assertThat(typed.points()).isEmpty();
        assertThat(tapped.intent()).isEqualTo("answer");
        assertThat(tapped.points()).isEmpty();
        assertThat(tapped.reply().orElseThrow().bodyText()).startsWith("That question is closed");
    }

    @Test
    void aTappedAnswer_isJudgedByItsSignedId_whateverItsContextSays() {
        text(US, "hey");
        text(US, "quiz");
        String rightId = idOf(US, open().correctOption());
        clock += 10;
        InboundMessage tapOnSomeOtherMessage = Webhook.from(US).at(T0.plusSeconds(clock))
                .replyingTo("wamid.SOMETHING-ELSE").buttonReply(rightId, "x");

        Outcome o = send(US, tapOnSomeOtherMessage);

        assertThat(tapOnSomeOtherMessage.contextId()).isEqualTo("wamid.SOMETHING-ELSE");
        assertThat(o.points()).isPresent();
    }

    @Test
    void noTypedAnswer_beforeAnyQuestion() {
        text(US, "hey");

        Outcome o = text(US, "A");

        assertThat(o.intent()).isEqualTo("unknown");
        assertThat(o.quiz()).isEmpty();
    }

    @Test
    void onTheFourOptionListQuestion_aTypedFourthLetter_answersTheFourthRow() {
        text(US, "hey");
        // Questions are drawn at random, never one of the last five of six: the list question comes within six.
        for (int asked = 0; asked < 6; asked++) {
            if (text(US, "quiz").reply().orElseThrow() instanceof ListMessage) {
                break;
            }
            clock += asked % 3 == 2 ? 24 * 3600 : 11 * 60; // let it expire; after three, the next day
        }
        assertThat(open().options()).as("the list question").hasSize(4);
        String fourth = open().options().get(3);
        String rightText = shown(open().correctOption(), "en");

        Outcome o = text(US, "d");

        assertThat(o.intent()).isEqualTo("answer");
        assertThat(state.quiz().current().orElseThrow().answeredWith()).contains(fourth);
        assertThat(o.reply().orElseThrow().bodyText()).startsWith("❌").contains(rightText);
    }

    @Test
    void anEarningKeyword_typedWhileAQuestionIsOpen_staysTheKeyword() {
        text(US, "hey");
        text(US, "quiz");

        Outcome o = text(US, "SUMMER");

        assertThat(o.intent()).isEqualTo("earn");
        assertThat(open().openAt(T0.plusSeconds(clock))).isTrue();
    }
}
