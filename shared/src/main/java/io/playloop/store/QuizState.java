package io.playloop.store;

import io.playloop.games.quiz.QuizSession;
import java.util.Objects;

/**
 * A customer's quiz session as read from the table, with the version its conditional write checks.
 *
 * @param session the session
 * @param version the stored version; 0 when the customer never played the quiz
 */
public record QuizState(QuizSession session, long version) {
    /** Never played. */
    public static final QuizState NONE = new QuizState(QuizSession.start(), 0);

    public QuizState {
        Objects.requireNonNull(session, "session");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }
}
