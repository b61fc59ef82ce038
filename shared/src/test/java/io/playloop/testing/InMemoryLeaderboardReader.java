package io.playloop.testing;

import io.playloop.games.leaderboard.Score;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.games.leaderboard.Shards;
import io.playloop.games.leaderboard.Standings;
import io.playloop.store.Keys;
import io.playloop.store.LeaderboardItems;
import io.playloop.games.leaderboard.LeaderboardReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link LeaderboardReader} over score items held in memory, with the semantics of
 * {@code DynamoLeaderboardReader}: one entry per customer item ({@code pk, sk}), a later put replacing the
 * earlier one, read per shard partition ({@code gsi1pk}) in sort-key order; the same argument checks. Feed it
 * {@link ScoreItem}s or the item maps {@link LeaderboardItems#item} builds (what the game's transaction puts).
 * Immediately consistent, unlike the real index. Thread-safe.
 */
public final class InMemoryLeaderboardReader implements LeaderboardReader {
    private final Map<String, Entry> byItemKey = new HashMap<>();

    private record Entry(String gsi1pk, Score score) {
    }

    /** Stores (or replaces) a customer's score item. */
    public synchronized InMemoryLeaderboardReader put(ScoreItem item) {
        byItemKey.put(item.pk() + "\u0000" + item.sk(), new Entry(item.gsi1pk(), item.score()));
        return this;
    }

    /** Stores (or replaces) an item as the table would hold it; an item without {@code gsi1pk} is not indexed. */
    public synchronized InMemoryLeaderboardReader put(Map<String, AttributeValue> item) {
        String key = item.get(Keys.PK).s() + "\u0000" + item.get(Keys.SK).s();
        AttributeValue gsi1pk = item.get(Keys.GSI1_PK);
        if (gsi1pk == null || gsi1pk.s() == null) {
            byItemKey.remove(key);
        } else {
            byItemKey.put(key, new Entry(gsi1pk.s(), LeaderboardItems.score(item)));
        }
        return this;
    }

    @Override
    public synchronized List<Score> top(String campaignId, String week, int n, int shards) {
        LeaderboardReader.requireBoard(campaignId, week, shards);
        if (n < 1 || n > 100) {
            throw new IllegalArgumentException("n: must be 1 to 100, was " + n);
        }
        List<List<Score>> shardTops = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            shardTops.add(shard(campaignId, week, s).stream().limit(n).toList());
        }
        return Standings.top(shardTops, n);
    }

    @Override
    public synchronized long aboveInShard(String campaignId, String week, Score me, int shards) {
        LeaderboardReader.requireBoard(campaignId, week, shards);
        Objects.requireNonNull(me, "me");
        String mine = me.sortKey();
        return shard(campaignId, week, Shards.of(me.customer(), shards)).stream()
                .filter(s -> s.sortKey().compareTo(mine) < 0).count();
    }

    private List<Score> shard(String campaignId, String week, int shard) {
        String partition = ScoreItem.shardPartition(campaignId, week, shard);
        return byItemKey.values().stream().filter(e -> e.gsi1pk().equals(partition)).map(Entry::score)
                .sorted(Score.BOARD_ORDER).toList();
    }
}
