package io.playloop.store;

import io.playloop.games.leaderboard.Score;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.games.leaderboard.WeekKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item layout of a customer's weekly score ({@code pk=CUSTOMER#<key>, sk=LB#<campaign>#<week>}), the only
 * kind of item that sets {@code gsi1pk}/{@code gsi1sk} for leaderboards:
 * {@code gsi1pk = LB#<campaign>#<week>#<shard>}, {@code gsi1sk = <inverted score>#<epoch millis>#<customer>}
 * ({@link Score#sortKey()}), plus {@code score} (N), {@code reachedAt} (N, epoch millis) and a {@code ttl}
 * {@link #RETENTION} after the week ends, so old boards leave the table and the index by themselves.
 */
public final class LeaderboardItems {
    /** How long a closed week's board stays readable (results, disputes) before TTL removes it. */
    public static final Duration RETENTION = Duration.ofDays(35);
    static final String SCORE = "score";
    static final String REACHED_AT = "reachedAt";

    private LeaderboardItems() {
    }

    /** The whole item for {@code score}; {@code zone} is the campaign's (the week ends at its Sunday midnight). */
    public static Map<String, AttributeValue> item(ScoreItem score, ZoneId zone) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, StoreItems.s(score.pk()));
        item.put(Keys.SK, StoreItems.s(score.sk()));
        item.put(Keys.GSI1_PK, StoreItems.s(score.gsi1pk()));
        item.put(Keys.GSI1_SK, StoreItems.s(score.gsi1sk()));
        item.put(SCORE, StoreItems.n(score.score().points()));
        item.put(REACHED_AT, StoreItems.n(score.score().reachedAt().toEpochMilli()));
        Instant weekEnd = WeekKey.endOf(score.score().reachedAt(), zone);
        item.put(Keys.TTL, StoreItems.n(weekEnd.plus(RETENTION).getEpochSecond()));
        return item;
    }

    /** The score an index entry holds (from its {@code gsi1sk}, the one attribute every projection keeps). */
    public static Score score(Map<String, AttributeValue> item) {
        AttributeValue sortKey = item.get(Keys.GSI1_SK);
        if (sortKey == null || sortKey.s() == null) {
            throw new IllegalArgumentException("not a leaderboard item: no " + Keys.GSI1_SK);
        }
        return Score.fromSortKey(sortKey.s());
    }
}
