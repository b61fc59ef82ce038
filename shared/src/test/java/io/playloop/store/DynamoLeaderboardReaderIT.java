package io.playloop.store;

import io.playloop.games.leaderboard.LeaderboardReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.games.leaderboard.Rank;
import io.playloop.games.leaderboard.Score;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.games.leaderboard.Shards;
import io.playloop.games.leaderboard.Standings;
import io.playloop.games.leaderboard.WeekKey;
import io.playloop.testing.InMemoryLeaderboardReader;
import io.playloop.testing.LocalDynamo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The weekly board read back from the sparse gsi1 in DynamoDB Local, from items written as the game writes them. */
class DynamoLeaderboardReaderIT {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");
    private static final String WEEK = WeekKey.of(MONDAY, PARIS);
    private static final String CAMPAIGN = "summer";
    private static final int K = 4;

    private LocalDynamo dynamo;
    private CapacityMeter meter;
    private DynamoLeaderboardReader reader;

    @BeforeEach
    void createTable() {
        dynamo = LocalDynamo.create();
        meter = new CapacityMeter();
        reader = new DynamoLeaderboardReader(dynamo.client(), dynamo.tableName(), meter);
    }

    @AfterEach
    void dropTable() {
        dynamo.close();
    }

    @Test
    void top10_overFourShards_isTheBruteForceTop10_ofThreeHundredPlayers() {
        List<Score> all = randomPlayers(300, new Random(48));
        write(CAMPAIGN, all);

        List<Score> top = reader.top(CAMPAIGN, WEEK, 10, K);

        assertThat(top).containsExactlyElementsOf(all.stream().sorted(Score.BOARD_ORDER).limit(10).toList());
        assertThat(all.stream().map(s -> Shards.of(s.customer(), K)).distinct()).hasSize(K);
    }

    @Test
    void top_costsOneQueryPerShard_andRecordsItsCapacity() {
        write(CAMPAIGN, randomPlayers(40, new Random(1)));
        CapacityMeter.Reading before = meter.reading();

        reader.top(CAMPAIGN, WEEK, 10, K);

        CapacityMeter.Reading spent = meter.reading().minus(before);
        assertThat(spent.requests()).isEqualTo(K);
        assertThat(spent.readUnits()).isPositive();
        assertThat(spent.writeUnits()).isZero();
    }

    @Test
    void equalScores_goToWhoReachedThemFirst_evenWhenWrittenLast() {
        // Written latest-first, in different shards, so neither write order nor shard order can explain the result.
        List<String> customers = customersInDistinctShards(3);
        write(CAMPAIGN, List.of(
                new Score(customers.get(0), 50, MONDAY.plusSeconds(300)),
                new Score(customers.get(1), 50, MONDAY.plusSeconds(200)),
                new Score(customers.get(2), 50, MONDAY.plusSeconds(100))));

        assertThat(reader.top(CAMPAIGN, WEEK, 10, K)).extracting(Score::customer)
                .containsExactly(customers.get(2), customers.get(1), customers.get(0));
    }

    @Test
    void anotherWeeksOrAnotherCampaignsScores_neverAppear() {
        write(CAMPAIGN, List.of(new Score("33600000001", 10, MONDAY)));
        Instant nextWeek = MONDAY.plusSeconds(7 * 24 * 3600);
        write(CAMPAIGN, List.of(new Score("33600000002", 900, nextWeek)));
        write("winter", List.of(new Score("33600000003", 800, MONDAY)));

        assertThat(reader.top(CAMPAIGN, WEEK, 10, K)).extracting(Score::customer).containsExactly("33600000001");
        assertThat(reader.top(CAMPAIGN, WeekKey.of(nextWeek, PARIS), 10, K)).extracting(Score::customer)
                .containsExactly("33600000002");
        assertThat(reader.top("winter", WEEK, 10, K)).extracting(Score::customer).containsExactly("33600000003");
    }

