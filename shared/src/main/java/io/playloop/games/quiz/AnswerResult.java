package io.playloop.games.quiz;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one answer.
 *
 * @param outcome  how it was taken
 * @param session  the session to keep (unchanged unless CORRECT or WRONG)
 * @param points   the points earned (0 unless CORRECT): grant them under {@code question.awardEventId()}
 * @param question the question answered, for CORRECT and WRONG (to name the right answer in the reply)
 */
public record AnswerResult(AnswerOutcome outcome, QuizSession session, int points, Optional<AskedQuestion> question) {
    public AnswerResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(question, "question");
    }
}
