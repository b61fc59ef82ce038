package io.playloop.engine;

import io.playloop.games.quiz.QuizSession;
import io.playloop.ledger.PointsAccount;
import java.util.Objects;
import java.util.Set;

/**
 * A customer's game state besides the profile, as read before a message.
 *
 * @param points the points account
 * @param quiz   the quiz session
 * @param spin   the wheel: last spin and pending rewards
 * @param exhaustedPrizes prizes the table refused for lack of budget on an earlier try of this message
 */
public record PlayerState(PointsAccount points, QuizSession quiz, SpinHistory spin, Set<String> exhaustedPrizes) {
    /** A customer who has neither points nor a quiz yet. */
    public static final PlayerState NEW = new PlayerState(PointsAccount.empty(), QuizSession.start());

    public PlayerState {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(quiz, "quiz");
        Objects.requireNonNull(spin, "spin");
        exhaustedPrizes = Set.copyOf(exhaustedPrizes);
    }

    /** A customer who never spun. */
    public PlayerState(PointsAccount points, QuizSession quiz) {
        this(points, quiz, SpinHistory.NONE, Set.of());
    }
}
