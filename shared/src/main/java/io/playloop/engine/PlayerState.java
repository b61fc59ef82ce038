package io.playloop.engine;

import io.playloop.games.quiz.QuizSession;
import io.playloop.ledger.PointsAccount;
import java.util.Objects;

/**
 * A customer's game state besides the profile, as read before a message.
 *
 * @param points the points account
 * @param quiz   the quiz session
 */
public record PlayerState(PointsAccount points, QuizSession quiz) {
    /** A customer who has neither points nor a quiz yet. */
    public static final PlayerState NEW = new PlayerState(PointsAccount.empty(), QuizSession.start());

    public PlayerState {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(quiz, "quiz");
    }
}
