package io.playloop.games.leaderboard;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Merging the shards of a weekly board into its top, and a customer's rank. */
public final class Standings {
    private Standings() {
    }

    /**
     * The board's top {@code n} from each shard's top {@code n} (each shard's Query result, in any order): the
     * overall top {@code n} is always among them, since a score beaten by {@code n} others in its own shard is
     * beaten by at least as many overall.
     */
    public static List<Score> top(Collection<? extends Collection<Score>> shardTops, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: must be >= 1, was " + n);
        }
        return shardTops.stream().flatMap(Collection::stream).distinct().sorted(Score.BOARD_ORDER).limit(n).toList();
    }

    /**
     * The rank of {@code me} (the customer's own score item, empty if they have not scored this week).
     *
     * <ul>
     *   <li>In {@code top} (matched by customer key): exact.</li>
     *   <li>Otherwise: about {@code aboveInMyShard × shards + 1}, where {@code aboveInMyShard} is how many scores
     *       in the customer's own shard sort before theirs (one COUNT Query on one shard). Customers are spread
     *       evenly over shards by the hash, so each shard holds about as many better scores as the customer's.
     *       The estimate is never shown inside the top (at least {@code top.size() + 1}): the top is exact.</li>
     * </ul>
     */
    public static Rank rank(List<Score> top, Optional<Score> me, long aboveInMyShard, int shards) {
        Objects.requireNonNull(top, "top");
        Shards.require(shards);
        if (me.isEmpty()) {
            return new Rank.Unranked();
        }
        // By customer, not by score: the index is eventually consistent, so the top may still show the
        // customer's previous score while their own item already holds the new one.
        for (int i = 0; i < top.size(); i++) {
            if (top.get(i).customer().equals(me.get().customer())) {
                return new Rank.Exact(i + 1);
            }
        }
        if (aboveInMyShard < 0) {
            throw new IllegalArgumentException("aboveInMyShard: must be >= 0, was " + aboveInMyShard);
        }
        return new Rank.About(Math.max(top.size() + 1L, aboveInMyShard * shards + 1));
    }

    /**
     * The rank of {@code me} on a loaded {@link Board}: exact in its top (matched by customer key), otherwise
     * "about": between the deepest mark whose score sorts before theirs and the next mark, as far down as their
     * points lie between those two marks' (one past the deepest mark when no mark is below them; the mark's own rank
     * when the mark is them), never inside the top. Unranked without a score this week.
     */
    public static Rank rank(Board board, Optional<Score> me) {
        Objects.requireNonNull(board, "board");
        if (me.isEmpty()) {
            return new Rank.Unranked();
        }
        List<Score> top = board.top();
        for (int i = 0; i < top.size(); i++) {
            if (top.get(i).customer().equals(me.get().customer())) {
                return new Rank.Exact(i + 1);
            }
        }
        long place = top.size() + 1L;
        Board.Mark above = null;
        Board.Mark below = null;
        for (Board.Mark mark : board.marks()) {
            if (mark.score().customer().equals(me.get().customer())) {
                return new Rank.About(Math.max(place, mark.rank()));
            } else if (Score.BOARD_ORDER.compare(mark.score(), me.get()) < 0) {
                above = mark;
            } else if (below == null) {
                below = mark;
            }
        }
        if (above == null) {
            return new Rank.About(place);
        }
        long estimate = above.rank() + 1;
        long gap = above.score().points() - below(below).orElse(me.get().points());
        if (below != null && gap > 0) {
            // Between two marks: as far down as the customer's points are between theirs.
            estimate = above.rank() + Math.max(1, Math.round((double) (below.rank() - above.rank())
                    * (above.score().points() - me.get().points()) / gap));
            estimate = Math.min(estimate, below.rank());
        }
        return new Rank.About(Math.max(place, estimate));
    }

    private static Optional<Long> below(Board.Mark mark) {
        return mark == null ? Optional.empty() : Optional.of(mark.score().points());
    }
}
