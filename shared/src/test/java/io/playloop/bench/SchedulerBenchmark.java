package io.playloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.campaign.Action;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignLoader;
import io.playloop.campaign.CampaignSource;
import io.playloop.store.CampaignTable;
import io.playloop.campaign.DemoCampaign;
import io.playloop.config.PlayLoopConfig;
import io.playloop.engine.Consent;
import io.playloop.engine.Customer;
import io.playloop.engine.Progress;
import io.playloop.games.challenge.Streak;
import io.playloop.ledger.PointsAccount;
import io.playloop.outreach.CustomerView;
import io.playloop.outreach.ReminderPlanner;
import io.playloop.scheduling.RunSummary;
import io.playloop.outreach.Schedule;
import io.playloop.scheduling.SchedulerFactory;
import io.playloop.scheduling.SchedulerService;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoSchedulerStore;
import io.playloop.store.Keys;
import io.playloop.store.SchedulerFixtures;
import io.playloop.testing.ItemSize;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Benchmark program (not a test): does a scheduler run read only what is due, however many customers there are?
 *
 * <p>Loads {@code customers} customers (default: two passes, 10,000 then 100,000) into DynamoDB Local (in process:
 * the times have no network in them) as the game leaves them: profile, points, progress and SCHEDULE with its
 * due-index keys, the due time being what {@link ReminderPlanner#nextLook} says for the customer's state.
 * {@code due} of them (default 1,000) went quiet three days ago (their inactivity nudge fell due within the last
 * hour); the others' next look is spread over the next 30 days (a nudge within 3 days for recent players, points
 * about to expire for lapsed ones). Then one {@link SchedulerService#run} with a fixed clock (Tuesday 14:05 in
 * Paris, inside the quiet hours' sending window) against the demo campaign, whose messaging-limit tier is raised
 * to 100,000 so that Meta's limit does not defer the nudges (the demo's 250 would defer 750 of them). The Graph API
 * answers success at once. Sends are paced at the campaign's rate, but on a virtual clock: the pacer's waits move
 * that clock instead of sleeping, so the wall time measures reading, deciding and writing, and the output says
 * what pacing would add.
 *
 * <p>Prints, per size: the due customers the run found, the index entries and the items it read per due one (the
 * figure that must not grow with the table), requests, the read and write units DynamoDB Local reports and those AWS
 * would bill (derived from item sizes), the run's wall time and time per due customer, and what the next run, 5
 * minutes later, reads from the cursor the first one left; then the ratios between the largest and the smallest
 * size. A small warm-up pass runs first so that the times do not include the JIT's. Run from the repository root
 * (the log level keeps the per-send log lines out of the output):
 *
 * <pre>
 * mvn -o -q -B -pl shared -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
 * POWERTOOLS_LOG_LEVEL=WARN java -cp "shared/target/test-classes:shared/target/classes:$(cat shared/target/bench-cp.txt)" \
 *     io.playloop.bench.SchedulerBenchmark            # 10,000 then 100,000 customers, 1,000 due
 * POWERTOOLS_LOG_LEVEL=WARN java -cp ... io.playloop.bench.SchedulerBenchmark 100000 1000
 * </pre>
 */
public final class SchedulerBenchmark {
    /** Tuesday 2026-11-24 14:05 in Paris: inside the contact budget's 09:00-20:00. */
    private static final Instant NOW = Instant.parse("2026-11-24T13:05:00Z");
    private static final Duration INACTIVITY = Duration.ofDays(3);
    private static final Duration SPREAD = Duration.ofDays(30);
    private static final Duration LOT_EXPIRY = Duration.ofDays(365);
    private static final Duration POINTS_EXPIRING_LEAD = Duration.ofDays(7);
    private static final int MESSAGING_LIMIT = 100_000;
    private static final int LOAD_THREADS = 2;
    private static final String[] LANGUAGES = {"en", "fr", "ar"};
    private static final String[][] NAMES = {{"Emma", "Noah", "Olivia", "Liam"}, {"Léa", "Hugo", "Chloé", "Lucas"},
            {"مريم", "يوسف", "سارة", "آدم"}};

    private SchedulerBenchmark() {
    }