    @Test
    void aNewScore_replacesTheCustomersEntry_insteadOfAddingOne() {
        write(CAMPAIGN, List.of(new Score("33600000001", 10, MONDAY), new Score("33600000002", 20, MONDAY)));
        write(CAMPAIGN, List.of(new Score("33600000001", 30, MONDAY.plusSeconds(60))));

        assertThat(reader.top(CAMPAIGN, WEEK, 10, K)).containsExactly(
                new Score("33600000001", 30, MONDAY.plusSeconds(60)), new Score("33600000002", 20, MONDAY));
    }

    @Test
    void rank_isExactInTheTop_andAnEstimateOutsideIt_fromTheCountInTheCustomersShard() {
        List<Score> all = randomPlayers(300, new Random(7));
        write(CAMPAIGN, all);
        List<Score> board = all.stream().sorted(Score.BOARD_ORDER).toList();
        List<Score> top = reader.top(CAMPAIGN, WEEK, 10, K);

        Score third = board.get(2);
        assertThat(Standings.rank(top, Optional.of(third), reader.aboveInShard(CAMPAIGN, WEEK, third, K), K))
                .isEqualTo(new Rank.Exact(3));

        Score middle = board.get(149); // really #150
        long above = reader.aboveInShard(CAMPAIGN, WEEK, middle, K);
        int shard = Shards.of(middle.customer(), K);
        assertThat(above).isEqualTo(board.subList(0, 149).stream()
                .filter(s -> Shards.of(s.customer(), K) == shard).count());
        Rank rank = Standings.rank(top, Optional.of(middle), above, K);
        assertThat(rank).isEqualTo(new Rank.About(above * K + 1));
        // 300 players over 4 shards: the estimate lands near the true place (a quarter of the board either way
        // would mean the hash is not spreading customers).
        assertThat(((Rank.About) rank).place()).isBetween(150L - 75, 150L + 75);

        Score last = board.get(299);
        assertThat(Standings.rank(top, Optional.of(last), reader.aboveInShard(CAMPAIGN, WEEK, last, K), K))
                .isInstanceOf(Rank.About.class)
                .satisfies(r -> assertThat(((Rank.About) r).place()).isGreaterThan(10));
    }

    @Test
    void aPlayerWithoutAScore_isUnranked() {
        write(CAMPAIGN, randomPlayers(20, new Random(3)));
        String newcomer = "33699999999";

        Map<String, AttributeValue> ownItem = dynamo.item(Map.of(Keys.PK, AttributeValue.fromS("CUSTOMER#" + newcomer),
                Keys.SK, AttributeValue.fromS(ScoreItem.boardPrefix(CAMPAIGN, WEEK))));

        assertThat(ownItem).isNull();
        assertThat(Standings.rank(reader.top(CAMPAIGN, WEEK, 10, K), Optional.empty(), 0, K))
                .isEqualTo(new Rank.Unranked());
    }

    @Test
    void anEmptyWeek_hasAnEmptyTop_andNobodyAbove() {
        write(CAMPAIGN, randomPlayers(20, new Random(3)));

        assertThat(reader.top(CAMPAIGN, "2026-W49", 10, K)).isEmpty();
        assertThat(reader.aboveInShard(CAMPAIGN, "2026-W49", new Score("33600000001", 5, MONDAY), K)).isZero();
    }

    @Test
    void aboveInShard_followsPages_whenTheShardHoldsMoreThanOneMegabyte() {
        // Index entries of ~300 KB (the index projects ALL): five of them in one shard need two COUNT pages.
        String padding = "x".repeat(300_000);
        List<String> customers = customersInShard(0, 6);
        for (int i = 0; i < 5; i++) {
            Map<String, AttributeValue> item = new HashMap<>(itemOf(CAMPAIGN, new Score(customers.get(i), 100 - i, MONDAY)));
            item.put("padding", AttributeValue.fromS(padding));
            dynamo.client().putItem(b -> b.tableName(dynamo.tableName()).item(item));
        }
        CapacityMeter.Reading before = meter.reading();

        long above = reader.aboveInShard(CAMPAIGN, WEEK, new Score(customers.get(5), 1, MONDAY), K);

        assertThat(above).isEqualTo(5);
        assertThat(meter.reading().minus(before).requests()).isGreaterThan(1);
    }

