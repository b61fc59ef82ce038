package io.playloop.store;

import io.playloop.games.quiz.QuizSession;
import java.util.Objects;

/**
 * A new quiz session, written in the receipt's transaction if its stored version is still the one read.
 *
 * @param session         the session to store
 * @param expectedVersion the version read (0 = no quiz item yet)
 */
public record QuizWrite(QuizSession session, long expectedVersion) {
    public QuizWrite {
        Objects.requireNonNull(session, "session");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative");
        }
    }
}
