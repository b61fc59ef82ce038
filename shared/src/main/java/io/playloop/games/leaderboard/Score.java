package io.playloop.games.leaderboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One customer's score on a weekly board.
 *
 * @param customer  the customer key
 * @param points    points earned in the week, at least 0
 * @param reachedAt when the customer reached this score (an earlier time wins a tie)
 */
public record Score(String customer, long points, Instant reachedAt) {
    /** Board order: more points first, then who reached the score first, then the customer key (any fixed order). */
    public static final Comparator<Score> BOARD_ORDER = Comparator.comparing(Score::sortKey);

    /** The latest time a sort key can hold (epoch millis fit 15 digits until the year 33658). */
    private static final long MAX_MILLIS = 999_999_999_999_999L;

    public Score {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(reachedAt, "reachedAt");
        if (points < 0) {
            throw new IllegalArgumentException("points: must be >= 0, was " + points);
        }
        if (reachedAt.toEpochMilli() < 0 || reachedAt.toEpochMilli() > MAX_MILLIS) {
            throw new IllegalArgumentException("reachedAt: out of range, was " + reachedAt);
        }
    }

    /**
     * The {@code gsi1sk} value: {@code <Long.MAX_VALUE - points, 19 digits>#<epoch millis, 15 digits>#<customer>}.
     * Ascending string order is board order: fixed widths make string order numeric order, the inverted score
     * puts the highest first.
     */
    public String sortKey() {
        return String.format("%019d#%015d#%s", Long.MAX_VALUE - points, reachedAt.toEpochMilli(), customer);
    }

    /** The score read back from a {@code gsi1sk}. */
    public static Score fromSortKey(String sortKey) {
        String[] parts = sortKey.split("#", 3);
        if (parts.length != 3 || parts[0].length() != 19 || parts[1].length() != 15) {
            throw new IllegalArgumentException("not a leaderboard sort key: " + sortKey);
        }
        return new Score(parts[2], Long.MAX_VALUE - Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])));
    }
}
