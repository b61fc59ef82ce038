package io.playloop.games.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

// Property tier: however a customer taps (right, wrong, twice, late, old buttons, forged ids), each
// question pays at most once, the score is what was paid, and the limits hold.
class QuizSessionProperties {

    enum Move { ASK, RIGHT, WRONG, TAP_AGAIN, OLD_BUTTON, FORGED }

    record Step(Move move, int minutesLater) {
    }

    @Property(tries = 300)
    void eachQuestionPaysAtMostOnce_andTheLimitsHold(@ForAll("plays") List<Step> play, @ForAll long seed) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        QuizRules rules = QuizSessionTest.RULES;
        QuizSession session = QuizSession.start();
        Instant now = QuizSessionTest.T0;
        List<AskedQuestion> sent = new ArrayList<>();
        Set<String> paid = new HashSet<>();
        Map<LocalDate, Integer> askedPerDay = new HashMap<>();
        long paidPoints = 0;
        String lastTap = null;
        for (Step step : play) {
            now = now.plus(Duration.ofMinutes(step.minutesLater()));
            QuizSession before = session;
            if (step.move() == Move.ASK) {
                AskResult result = session.ask(QuizSessionTest.BANK, rules, now, random);
                session = result.session();
                if (result instanceof AskResult.Asked asked) {
                    List<String> window = before.recent().subList(
                            Math.max(0, before.recent().size() - Math.min(rules.noRepeatLast(), 3)),
                            before.recent().size());
                    assertThat(asked.question().questionId()).isNotIn(window);
                    sent.add(asked.question());
                    askedPerDay.merge(now.atZone(rules.zone()).toLocalDate(), 1, Integer::sum);
                }
                continue;
            }
            Optional<AskedQuestion> current = session.current();
            String tapped;
            if (step.move() == Move.FORGED) {
                tapped = "q:capital-fr:1:paris:AAAAAAAA";
            } else if (step.move() == Move.TAP_AGAIN) {
                if (lastTap == null) {
                    continue;
                }
                tapped = lastTap;
            } else if (step.move() == Move.OLD_BUTTON) {
                if (sent.isEmpty()) {
                    continue;
                }
                AskedQuestion old = sent.get(Math.floorMod(step.minutesLater(), sent.size()));
                tapped = signed(old, old.correctOption());
            } else {
                if (current.isEmpty()) {
                    continue;
                }
                AskedQuestion q = current.get();
                String option = step.move() == Move.RIGHT ? q.correctOption()
                        : q.options().stream().filter(o -> !o.equals(q.correctOption())).findFirst().orElseThrow();
                tapped = signed(q, option);
            }
            lastTap = tapped;
            AnswerResult result = session.answer(tapped, QuizSessionTest.CUSTOMER, QuizSessionTest.IDS, now);
            session = result.session();
            if (result.points() > 0) {
                assertThat(paid.add(result.question().orElseThrow().awardEventId())).as("paid twice").isTrue();
                paidPoints += result.points();
            }
            if (result.outcome() == AnswerOutcome.CLOSED || result.outcome() == AnswerOutcome.NOT_OFFERED) {
                assertThat(session).isSameAs(before);
            }
            if (step.move() == Move.FORGED) {
                assertThat(result.outcome()).isEqualTo(AnswerOutcome.NOT_OFFERED);
            }
        }
        assertThat(session.score()).isEqualTo(paidPoints);
        assertThat(session.correctAnswers()).isEqualTo(paid.size());
        assertThat(session.answers()).isGreaterThanOrEqualTo(session.correctAnswers());
        assertThat(session.streak()).isLessThanOrEqualTo(session.bestStreak())
                .isLessThanOrEqualTo(session.correctAnswers());
        assertThat(askedPerDay.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(rules.dailyLimit()));
    }

    private static String signed(AskedQuestion q, String option) {
        return QuizSessionTest.IDS.sign(QuizSessionTest.CUSTOMER, q.questionId(), q.round(), option);
    }

    @Provide
    Arbitrary<List<Step>> plays() {
        Arbitrary<Move> move = Arbitraries.of(Move.class);
        Arbitrary<Integer> minutes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 3)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(4, 30)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(60, 1500)));
        return Combinators.combine(move, minutes).as(Step::new).list().ofMinSize(5).ofMaxSize(50);
    }
}
