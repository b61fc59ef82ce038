package io.playloop.store;

import io.playloop.games.leaderboard.LeaderboardReader;
import io.playloop.games.leaderboard.Score;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.games.leaderboard.Shards;
import io.playloop.games.leaderboard.Standings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reads weekly leaderboards from the sparse {@code gsi1} index with a few small Queries, only when a
 * customer asks for them (TOP).
 *
 * <p>Why there is no hot item: every message writes only the sending customer's own score item
 * ({@code pk=CUSTOMER#<key>, sk=LB#<campaign>#<week>}, see {@link LeaderboardItems}), in the customer's own
 * partition and in the step's transaction; nothing shared (no counter, no "board" item) is written by every
 * message. The index copies each score item into one of K partitions ({@code gsi1pk = LB#<campaign>#<week>#<shard>},
 * shard = a stable hash of the customer key, {@link Shards}), so index writes spread over K partition keys. The
 * board is assembled only at read time: {@link #top} is K Queries of at most {@code n} entries each (one per
 * shard) merged by {@link Standings#top}; {@link #aboveInShard} is one COUNT Query on the asking customer's
 * own shard. No Scan.
 *
 * <p>Every call asks for {@link ReturnConsumedCapacity#TOTAL} and records it in the {@link CapacityMeter}, one
 * request per Query page. Calls are bounded in time by the {@link DynamoDbClient}'s own timeouts (API call and
 * attempt timeouts set where the client is built); this class adds none.
 *
 * <p>Reads are eventually consistent (a GSI has no consistent reads): a score written a moment ago may be
 * missing from the top, or counted with its previous value, for a short while.
 *
 * <p>Measured ({@code LeaderboardBenchmark}, 10,000 players, K = 8, entries of ~154 bytes): a top 10 is 8 Queries
 * and 4 RRU (0.5 per shard); a rank estimate is one COUNT Query of 12 RRU on average, 25 for the last player of a
 * shard, since it reads every better entry in the shard (about {@code players / K × 154 bytes / 4 KB × 0.5} RRU at
 * worst: it grows with the board, the top does not). The shards run one after another by default; on an executor
 * the benchmark saw no clear gain in process (2.7 vs 2.4 ms median), where network round trips are absent.
 */
public final class DynamoLeaderboardReader implements LeaderboardReader {
    /** The most ranks {@link #top} returns. */
    public static final int MAX_TOP = 100;

    private static final String PARTITION = ":partition";
    private static final String BELOW = ":mine";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final CapacityMeter meter;
    private final Optional<Executor> shardQueries;

    /** A reader that queries the shards one after another (the default: no threads of its own). */
    public DynamoLeaderboardReader(DynamoDbClient dynamo, String tableName, CapacityMeter meter) {
        this(dynamo, tableName, meter, Optional.empty());
    }

    /**
     * A reader that runs the K shard Queries of {@link #top} on {@code shardQueries} (the sync client is
     * thread-safe). The caller owns the executor and shuts it down; this class starts no thread of its own.
     */
    public DynamoLeaderboardReader(DynamoDbClient dynamo, String tableName, CapacityMeter meter, Executor shardQueries) {
        this(dynamo, tableName, meter, Optional.of(Objects.requireNonNull(shardQueries, "shardQueries")));
    }

    private DynamoLeaderboardReader(DynamoDbClient dynamo, String tableName, CapacityMeter meter,
                                    Optional<Executor> shardQueries) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.meter = Objects.requireNonNull(meter, "meter");
        this.shardQueries = shardQueries;
    }

    /**
     * {@inheritDoc}
     *
     * <p>K Queries on {@code gsi1}, {@code gsi1pk = LB#<campaign>#<week>#<s>}, ascending, {@code Limit n},
     * projecting only {@code gsi1sk} (the score, its time and the customer are all in it). Ties go to who
     * reached the score first, because the sort key holds that time right after the inverted score.
     *
     * @throws IllegalArgumentException when {@code n} is not 1 to {@value #MAX_TOP}, {@code shards} is not 1 to
     *                                  {@link Shards#MAX}, or the campaign or week is blank
     */
    @Override
    public List<Score> top(String campaignId, String week, int n, int shards) {
        LeaderboardReader.requireBoard(campaignId, week, shards);
        if (n < 1 || n > MAX_TOP) {
            throw new IllegalArgumentException("n: must be 1 to " + MAX_TOP + ", was " + n);
        }
        List<List<Score>> shardTops = new ArrayList<>(shards);
        if (shardQueries.isEmpty()) {
            for (int s = 0; s < shards; s++) {
                shardTops.add(shardTop(campaignId, week, s, n));
            }
        } else {
            List<CompletableFuture<List<Score>>> pending = new ArrayList<>(shards);
            for (int s = 0; s < shards; s++) {
                int shard = s;
                pending.add(CompletableFuture.supplyAsync(() -> shardTop(campaignId, week, shard, n), shardQueries.get()));
            }
            for (CompletableFuture<List<Score>> shardTop : pending) {
                try {
                    shardTops.add(shardTop.join());
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
        }
        return Standings.top(shardTops, n);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code Select.COUNT} Query on {@code me}'s shard with {@code gsi1sk < me.sortKey()}, following
     * {@code LastEvaluatedKey}: DynamoDB counts at most 1 MB of index entries per page, and bills the entries it
     * reads (not the count it returns), so this costs about half a read unit per 4 KB of better scores in the
     * shard.
     *
     * @throws IllegalArgumentException when {@code shards} is not 1 to {@link Shards#MAX}, or the campaign or week
     *                                  is blank
     */
    @Override
    public long aboveInShard(String campaignId, String week, Score me, int shards) {
        LeaderboardReader.requireBoard(campaignId, week, shards);
        Objects.requireNonNull(me, "me");
        String partition = ScoreItem.shardPartition(campaignId, week, Shards.of(me.customer(), shards));
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(Keys.GSI1)
                    .keyConditionExpression("#pk = " + PARTITION + " AND #sk < " + BELOW)
                    .expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK, "#sk", Keys.GSI1_SK))
                    .expressionAttributeValues(Map.of(PARTITION, StoreItems.s(partition), BELOW, StoreItems.s(me.sortKey())))
                    .select(Select.COUNT)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = query(request.build());
            count += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /**
     * Every shard's first {@code perShard} scores merged in board order (K Queries): what the scheduler publishes
     * the week's standings from ({@link DynamoStandings#publish}).
     */
    public List<Score> ranked(String campaignId, String week, int perShard, int shards) {
        LeaderboardReader.requireBoard(campaignId, week, shards);
        if (perShard < 1 || perShard > 1000) {
            throw new IllegalArgumentException("perShard: must be 1 to 1000, was " + perShard);
        }
        List<Score> all = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            all.addAll(shardTop(campaignId, week, s, perShard));
        }
        return all.stream().distinct().sorted(Score.BOARD_ORDER).toList();
    }

    private List<Score> shardTop(String campaignId, String week, int shard, int n) {
        QueryResponse response = query(QueryRequest.builder()
                .tableName(tableName)
                .indexName(Keys.GSI1)
                .keyConditionExpression("#pk = " + PARTITION)
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK, "#sk", Keys.GSI1_SK))
                .expressionAttributeValues(Map.of(PARTITION,
                        StoreItems.s(ScoreItem.shardPartition(campaignId, week, shard))))
                // The index projects ALL, but the sort key alone is the score; less data on the wire (the
                // read units are the same: DynamoDB bills the entries it reads).
                .projectionExpression("#sk")
                .scanIndexForward(true)
                .limit(n)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build());
        return response.items().stream().map(LeaderboardItems::score).toList();
    }

    private QueryResponse query(QueryRequest request) {
        QueryResponse response;
        try {
            response = dynamo.query(request);
        } catch (RuntimeException e) {
            meter.recordRead((ConsumedCapacity) null);
            throw e;
        }
        meter.recordRead(response.consumedCapacity());
        return response;
    }
}