    /** What one pass measured. */
    private record Result(int customers, int due, RunSummary summary, long wallNanos, long queries,
                          long emptyQueries, long queryItems, long batchGets, long batchGetItems, long gets,
                          long getItems, long transactWrites, long otherWrites, double derivedReadUnits,
                          CapacityMeter.Reading reported, int sent, long pacingNanos, long loadMillis,
                          RunSummary next, long nextQueries, long nextItemsRead, long nextWallNanos) {
        long itemsRead() {
            return queryItems + batchGetItems + getItems;
        }

        double indexPerDue() {
            return (double) summary.indexItemsRead() / summary.due();
        }

        double itemsPerDue() {
            return (double) itemsRead() / summary.due();
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length > 0 ? List.of(Integer.parseInt(args[0])) : List.of(10_000, 100_000);
        int due = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Campaign campaign = campaign();
        out("PlayLoop: one scheduler run over the sparse due index (DynamoDB Local in process, %d cores)",
                Runtime.getRuntime().availableProcessors());
        out("campaign %s (demo; messaging limit raised to %,d), sending %d/s paced on a virtual clock, clock %s",
                campaign.id(), MESSAGING_LIMIT, campaign.outreach().sending().perSecond(), NOW);
        out("");
        // A first small pass so that the JIT has compiled the request path before anything is timed.
        Result warmUp = pass(campaign, 2_000, 200);
        out("warm-up pass: 2,000 customers, 200 due, %,d ms (not counted)", warmUp.wallNanos / 1_000_000);
        out("");
        List<Result> results = new ArrayList<>();
        for (int customers : sizes) {
            Result r = pass(campaign, customers, due);
            results.add(r);
            print(r, campaign.outreach().sending().perSecond());
        }
        if (results.size() > 1) {
            Result small = results.get(0);
            Result large = results.get(results.size() - 1);
            out("%,d vs %,d customers (x%.0f):", large.customers, small.customers,
                    (double) large.customers / small.customers);
            out("  index items read per due item   %.3f / %.3f = %.3f", large.indexPerDue(), small.indexPerDue(),
                    large.indexPerDue() / small.indexPerDue());
            out("  items read per due item         %.3f / %.3f = %.3f", large.itemsPerDue(), small.itemsPerDue(),
                    large.itemsPerDue() / small.itemsPerDue());
            out("  wall time                       %,d ms / %,d ms = %.2f", large.wallNanos / 1_000_000,
                    small.wallNanos / 1_000_000, (double) large.wallNanos / small.wallNanos);
        }
        System.exit(0);
    }

    private static Result pass(Campaign campaign, int customers, int due) throws Exception {
        if (due > customers) {
            throw new IllegalArgumentException("due (" + due + ") must not exceed customers (" + customers + ")");
        }
        try (LocalDynamo dynamo = LocalDynamo.create()) {
            Map<String, Integer> indexEntryBytes = new ConcurrentHashMap<>();
            long loadStart = System.nanoTime();
            load(dynamo, campaign, customers, due, indexEntryBytes);
            long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;

            CountingDynamoDbClient counting = new CountingDynamoDbClient(dynamo.client(), entry -> {
                String sortKey = entry.get(Keys.GSI1_SK).s();
                return indexEntryBytes.getOrDefault(sortKey.substring(sortKey.indexOf('#') + 1), 0);
            });
            CapacityMeter meter = new CapacityMeter();
            TestClock clock = new TestClock(NOW);
            PlayLoopConfig config = new PlayLoopConfig(dynamo.tableName(), null, null, null, "bench-phone-number",
                    "Café Lumière", "en");
            CampaignSource campaigns = new CampaignSource(new CampaignTable(counting, dynamo.tableName(), meter),
                    clock, CampaignSource.DEFAULT_TTL, () -> campaign);
            RecordingGraphApi graph = new RecordingGraphApi();
            AtomicLong paced = new AtomicLong();
            SchedulerService scheduler = SchedulerFactory.withPacing(counting, config, graph, campaigns, clock, meter,
                    () -> System.nanoTime() + paced.get(), paced::addAndGet);

            // A scheduler that has been running: the previous run, 5 minutes ago, left its cursor at the hour before.
            new DynamoSchedulerStore(dynamo.client(), dynamo.tableName(), new CapacityMeter())
                    .saveCursor(NOW.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1)));
            long start = System.nanoTime();
            RunSummary summary = scheduler.run(Duration.ofMinutes(10));
            long wall = System.nanoTime() - start;
            long queries = counting.queries.sum();
            long emptyQueries = counting.emptyQueries.sum();
            long queryItems = counting.queryItems.sum();
            long batchGets = counting.batchGets.sum();
            long batchGetItems = counting.batchGetItems.sum();
            long gets = counting.gets.sum();
            long getItems = counting.getItems.sum();
            long transactWrites = counting.transactWrites.sum();
            long otherWrites = counting.otherWrites.sum();
            double derivedReadUnits = counting.derivedHalfReadUnits.sum() / 2.0;
            CapacityMeter.Reading reported = meter.reading();
            int sent = graph.sent().size();
            long pacing = paced.get();

            // The next scheduled run, 5 minutes later: it starts at the cursor the first one left (this hour).
            clock.advance(Duration.ofMinutes(5));
            long nextStart = System.nanoTime();
            RunSummary next = scheduler.run(Duration.ofMinutes(10));
            long nextWall = System.nanoTime() - nextStart;
            long nextItemsRead = counting.queryItems.sum() + counting.batchGetItems.sum() + counting.getItems.sum()
                    - queryItems - batchGetItems - getItems;
            return new Result(customers, due, summary, wall, queries, emptyQueries, queryItems, batchGets,
                    batchGetItems, gets, getItems, transactWrites, otherWrites, derivedReadUnits, reported, sent,
                    pacing, loadMillis, next, counting.queries.sum() - queries, nextItemsRead, nextWall);
        }
    }

    private static void print(Result r, int perSecond) {
        RunSummary s = r.summary;
        out("%,d customers, %,d due (loaded in %,d ms)", r.customers, r.due, r.loadMillis);
        out("  run: due found %,d, sent %,d (templates %,d), deferred %d, skipped %d, failed %d, finished %s",
                s.due(), s.sent(), s.templates(), s.deferred(), s.skipped(), s.failed(), s.finished());
        out("  index items read                %,d (%,d Queries, %,d of them empty)", s.indexItemsRead(),
                r.queries, r.emptyQueries);
        out("  index items read per due item   %.3f", r.indexPerDue());
        out("  items read                      %,d = %,d index + %,d BatchGetItem (%,d calls) + %,d GetItem (%,d calls)",
                r.itemsRead(), r.queryItems, r.batchGetItems, r.batchGets, r.getItems, r.gets);
        out("  items read per due item         %.3f", r.itemsPerDue());
        out("  writes                          %,d TransactWriteItems, %,d other", r.transactWrites, r.otherWrites);
        out("  read units, DynamoDB Local      %,.1f RRU reported (%,.1f WRU), %,d metered requests",
                r.reported.readUnits(), r.reported.writeUnits(), r.reported.requests());
        out("  read units, AWS (derived)       %,.1f RRU = %.2f per due customer", r.derivedReadUnits,
                r.derivedReadUnits / s.due());
        out("  wall time of the run            %,d ms = %.2f ms per due customer", r.wallNanos / 1_000_000,
                r.wallNanos / 1e6 / s.due());
        out("  pacing (%d/s, not slept)        %.1f s of waits; with them the run takes %.1f s", perSecond,
                r.pacingNanos / 1e9, s.took().toMillis() / 1e3);
        out("  next run, 5 min later (cursor)  due found %,d, %,d Queries, %,d items read, %,d ms", r.next.due(),
                r.nextQueries, r.nextItemsRead, r.nextWallNanos / 1_000_000);
        if (s.due() != r.due || r.sent != r.due) {
            out("  ! expected %,d due and sent, found %,d and sent %,d", r.due, s.due(), r.sent);
        }
        out("");
    }

    /** The demo with Meta's 100K messaging-limit tier: the run sends every nudge instead of deferring most. */
    private static Campaign campaign() {
        JsonNode tree = CampaignLoader.toTree(DemoCampaign.get());
        ((ObjectNode) tree.get("outreach").get("sending")).put("messaging_limit", MESSAGING_LIMIT);
        return CampaignLoader.fromTree(tree, "demo, messaging_limit " + MESSAGING_LIMIT);
    }

    // --- customers ---------------------------------------------------------------------------------

    /** One customer to write: who, whether due now, and when the next look is. */
    private record Spec(String key, int language, int name, boolean due, Instant next, long offset, long points) {
    }

    private static void load(LocalDynamo dynamo, Campaign campaign, int customers, int due,
                             Map<String, Integer> indexEntryBytes) throws Exception {
        Random random = new Random(2026L + customers);
        Set<String> seen = new HashSet<>();
        List<Spec> specs = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            // Random French mobile numbers (wa_id form), not a sequence: the shard hash sees realistic keys.
            String key;
            do {
                key = String.format("33%d%08d", 6 + random.nextInt(2), random.nextInt(100_000_000));
            } while (!seen.add(key));
            boolean isDue = i < due;
            Instant next = isDue
                    ? NOW.minusSeconds(1 + random.nextInt(3599))
                    : NOW.plusSeconds(60 + (long) (random.nextDouble() * (SPREAD.toSeconds() - 60)));
            specs.add(new Spec(key, random.nextInt(3), random.nextInt(4), isDue, next,
                    random.nextInt(60 * 86_400), 10L * (1 + random.nextInt(40))));
        }
        ExecutorService executor = Executors.newFixedThreadPool(LOAD_THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int slice = (customers + LOAD_THREADS - 1) / LOAD_THREADS;
            for (int t = 0; t < LOAD_THREADS; t++) {
                List<Spec> part = specs.subList(Math.min(customers, t * slice), Math.min(customers, (t + 1) * slice));
                futures.add(executor.submit(() -> {
                    write(dynamo, campaign, part, indexEntryBytes);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static void write(LocalDynamo dynamo, Campaign campaign, List<Spec> specs,
                              Map<String, Integer> indexEntryBytes) {
        List<WriteRequest> batch = new ArrayList<>(25);
        for (Spec spec : specs) {
            for (Map<String, AttributeValue> item : items(campaign, spec)) {
                if (Keys.SCHEDULE.equals(item.get(Keys.SK).s())) {
                    indexEntryBytes.put(spec.key, ItemSize.of(item));
                }
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                if (batch.size() == 25) {
                    flush(dynamo.client(), dynamo.tableName(), batch);
                    batch = new ArrayList<>(25);
                }
            }
        }
        if (!batch.isEmpty()) {
            flush(dynamo.client(), dynamo.tableName(), batch);
        }
    }

    private static void flush(DynamoDbClient client, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
            pending = response.unprocessedItems() == null ? Map.of() : response.unprocessedItems();
        }
    }

    /**
     * The customer as the game leaves them. Due now: last message three days ago (the nudge fell due within the
     * hour), points from that day. Next look within 3 days: a recent player whose nudge falls due then. Later: a
     * lapsed player whose points, earned a year ago, expire a week after the next look (points_expiring is due then).
     */
    private static List<Map<String, AttributeValue>> items(Campaign campaign, Spec spec) {
        Instant last = spec.due || spec.next.isBefore(NOW.plus(INACTIVITY)) ? spec.next.minus(INACTIVITY)
                : spec.next.plus(POINTS_EXPIRING_LEAD).minus(LOT_EXPIRY);
        Instant firstSeen = last.minusSeconds(spec.offset);
        PointsAccount points = PointsAccount.empty()
                .grant(spec.points, "quiz_correct", "wamid.bench." + spec.key, last, last.plus(LOT_EXPIRY)).account();
        Customer customer = new Customer(spec.key, spec.key, null, NAMES[spec.language][spec.name],
                LANGUAGES[spec.language], points.balance(last), new Consent(true, firstSeen, "wamid.optin." + spec.key),
                firstSeen, last, 1);
        Progress progress = new Progress(Map.of(Action.QUIZ_ANSWER, spec.points / 10),
                Map.of(), Streak.NONE, Map.of(), Set.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, 0, 0, Optional.empty(), List.of(),
                Map.of(Progress.LAST_GAME, "quiz_answer", Progress.LAST_GAME_AT, last.toString()));
        // The due time the planner gives this state: at the last message for players, now for lapsed ones.
        Instant asOf = spec.due || spec.next.isBefore(NOW.plus(INACTIVITY)) ? last : NOW;
        Optional<Instant> next = ReminderPlanner.nextLook(new CustomerView(campaign, customer, points, progress, asOf),
                Schedule.NONE, asOf);
        if (!next.equals(Optional.of(spec.next))) {
            throw new IllegalStateException("fixture for " + spec + " plans its next look at " + next);
        }
        Schedule schedule = new Schedule(1, next, List.of(), Optional.empty(), Map.of(), Map.of(), 0);
        return SchedulerFixtures.customerItems(customer, points, progress, schedule);
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
