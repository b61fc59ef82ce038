package io.playloop.engine;

import io.playloop.games.leaderboard.Board;
import io.playloop.games.quiz.QuizSession;
import io.playloop.ledger.PointsAccount;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A customer's game state besides the profile, and what else the step needs, all read before a message: the
 * engine reads no table itself.
 *
 * @param points          the points account
 * @param quiz            the quiz session
 * @param spin            the wheel: last spin and pending rewards
 * @param exhaustedPrizes prizes the table refused for lack of budget on an earlier try of this message
 * @param progress        counters, streak, badges, tier, referrals, weekly score
 * @param codeHolder      who holds the referral code this message carries, if it carries a known one
 * @param codeAttempt     which referral code to offer this customer if they have none yet (0, then 1, 2… when
 *                        the table said an earlier one is another customer's)
 * @param board           the week's board, loaded only when the message asks TOP (else an empty one)
 * @param slices          SPI mechanics' slices read for this message, by sort key (absent: none read or none stored)
 */
public record PlayerState(PointsAccount points, QuizSession quiz, SpinHistory spin, Set<String> exhaustedPrizes,
                          Progress progress, Optional<CodeHolder> codeHolder, int codeAttempt,
                          Board board, java.util.Map<String, io.playloop.mechanic.StoredSlice> slices) {
    /** A state without SPI mechanics' slices. */
    public PlayerState(PointsAccount points, QuizSession quiz, SpinHistory spin, Set<String> exhaustedPrizes,
                       Progress progress, Optional<CodeHolder> codeHolder, int codeAttempt, Board board) {
        this(points, quiz, spin, exhaustedPrizes, progress, codeHolder, codeAttempt, board, java.util.Map.of());
    }

    /** A customer who has neither points nor a quiz yet. */
    public static final PlayerState NEW = new PlayerState(PointsAccount.empty(), QuizSession.start());

    public PlayerState {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(quiz, "quiz");
        Objects.requireNonNull(spin, "spin");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(codeHolder, "codeHolder");
        Objects.requireNonNull(board, "board");
        exhaustedPrizes = Set.copyOf(exhaustedPrizes);
        slices = java.util.Map.copyOf(slices);
        if (codeAttempt < 0) {
            throw new IllegalArgumentException("codeAttempt must not be negative");
        }
    }

    /** A customer with no progress yet. */
    public PlayerState(PointsAccount points, QuizSession quiz, SpinHistory spin, Set<String> exhaustedPrizes) {
        this(points, quiz, spin, exhaustedPrizes, Progress.NONE, Optional.empty(), 0, Board.empty(""));
    }

    /** A customer who never spun. */
    public PlayerState(PointsAccount points, QuizSession quiz) {
        this(points, quiz, SpinHistory.NONE, Set.of());
    }
}
