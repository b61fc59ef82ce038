package io.playloop.store;

import io.playloop.games.leaderboard.Board;
import io.playloop.games.leaderboard.BoardSource;
import io.playloop.games.leaderboard.Score;
import io.playloop.games.leaderboard.Shards;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The weekly standings over the table: the scheduler {@link #publish}es them every run from the shards of
 * {@code gsi1}; TOP reads the one item ({@link #board}, eventually consistent, 0.5 RRU), so a board shown to a
 * customer may lag one scheduler period. Before the first publication of a week (a fresh deploy, the first minutes
 * of a week) TOP reads the shards instead, as {@link BoardSource#fromShards} does.
 */
public final class DynamoStandings implements BoardSource {
    /** Scores read per shard when publishing: enough for the deepest mark when customers spread evenly. */
    static final int PER_SHARD = Math.max(DynamoLeaderboardReader.MAX_TOP,
            Board.MARK_RANKS.get(Board.MARK_RANKS.size() - 1) / Shards.BOARD);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final CapacityMeter meter;
    private final DynamoLeaderboardReader shards;

    public DynamoStandings(DynamoDbClient dynamo, String tableName, CapacityMeter meter) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.meter = Objects.requireNonNull(meter, "meter");
        this.shards = new DynamoLeaderboardReader(dynamo, tableName, meter);
    }

    /** {@inheritDoc} One eventually consistent GetItem; the shards only when the week has no standings yet. */
    @Override
    public Board board(String campaignId, String week, int n, Optional<Score> me) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(tableName).key(Keys.standings(campaignId, week))
                .consistentRead(false).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.recordRead(response.consumedCapacity());
        if (response.hasItem() && !response.item().isEmpty()) {
            return StandingsItems.board(week, response.item(), me).limit(n);
        }
        return BoardSource.fromShards(shards, Shards.BOARD).board(campaignId, week, n, me);
    }

    /**
     * Writes the week's standings: {@value Shards#BOARD} Queries of up to {@link #PER_SHARD} scores, merged; the
     * first {@code n} are the top, the scores at {@link Board#MARK_RANKS} the marks (deeper ones estimated from the
     * shards' own tops, which is what "around #N" promises).
     */
    public Board publish(String campaignId, String week, int n, Instant at) {
        List<Score> ranked = shards.ranked(campaignId, week, PER_SHARD, Shards.BOARD);
        Board board = Board.of(week, ranked, n);
        meter.recordWrite(dynamo.putItem(b -> b.tableName(tableName).item(StandingsItems.item(campaignId, board, at))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
        return board;
    }
}
