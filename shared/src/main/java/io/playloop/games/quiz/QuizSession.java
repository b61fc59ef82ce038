package io.playloop.games.quiz;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One customer's quiz: the question last sent, the questions recently asked, today's count, and the
 * score. Immutable: {@link #ask} and {@link #answer} return the session to keep.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>One question open at a time. Asking while it is open sends it again ({@link AskResult.StillOpen}).</li>
 *   <li>A new question is drawn uniformly from the bank, never one of the last
 *       {@link QuizRules#noRepeatLast()} asked, and at most {@link QuizRules#dailyLimit()} a day.</li>
 *   <li>One answer per question: the first answer counts; any later answer to it, an answer after
 *       {@code closesAt}, or a button from an earlier sending is {@link AnswerOutcome#CLOSED} and changes
 *       nothing. An option that was not offered is {@link AnswerOutcome#NOT_OFFERED} and awards nothing.</li>
 *   <li>The streak counts correct answers in a row. A wrong answer ends it, and so does letting a
 *       question expire unanswered (otherwise a hard question could be skipped by waiting); it is ended
 *       when the next question is asked.</li>
 * </ul>
 *
 * @param current        the question last sent, if any
 * @param recent         ids of the questions last asked, oldest first (at most the no-repeat window)
 * @param day            the campaign-local day {@code askedToday} counts, or null before the first question
 * @param askedToday     questions sent on {@code day}
 * @param rounds         questions ever sent to this customer (the last sending's round)
 * @param score          points earned from the quiz
 * @param correctAnswers questions answered correctly
 * @param answers        questions answered (correctly or not)
 * @param streak         correct answers in a row, now
 * @param bestStreak     the longest such run
 */
public record QuizSession(Optional<AskedQuestion> current, List<String> recent, LocalDate day, int askedToday,
                          long rounds, long score, int correctAnswers, int answers, int streak, int bestStreak) {

    public QuizSession {
        Objects.requireNonNull(current, "current");
        recent = List.copyOf(recent);
    }

    /** A customer who never played. */
    public static QuizSession start() {
        return new QuizSession(Optional.empty(), List.of(), null, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Sends the open question again, or draws a new one if today's limit allows.
     *
     * @param random the random source (seeded in tests)
     */
    public AskResult ask(QuestionBank bank, QuizRules rules, Instant now, RandomGenerator random) {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(now, "now");
        if (current.isPresent() && current.get().openAt(now)) {
            return new AskResult.StillOpen(this, current.get());
        }
        LocalDate today = now.atZone(rules.zone()).toLocalDate();
        int countToday = today.equals(day) ? askedToday : 0;
        if (countToday >= rules.dailyLimit()) {
            return new AskResult.DailyLimitReached(this,
                    today.plusDays(1).atStartOfDay(rules.zone()).toInstant());
        }
        int window = Math.min(rules.noRepeatLast(), bank.size() - 1);
        List<String> avoid = recent.subList(Math.max(0, recent.size() - window), recent.size());
        List<Question> candidates = bank.questions().stream().filter(q -> !avoid.contains(q.id())).toList();
        Question question = candidates.get(random.nextInt(candidates.size()));

        long round = rounds + 1;
        AskedQuestion asked = new AskedQuestion(question.id(), round, question.options(), question.correctOption(),
                question.points(), now, now.plus(rules.answerWindow()), Optional.empty());
        List<String> newRecent = new ArrayList<>(recent);
        newRecent.add(question.id());
        int keep = Math.max(rules.noRepeatLast(), 0);
        newRecent = newRecent.subList(Math.max(0, newRecent.size() - keep), newRecent.size());
        boolean missedLast = current.isPresent() && current.get().answeredWith().isEmpty();
        QuizSession next = new QuizSession(Optional.of(asked), newRecent, today, countToday + 1, round, score,
                correctAnswers, answers, missedLast ? 0 : streak, bestStreak);
        return new AskResult.Asked(next, asked);
    }

    /** Takes an answer from a verified option id (see {@link OptionIds#verify}). */
    public AnswerResult answer(OptionRef tapped, Instant now) {
        Objects.requireNonNull(tapped, "tapped");
        Objects.requireNonNull(now, "now");
        if (current.isEmpty() || tapped.round() > current.get().round()) {
            return unchanged(AnswerOutcome.NOT_OFFERED);
        }
        AskedQuestion question = current.get();
        if (tapped.round() < question.round()) {
            return unchanged(AnswerOutcome.CLOSED);
        }
        if (!tapped.questionId().equals(question.questionId())) {
            return unchanged(AnswerOutcome.NOT_OFFERED);
        }
        if (!question.openAt(now)) {
            return unchanged(AnswerOutcome.CLOSED);
        }
        if (!question.options().contains(tapped.option())) {
            return unchanged(AnswerOutcome.NOT_OFFERED);
        }
        AskedQuestion answered = question.answered(tapped.option());
        if (tapped.option().equals(question.correctOption())) {
            int newStreak = streak + 1;
            QuizSession next = new QuizSession(Optional.of(answered), recent, day, askedToday, rounds,
                    score + question.points(), correctAnswers + 1, answers + 1, newStreak,
                    Math.max(bestStreak, newStreak));
            return new AnswerResult(AnswerOutcome.CORRECT, next, question.points(), Optional.of(answered));
        }
        QuizSession next = new QuizSession(Optional.of(answered), recent, day, askedToday, rounds, score,
                correctAnswers, answers + 1, 0, bestStreak);
        return new AnswerResult(AnswerOutcome.WRONG, next, 0, Optional.of(answered));
    }

    /**
     * Takes an answer from a tapped button or row id as it came from WhatsApp: an id that does not verify
     * for this customer is {@link AnswerOutcome#NOT_OFFERED}.
     */
    public AnswerResult answer(String tappedId, String customerKey, OptionIds ids, Instant now) {
        Optional<OptionRef> tapped = ids.verify(customerKey, tappedId);
        return tapped.isPresent() ? answer(tapped.get(), now) : unchanged(AnswerOutcome.NOT_OFFERED);
    }

    /** Questions the customer may still be asked today. */
    public int questionsLeftToday(QuizRules rules, Instant now) {
        LocalDate today = now.atZone(rules.zone()).toLocalDate();
        return rules.dailyLimit() - (today.equals(day) ? askedToday : 0);
    }

    private AnswerResult unchanged(AnswerOutcome outcome) {
        return new AnswerResult(outcome, this, 0, Optional.empty());
    }
}
