package io.playloop.games.leaderboard;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The values of a customer's weekly score item (see the package for the shapes).
 *
 * @param pk     {@code CUSTOMER#<customer>}
 * @param sk     {@code LB#<campaign>#<week>}
 * @param gsi1pk {@code LB#<campaign>#<week>#<shard>}
 * @param score  the score, whose {@link Score#sortKey()} is {@code gsi1sk}
 * @param week   the week key
 */
public record ScoreItem(String pk, String sk, String gsi1pk, Score score, String week) {
    public ScoreItem {
        Objects.requireNonNull(pk, "pk");
        Objects.requireNonNull(sk, "sk");
        Objects.requireNonNull(gsi1pk, "gsi1pk");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(week, "week");
    }

    /** The index partition of one shard of a week's board: {@code LB#<campaign>#<week>#<shard>}. */
    public static String shardPartition(String campaign, String week, int shard) {
        return boardPrefix(campaign, week) + "#" + shard;
    }

    /** The customer-side sort key of a week's score, {@code LB#<campaign>#<week>}. */
    public static String boardPrefix(String campaign, String week) {
        return "LB#" + Objects.requireNonNull(campaign, "campaign") + "#" + Objects.requireNonNull(week, "week");
    }

    /**
     * The item after the customer earned {@code earned} points at {@code at}: added to this week's score (a score
     * from an earlier week starts over), with {@code reachedAt = at}. Nothing earned keeps the item as it is, so
     * a message that earns nothing never moves the customer behind someone who tied later.
     *
     * @param current the item the customer's snapshot holds for this campaign, if any
     */
    public static Optional<ScoreItem> after(Optional<ScoreItem> current, String campaign, String customer, long earned,
                                            Instant at, ZoneId zone, int shards) {
        if (earned <= 0) {
            return current;
        }
        String week = WeekKey.of(at, zone);
        long before = current.filter(c -> c.week().equals(week)).map(c -> c.score().points()).orElse(0L);
        Score score = new Score(customer, Math.addExact(before, earned), at);
        return Optional.of(new ScoreItem("CUSTOMER#" + customer, boardPrefix(campaign, week),
                shardPartition(campaign, week, Shards.of(customer, shards)), score, week));
    }

    /** The {@code gsi1sk} value. */
    public String gsi1sk() {
        return score.sortKey();
    }
}
