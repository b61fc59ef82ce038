package io.playloop.games.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

// Unit tier: a customer plays the quiz: questions, answers, double taps, late taps, forged ids, limits.
class QuizSessionTest {
    static final Instant T0 = Instant.parse("2026-03-04T09:00:00Z");
    static final String CUSTOMER = "447700900123";
    static final OptionIds IDS = new OptionIds("local-app-secret-for-tests".getBytes(StandardCharsets.UTF_8));
    static final QuestionBank BANK = new QuestionBank(List.of(
            new Question("capital-fr", List.of("paris", "lyon", "nice"), "paris", 10),
            new Question("capital-ma", List.of("rabat", "casablanca"), "rabat", 10),
            new Question("capital-sa", List.of("riyadh", "jeddah", "mecca", "dammam"), "riyadh", 20),
            new Question("capital-eg", List.of("cairo", "alexandria", "giza"), "cairo", 10)));
    static final QuizRules RULES = new QuizRules(3, 2, Duration.ofMinutes(10), ZoneId.of("Europe/Paris"));

    private final RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(7);

    private AskResult.Asked ask(QuizSession session, Instant at) {
        AskResult result = session.ask(BANK, RULES, at, random);
        assertThat(result).isInstanceOf(AskResult.Asked.class);
        return (AskResult.Asked) result;
    }

    private static AnswerResult tap(QuizSession session, AskedQuestion question, String option, Instant at) {
        return session.answer(IDS.sign(CUSTOMER, question.questionId(), question.round(), option), CUSTOMER, IDS, at);
    }

    @Test
    void aCorrectAnswer_earnsTheQuestionsPoints_andStartsAStreak() {
        AskResult.Asked asked = ask(QuizSession.start(), T0);
        AskedQuestion q = asked.question();

        AnswerResult result = tap(asked.session(), q, q.correctOption(), T0.plusSeconds(30));

        assertThat(result.outcome()).isEqualTo(AnswerOutcome.CORRECT);
        assertThat(result.points()).isEqualTo(q.points()).isPositive();
        assertThat(result.session().score()).isEqualTo(q.points());
        assertThat(result.session().streak()).isEqualTo(1);
        assertThat(q.awardEventId()).isEqualTo("quiz:1:" + q.questionId());
    }

    @Test
    void aWrongAnswer_earnsNothing_endsTheStreak_andTheReplyCanNameTheRightOne() {
        QuizSession session = QuizSession.start();
        AskResult.Asked first = ask(session, T0);
        session = tap(first.session(), first.question(), first.question().correctOption(), T0.plusSeconds(5)).session();
        AskResult.Asked second = ask(session, T0.plusSeconds(60));
        String wrong = second.question().options().stream()
                .filter(o -> !o.equals(second.question().correctOption())).findFirst().orElseThrow();

        AnswerResult result = tap(second.session(), second.question(), wrong, T0.plusSeconds(70));

        assertThat(result.outcome()).isEqualTo(AnswerOutcome.WRONG);
        assertThat(result.points()).isZero();
        assertThat(result.session().streak()).isZero();
        assertThat(result.session().bestStreak()).isEqualTo(1);
        assertThat(result.question()).map(AskedQuestion::correctOption).contains(second.question().correctOption());
    }

    @Test
    void aDoubleTap_countsOnce_theSecondTapIsClosed() {
        AskResult.Asked asked = ask(QuizSession.start(), T0);
        AskedQuestion q = asked.question();
        AnswerResult first = tap(asked.session(), q, q.correctOption(), T0.plusSeconds(5));

        AnswerResult second = tap(first.session(), q, q.correctOption(), T0.plusSeconds(6));

        assertThat(second.outcome()).isEqualTo(AnswerOutcome.CLOSED);
        assertThat(second.points()).isZero();
        assertThat(second.session()).isSameAs(first.session());
        assertThat(second.session().score()).isEqualTo(q.points());
    }

    @Test
    void changingYourMindAfterAnswering_isClosed() {
        AskResult.Asked asked = ask(QuizSession.start(), T0);
        AskedQuestion q = asked.question();
        String wrong = q.options().stream().filter(o -> !o.equals(q.correctOption())).findFirst().orElseThrow();
        AnswerResult first = tap(asked.session(), q, wrong, T0.plusSeconds(5));

        assertThat(tap(first.session(), q, q.correctOption(), T0.plusSeconds(8)).outcome())
                .isEqualTo(AnswerOutcome.CLOSED);
    }

    @Test
    void anAnswerAfterTheWindow_isClosed_andEarnsNothing() {
        AskResult.Asked asked = ask(QuizSession.start(), T0);
        AskedQuestion q = asked.question();

        AnswerResult late = tap(asked.session(), q, q.correctOption(), T0.plus(Duration.ofMinutes(10)));

        assertThat(late.outcome()).isEqualTo(AnswerOutcome.CLOSED);
        assertThat(late.session()).isSameAs(asked.session());
    }

    @Test
    void aButtonFromAnEarlierQuestion_isClosed() {
        AskResult.Asked first = ask(QuizSession.start(), T0);
        AskResult.Asked second = ask(first.session(), T0.plus(Duration.ofMinutes(11)));

        AnswerResult old = tap(second.session(), first.question(), first.question().correctOption(),
                T0.plus(Duration.ofMinutes(12)));

        assertThat(old.outcome()).isEqualTo(AnswerOutcome.CLOSED);
        assertThat(old.session()).isSameAs(second.session());
    }

