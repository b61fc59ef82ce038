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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quiz through the engine: signed buttons out, answers judged by their signed ids, points once. */
class EngineQuizTest {
    static final String US = "16505551234";
    static final String FR = "33612345678";
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
}
