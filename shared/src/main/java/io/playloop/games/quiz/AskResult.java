package io.playloop.games.quiz;

import java.time.Instant;

/** What {@link QuizSession#ask} did. */
public sealed interface AskResult {

    /** The session to keep. */
    QuizSession session();

    /** A new question to send. */
    record Asked(QuizSession session, AskedQuestion question) implements AskResult {
    }

    /**
     * The last question is still open (QUIZ typed twice, a double tap on the menu): send it again, with
     * the same ids; it does not count against the daily limit.
     */
    record StillOpen(QuizSession session, AskedQuestion question) implements AskResult {
    }

    /** Today's questions are used up; the next comes at {@code nextAt}, the campaign's next midnight. */
    record DailyLimitReached(QuizSession session, Instant nextAt) implements AskResult {
    }
}
