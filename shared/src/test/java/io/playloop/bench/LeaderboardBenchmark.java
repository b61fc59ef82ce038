package io.playloop.bench;

import io.playloop.games.leaderboard.LeaderboardReader;
import io.playloop.games.leaderboard.Rank;
import io.playloop.games.leaderboard.Score;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.games.leaderboard.Shards;
import io.playloop.games.leaderboard.Standings;
import io.playloop.games.leaderboard.WeekKey;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoLeaderboardReader;
import io.playloop.store.LeaderboardItems;
import io.playloop.testing.ItemSize;
import io.playloop.testing.LocalDynamo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Benchmark program (not a test): what a weekly board's TOP and "your rank" cost over the sparse gsi1.
 *
 * <p>Loads {@code players} (default 10,000) score items with random scores into DynamoDB Local (in process, so
 * latencies have no network in them: they measure the request path, not AWS) with BatchWriteItem, K = 8 shards,
 * then prints for {@link DynamoLeaderboardReader#top} and {@link DynamoLeaderboardReader#aboveInShard}: requests,
 * the read units DynamoDB Local reports, the read units AWS would bill (derived from the sizes of the index entries
 * each Query reads: eventually consistent, 0.5 RRU per 4 KB rounded up per request, ALL projection so an entry is
 * the whole item), median and p95 latency over {@code calls} calls, and how far the rank estimate is from the true
 * rank for players outside the top. Run from the repository root:
 *
 * <pre>
 * mvn -o -q -B -pl shared -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
 * java -cp "shared/target/test-classes:shared/target/classes:$(cat shared/target/bench-cp.txt)" \
 *     io.playloop.bench.LeaderboardBenchmark 10000 200
 * </pre>
 */
public final class LeaderboardBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");
    private static final String CAMPAIGN = "summer";
    private static final String WEEK = WeekKey.of(MONDAY, ZONE);
    private static final int K = 8;
    private static final int TOP_N = 10;
    private static final int READ_UNIT_BYTES = 4096;
    private static final int PAGE_BYTES = 1024 * 1024;
    private static final int WARM_UP = 50;

    private LeaderboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int players = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Random random = new Random(2026);

        try (LocalDynamo dynamo = LocalDynamo.create()) {
            CapacityMeter meter = new CapacityMeter();
            DynamoLeaderboardReader reader = new DynamoLeaderboardReader(dynamo.client(), dynamo.tableName(), meter);

            // --- load -----------------------------------------------------------------------------
            List<Map<String, AttributeValue>> items = new ArrayList<>(players);
            Map<String, Integer> sizeByCustomer = new HashMap<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < players; i++) {
                // Random French mobile numbers (wa_id form), not a sequence: the shard hash sees realistic keys.
                String customer;
                do {
                    customer = String.format("33%d%08d", 6 + random.nextInt(2), random.nextInt(100_000_000));
                } while (!seen.add(customer));
                // Scores like a week of play: mostly small, a long tail, many ties.
                long points = (long) Math.floor(Math.pow(random.nextDouble(), 3) * 2000);
                Score score = new Score(customer, points, MONDAY.plusMillis((long) (random.nextDouble() * 5 * 86_400_000L)));
                Map<String, AttributeValue> item = LeaderboardItems.item(new ScoreItem("CUSTOMER#" + customer,
                        ScoreItem.boardPrefix(CAMPAIGN, WEEK), ScoreItem.shardPartition(CAMPAIGN, WEEK, Shards.of(customer, K)),
                        score, WEEK), ZONE);
                items.add(item);
                sizeByCustomer.put(customer, ItemSize.of(item));
            }
            long loadStart = System.nanoTime();
            int batches = 0;
            for (int from = 0; from < items.size(); from += 25) {
                Map<String, List<WriteRequest>> pending = Map.of(dynamo.tableName(),
                        items.subList(from, Math.min(items.size(), from + 25)).stream()
                                .map(it -> WriteRequest.builder().putRequest(PutRequest.builder().item(it).build()).build())
                                .toList());
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    BatchWriteItemResponse response = dynamo.client().batchWriteItem(b -> b.requestItems(request)
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                    meter.recordWrite(response.consumedCapacity());
                    batches++;
                    pending = response.unprocessedItems();
                }
            }
            long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;

            // --- the truth, by brute force ------------------------------------------------------------
            List<Score> board = items.stream().map(LeaderboardItems::score).sorted(Score.BOARD_ORDER).toList();
            List<List<Score>> shards = new ArrayList<>();
            for (int s = 0; s < K; s++) {
                shards.add(new ArrayList<>());
            }
            board.forEach(s -> shards.get(Shards.of(s.customer(), K)).add(s));
            Map<String, Integer> placeInShard = new HashMap<>();
            shards.forEach(list -> {
                for (int i = 0; i < list.size(); i++) {
                    placeInShard.put(list.get(i).customer(), i);
                }
            });
            int avgSize = (int) sizeByCustomer.values().stream().mapToInt(Integer::intValue).average().orElse(0);

            out("PlayLoop: weekly leaderboard over the sparse gsi1 (DynamoDB Local 3.1.0 in process)");
            out("players %,d, shards K=%d, entries per shard %s, index entry ~%d bytes (ALL projection)",
                    players, K, shards.stream().map(l -> String.valueOf(l.size())).toList(), avgSize);
            out("load: %,d BatchWriteItem calls, %,.0f write units reported, %,d ms", batches, meter.writeUnits(), loadMillis);
            out("");

            // --- TOP ------------------------------------------------------------------------------
            List<Score> expectedTop = board.subList(0, TOP_N);
            List<Score> top = reader.top(CAMPAIGN, WEEK, TOP_N, K);
            if (!top.equals(expectedTop)) {
                throw new IllegalStateException("top differs from the brute-force top: " + top + " vs " + expectedTop);
            }
            CapacityMeter.Reading before = meter.reading();
            reader.top(CAMPAIGN, WEEK, TOP_N, K);
            CapacityMeter.Reading oneTop = meter.reading().minus(before);
            double derivedTop = 0;
            for (List<Score> shard : shards) {
                int bytes = shard.stream().limit(TOP_N).mapToInt(s -> sizeByCustomer.get(s.customer())).sum();
                derivedTop += 0.5 * ItemSize.units(bytes, READ_UNIT_BYTES);
            }
            double[] topSequential = time(calls, () -> reader.top(CAMPAIGN, WEEK, TOP_N, K));
            double[] topConcurrent;
            ExecutorService executor = Executors.newFixedThreadPool(K);
            try {
                DynamoLeaderboardReader concurrent =
                        new DynamoLeaderboardReader(dynamo.client(), dynamo.tableName(), new CapacityMeter(), executor);
                topConcurrent = time(calls, () -> concurrent.top(CAMPAIGN, WEEK, TOP_N, K));
            } finally {
                executor.shutdownNow();
            }
            out("TOP %d (K=%d Queries, Limit %d, ascending):", TOP_N, K, TOP_N);
            out("  requests per TOP             %d", oneTop.requests());
            out("  read units, DynamoDB Local   %.1f", oneTop.readUnits());
            out("  read units, AWS (derived)    %.1f RRU  (each shard's 10 entries < 4 KB -> 0.5 RRU x %d)", derivedTop, K);
            out("  latency sequential           median %.2f ms, p95 %.2f ms (%d calls)", pct(topSequential, 50), pct(topSequential, 95), calls);
            out("  latency on %d threads         median %.2f ms, p95 %.2f ms (%d calls)", K, pct(topConcurrent, 50), pct(topConcurrent, 95), calls);
            out("");

            // --- rank outside the top -------------------------------------------------------------------
            List<Score> sample = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                sample.add(board.get(TOP_N + random.nextInt(board.size() - TOP_N)));
            }
            CapacityMeter.Reading beforeCount = meter.reading();
            double derivedCount = 0;
            double[] derivedEach = new double[sample.size()];
            for (int i = 0; i < sample.size(); i++) {
                Score me = sample.get(i);
                long above = reader.aboveInShard(CAMPAIGN, WEEK, me, K);
                if (above != placeInShard.get(me.customer())) {
                    throw new IllegalStateException("COUNT for " + me + " was " + above + ", expected " + placeInShard.get(me.customer()));
                }
                List<Score> shard = shards.get(Shards.of(me.customer(), K));
                derivedEach[i] = derivedCountUnits(shard.subList(0, (int) above), sizeByCustomer);
                derivedCount += derivedEach[i];
            }
            CapacityMeter.Reading counts = meter.reading().minus(beforeCount);
            double[] countLatency = time(calls, () -> {
                Score me = sample.get((int) (System.nanoTime() % sample.size()));
                return reader.aboveInShard(CAMPAIGN, WEEK, me, K);
            });
            out("Your rank outside the top (one COUNT Query on the customer's shard, gsi1sk < mine; %d random players):", calls);
            out("  requests per estimate        %.2f (pages of 1 MB)", (double) counts.requests() / sample.size());
            out("  read units, DynamoDB Local   %.1f mean", counts.readUnits() / sample.size());
            out("  read units, AWS (derived)    %.1f RRU mean, p95 %.1f, max %.1f (grows with the number of better scores in the shard)",
                    derivedCount / sample.size(), pct(derivedEach, 95), pct(derivedEach, 100));
            out("  last place in a shard        %.1f RRU", shards.stream().mapToDouble(s -> derivedCountUnits(s, sizeByCustomer)).max().orElse(0));
            out("  latency                      median %.2f ms, p95 %.2f ms (%d calls)", pct(countLatency, 50), pct(countLatency, 95), calls);

            // Error of the estimate over every player outside the top (the in-shard counts are the brute-force
            // ones, which the COUNT Query matched on every sampled player above).
            double[] relative = new double[board.size() - TOP_N];
            double[] absolute = new double[relative.length];
            for (int place = TOP_N + 1; place <= board.size(); place++) {
                Score me = board.get(place - 1);
                Rank rank = Standings.rank(expectedTop, Optional.of(me), placeInShard.get(me.customer()), K);
                long estimate = ((Rank.About) rank).place();
                absolute[place - TOP_N - 1] = Math.abs(estimate - place);
                relative[place - TOP_N - 1] = 100.0 * Math.abs(estimate - place) / place;
            }
            out("  estimate error (all %,d players outside the top): |error| median %.0f places, p95 %.0f, max %.0f;"
                    + " relative median %.1f%%, p95 %.1f%%", relative.length, pct(absolute, 50), pct(absolute, 95),
                    pct(absolute, 100), pct(relative, 50), pct(relative, 95));
            double[] nearTop = Arrays.copyOfRange(relative, 0, Math.min(90, relative.length));
            out("  relative error for places 11-100: median %.1f%%, p95 %.1f%%", pct(nearTop, 50), pct(nearTop, 95));
            out("");
            out("\"Your rank\" for a customer = one TOP (%.1f RRU) + one COUNT when outside the top.", derivedTop);
        }
        System.exit(0);
    }

    /** 0.5 RRU per 4 KB of the entries a COUNT Query reads, rounded up per 1 MB page (at least 0.5 for an empty read). */
    private static double derivedCountUnits(List<Score> read, Map<String, Integer> sizeByCustomer) {
        double units = 0;
        int page = 0;
        for (Score s : read) {
            int size = sizeByCustomer.get(s.customer());
            if (page + size > PAGE_BYTES) {
                units += 0.5 * ItemSize.units(page, READ_UNIT_BYTES);
                page = 0;
            }
            page += size;
        }
        return units + 0.5 * ItemSize.units(page, READ_UNIT_BYTES);
    }

    private static double[] time(int calls, Supplier<?> call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.get();
        }
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static double pct(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