    @Test
    void shardQueriesOnAnExecutor_giveTheSameTop() {
        List<Score> all = randomPlayers(200, new Random(11));
        write(CAMPAIGN, all);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            DynamoLeaderboardReader concurrent =
                    new DynamoLeaderboardReader(dynamo.client(), dynamo.tableName(), meter, executor);

            assertThat(concurrent.top(CAMPAIGN, WEEK, 10, K)).isEqualTo(reader.top(CAMPAIGN, WEEK, 10, K));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theInMemoryFake_answersLikeTheIndex() {
        List<Score> all = randomPlayers(120, new Random(5));
        write(CAMPAIGN, all);
        InMemoryLeaderboardReader fake = new InMemoryLeaderboardReader();
        all.forEach(s -> fake.put(itemOf(CAMPAIGN, s)));
        fake.put(itemOf("winter", new Score("33600000003", 800, MONDAY)));

        assertThat(fake.top(CAMPAIGN, WEEK, 10, K)).isEqualTo(reader.top(CAMPAIGN, WEEK, 10, K));
        for (Score s : all.subList(0, 20)) {
            assertThat(fake.aboveInShard(CAMPAIGN, WEEK, s, K)).isEqualTo(reader.aboveInShard(CAMPAIGN, WEEK, s, K));
        }
    }

    @Test
    void badArguments_areRefusedWithAClearMessage_beforeAnyRead() {
        assertThatThrownBy(() -> reader.top(CAMPAIGN, WEEK, 0, K)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n: must be 1 to 100, was 0");
        assertThatThrownBy(() -> reader.top(CAMPAIGN, WEEK, 101, K)).hasMessage("n: must be 1 to 100, was 101");
        assertThatThrownBy(() -> reader.top(CAMPAIGN, WEEK, 10, 0)).hasMessage("shards: must be 1 to 64, was 0");
        assertThatThrownBy(() -> reader.top(CAMPAIGN, WEEK, 10, 65)).hasMessage("shards: must be 1 to 64, was 65");
        assertThatThrownBy(() -> reader.top(" ", WEEK, 10, K)).hasMessage("campaignId: required, was blank");
        assertThatThrownBy(() -> reader.aboveInShard(CAMPAIGN, null, new Score("1", 1, MONDAY), K))
                .hasMessage("week: required (e.g. 2026-W48), was null");
        assertThat(meter.requests()).isZero();
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** Players with few distinct scores (many ties) reached at random times in the week. */
    private static List<Score> randomPlayers(int count, Random random) {
        List<Score> players = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            players.add(new Score(String.format("336%08d", i), random.nextInt(40),
                    MONDAY.plusMillis(random.nextInt(5 * 24 * 3600) * 1000L)));
        }
        return players;
    }

    private static Map<String, AttributeValue> itemOf(String campaign, Score score) {
        String week = WeekKey.of(score.reachedAt(), PARIS);
        return LeaderboardItems.item(new ScoreItem("CUSTOMER#" + score.customer(), ScoreItem.boardPrefix(campaign, week),
                ScoreItem.shardPartition(campaign, week, Shards.of(score.customer(), K)), score, week), PARIS);
    }

    private void write(String campaign, List<Score> scores) {
        for (int from = 0; from < scores.size(); from += 25) {
            List<WriteRequest> batch = scores.subList(from, Math.min(scores.size(), from + 25)).stream()
                    .map(s -> WriteRequest.builder().putRequest(PutRequest.builder().item(itemOf(campaign, s)).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(dynamo.tableName(), batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.client().batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }

    private static List<String> customersInDistinctShards(int count) {
        List<String> customers = new ArrayList<>();
        java.util.Set<Integer> shards = new java.util.HashSet<>();
        for (int i = 0; customers.size() < count; i++) {
            String key = String.format("336%08d", i);
            if (shards.add(Shards.of(key, K))) {
                customers.add(key);
            }
        }
        return customers;
    }

    private static List<String> customersInShard(int shard, int count) {
        List<String> customers = new ArrayList<>();
        for (int i = 0; customers.size() < count; i++) {
            String key = String.format("336%08d", i);
            if (Shards.of(key, K) == shard) {
                customers.add(key);
            }
        }
        return customers;
    }
}
