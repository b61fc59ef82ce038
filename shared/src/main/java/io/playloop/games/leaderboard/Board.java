package io.playloop.games.leaderboard;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A weekly board as loaded before a TOP step, so the engine reads no table: the top, best first, and the score
 * found at a few deeper ranks ({@link Mark}), from which "around #N" is told for a customer outside the top
 * ({@link Standings#rank(Board, java.util.Optional)}).
 *
 * @param week  the week key it is the board of, e.g. {@code 2026-W48}
 * @param top   the week's top, best first
 * @param marks scores at deeper ranks, by rank; empty when nothing is known below the top
 */
public record Board(String week, List<Score> top, List<Mark> marks) {
    /** The ranks whose score the scheduler's standings keep, for "around #N" outside the top. */
    public static final List<Integer> MARK_RANKS = List.of(10, 20, 50, 100, 200, 500, 1000);

    public Board {
        Objects.requireNonNull(week, "week");
        top = List.copyOf(top);
        marks = marks.stream().sorted(Comparator.comparingLong(Mark::rank)).toList();
    }

    /** A board with nobody on it yet. */
    public static Board empty(String week) {
        return new Board(week, List.of(), List.of());
    }

    /**
     * The board of a week's scores merged in board order (the first {@code n} make the top; {@link #MARK_RANKS}
     * within reach give the marks).
     */
    public static Board of(String week, List<Score> ranked, int n) {
        List<Mark> marks = MARK_RANKS.stream().filter(r -> r <= ranked.size())
                .map(r -> new Mark(r, ranked.get(r - 1))).toList();
        return new Board(week, ranked.subList(0, Math.min(n, ranked.size())), marks);
    }

    /** The first {@code n} of the top (a campaign may show fewer ranks than were stored). */
    public Board limit(int n) {
        return top.size() <= n ? this : new Board(week, top.subList(0, n), marks);
    }

    /**
     * The score at one rank of the board.
     *
     * @param rank  1 for first
     * @param score who held that rank and with what
     */
    public record Mark(long rank, Score score) {
        public Mark {
            Objects.requireNonNull(score, "score");
            if (rank < 1) {
                throw new IllegalArgumentException("rank: must be >= 1, was " + rank);
            }
        }
    }
}