    @Test
    void aForgedOrTamperedButtonId_awardsNothing() {
        AskResult.Asked asked = ask(QuizSession.start(), T0);
        AskedQuestion q = asked.question();
        String genuine = IDS.sign(CUSTOMER, q.questionId(), q.round(), q.correctOption());
        String forged = "q:" + q.questionId() + ":1:" + q.correctOption() + ":AAAAAAAA";

        assertThat(asked.session().answer(forged, CUSTOMER, IDS, T0.plusSeconds(5)).outcome())
                .isEqualTo(AnswerOutcome.NOT_OFFERED);
        assertThat(asked.session().answer(genuine, "33612345678", IDS, T0.plusSeconds(5)).outcome())
                .isEqualTo(AnswerOutcome.NOT_OFFERED);
        assertThat(asked.session().answer("cmd:POINTS", CUSTOMER, IDS, T0.plusSeconds(5)).points()).isZero();
        // The genuine tap is still taken afterwards.
        assertThat(asked.session().answer(genuine, CUSTOMER, IDS, T0.plusSeconds(6)).outcome())
                .isEqualTo(AnswerOutcome.CORRECT);
    }

    @Test
    void anOptionThatWasNotOffered_awardsNothing_evenWhenSignedForTheRightSending() {
        AskResult.Asked asked = ask(QuizSession.start(), T0);
        AskedQuestion q = asked.question();

        AnswerResult result = asked.session().answer(new OptionRef(q.questionId(), q.round(), "london"), T0.plusSeconds(5));

        assertThat(result.outcome()).isEqualTo(AnswerOutcome.NOT_OFFERED);
        assertThat(result.session()).isSameAs(asked.session());
    }

    @Test
    void askingAgainWhileAQuestionIsOpen_resendsIt_withoutUsingTheDailyLimit() {
        AskResult.Asked asked = ask(QuizSession.start(), T0);

        AskResult again = asked.session().ask(BANK, RULES, T0.plusSeconds(20), random);

        assertThat(again).isEqualTo(new AskResult.StillOpen(asked.session(), asked.question()));
        assertThat(asked.session().questionsLeftToday(RULES, T0)).isEqualTo(2);
    }

    @Test
    void theDailyLimit_stopsQuestionsUntilMidnightInTheCampaignsZone() {
        QuizSession session = QuizSession.start();
        Instant at = T0;
        for (int i = 0; i < 3; i++) {
            AskResult.Asked asked = ask(session, at);
            session = tap(asked.session(), asked.question(), asked.question().correctOption(), at.plusSeconds(5))
                    .session();
            at = at.plus(Duration.ofMinutes(1));
        }

        assertThat(session.ask(BANK, RULES, at, random))
                .isEqualTo(new AskResult.DailyLimitReached(session, Instant.parse("2026-03-04T23:00:00Z")));
        assertThat(session.ask(BANK, RULES, Instant.parse("2026-03-04T23:00:00Z"), random))
                .isInstanceOf(AskResult.Asked.class);
        assertThat(session.streak()).isEqualTo(3);
    }

    @Test
    void theLastTwoQuestions_areNotAskedAgain() {
        QuizSession session = QuizSession.start();
        QuizRules manyPerDay = new QuizRules(100, 2, Duration.ofMinutes(10), ZoneId.of("Europe/Paris"));
        List<String> asked = new java.util.ArrayList<>();
        Instant at = T0;
        for (int i = 0; i < 40; i++) {
            AskResult.Asked result = (AskResult.Asked) session.ask(BANK, manyPerDay, at, random);
            asked.add(result.question().questionId());
            session = tap(result.session(), result.question(), result.question().correctOption(), at).session();
            at = at.plusSeconds(60);
        }

        for (int i = 2; i < asked.size(); i++) {
            assertThat(asked.get(i)).as("question %d", i).isNotIn(asked.get(i - 1), asked.get(i - 2));
        }
        assertThat(asked).containsAll(BANK.questions().stream().map(Question::id).toList());
    }

    @Test
    void lettingAQuestionExpireUnanswered_endsTheStreak() {
        AskResult.Asked first = ask(QuizSession.start(), T0);
        QuizSession session = tap(first.session(), first.question(), first.question().correctOption(),
                T0.plusSeconds(5)).session();
        AskResult.Asked skipped = ask(session, T0.plusSeconds(60));

        AskResult.Asked next = ask(skipped.session(), T0.plus(Duration.ofMinutes(30)));

        assertThat(skipped.session().streak()).isEqualTo(1);
        assertThat(next.session().streak()).isZero();
        assertThat(next.session().bestStreak()).isEqualTo(1);
    }

    @Test
    void questionsChooseButtonsOrAList_byTheirNumberOfOptions() {
        assertThat(BANK.question("capital-fr").orElseThrow().format()).isEqualTo(Question.Format.BUTTONS);
        assertThat(BANK.question("capital-sa").orElseThrow().format()).isEqualTo(Question.Format.LIST);
    }

    @Test
    void aBadQuestion_reportsEveryProblem() {
        assertThat(Question.problems("q1", List.of("a", "a", "b:c"), "d", -1)).containsExactly(
                "options[1]: 'a' is offered twice", "options[2]: must be 1 to 40 letters, digits, '.', '_' or '-'",
                "correct: 'd' is not one of the options", "points: must be 0 to 1000000, was -1");
        assertThatThrownBy(() -> new Question("q1", List.of("a"), "a", 5))
                .hasMessageContaining("options: a question needs 2 to 10 options, has 1");
    }
}
