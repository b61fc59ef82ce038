package io.playloop.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.LocalCloudOptions;
import io.playloop.local.Webhooks;
import io.playloop.local.emulators.LocalAwsClients;
import io.playloop.local.http.Json;
import io.playloop.store.Keys;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Issue 10's {@code kill -9} run: the packaged local cloud on a data directory takes signed WhatsApp webhooks from
 * many customers mixing every command; it is killed without warning in the middle of the load and started again
 * on the same directory; every webhook that was not answered 200 is posted again, as Meta redelivers; then the
 * queues are drained and each inbound message is judged by what the customer got.
 *
 * <p>A reply is attributed to its inbound message through the message's receipt in the table, which names the
 * wamid the Graph simulator answered with ({@code sentWamid}), and the outbox, which records that wamid. A reply
 * in the outbox that no receipt names is a duplicate when it repeats, to the same customer, a reply a receipt
 * names (the reply was sent, then the process died before the receipt recorded it, and the redelivered record
 * sent it again); otherwise it is unexplained.
 */
public final class KillNineRun {
    static final Path JAR = Path.of("target", "playloop-local.jar");
    private static final String TABLE = LocalCloudOptions.DEFAULT_TABLE_NAME;
    private static final String[] COMMANDS = {"POINTS", "POINTS", "QUIZ", "QUIZ", "A", "1", "B", "SPIN", "SPIN",
            "REWARDS", "HELP", "STOP", "START"};
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private KillNineRun() {
    }

    /**
     * What to run.
     *
     * @param messages    inbound messages in all
     * @param customers   customers sending them (the first message of each is its first contact)
     * @param kills       how many times the process is killed, at even points of the load
     * @param seed        the command mix and order
     * @param concurrency webhooks in flight at once
     * @param jar         the packaged local cloud
     * @param workDir     where the data directory and the console log go
     */
    record Config(int messages, int customers, int kills, long seed, int concurrency, Path jar, Path workDir) {
    }

    /**
     * What happened, per inbound message.
     *
     * @param accepted      answered 200 by the webhook route (at the first post or a redelivery)
     * @param answered      accepted, and its reply is in the outbox under the wamid its receipt names
     * @param duplicated    replies beyond the first that repeat an accepted message's reply
     * @param lost          accepted and never answered (no receipt, or a reply still pending after the drain)
     * @param silent        accepted and processed with no reply by the rules' choice (none expected in this mix)
     * @param unexplained   replies in the outbox that neither a receipt names nor repeat one
     * @param rewardsDoubled points or wheel prizes given twice for one message
     */
    record Figures(int messages, int customers, int kills, int posts, int redelivered, int accepted, int answered,
                   int duplicated, int lost, int silent, int unexplained, int deadLettered, int rewardsDoubled,
                   List<Integer> restoredAtRestart, List<String> duplicatedReplies, Duration took) {
        void print(PrintStream out) {
            out.printf(Locale.ROOT, "kill -9 run: %d messages from %d customers, %d kill%s, %.1f s%n", messages, customers,
                    kills, kills == 1 ? "" : "s", took.toMillis() / 1000.0);
            out.printf(Locale.ROOT, "  posts            %6d  (%d redelivered after a kill or a non-200 answer)%n", posts,
                    redelivered);
            out.printf(Locale.ROOT, "  accepted         %6d  (answered 200)%n", accepted);
            out.printf(Locale.ROOT, "  answered         %6d  (its reply is in the outbox, named by its receipt)%n", answered);
            out.printf(Locale.ROOT, "  duplicated       %6d  (replies beyond one)%n", duplicated);
            out.printf(Locale.ROOT, "  lost             %6d  (accepted, never answered)%n", lost);
            out.printf(Locale.ROOT, "  silent by rule   %6d%n", silent);
            out.printf(Locale.ROOT, "  unexplained      %6d  (outbox replies no message accounts for)%n", unexplained);
            out.printf(Locale.ROOT, "  dead-lettered    %6d%n", deadLettered);
            out.printf(Locale.ROOT, "  rewards doubled  %6d%n", rewardsDoubled);
            out.printf(Locale.ROOT, "  queued messages restored at each restart: %s%n", restoredAtRestart);
            duplicatedReplies.forEach(d -> out.println("  duplicate: " + d));
        }
    }

    /** One customer message and what became of its posts. */
    private static final class Inbound {
        final int index;
        final String waId;
        final String name;
        final String text;
        final String wamid;
        volatile byte[] body;
        volatile int status;
        final AtomicInteger posts = new AtomicInteger();

        Inbound(int index, String waId, String name, String text, String wamid) {
            this.index = index;
            this.waId = waId;
            this.name = name;
            this.text = text;
            this.wamid = wamid;
        }

        boolean accepted() {
            return status == 200;
        }
    }

    /** Runs it; the console of each local cloud process goes to {@code workDir/console.log}. */
    static Figures run(Config config, PrintStream log) throws Exception {
        long t0 = System.nanoTime();
        Path dataDir = config.workDir().resolve("data");
        Path console = config.workDir().resolve("console.log");
        List<String> args = List.of("--port", "0", "--data-dir", dataDir.toString(), "--no-schedule");
        List<Inbound> plan = plan(config);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService senders = Executors.newFixedThreadPool(config.concurrency());
        List<Integer> restored = new ArrayList<>();
        AtomicInteger posts = new AtomicInteger();
        LocalCloudProcess cloud = LocalCloudProcess.start(config.jar(), args, console, READY_TIMEOUT);
        log.printf("  local cloud ready after %d ms%n", millisSince(t0));
        Pace pace = new Pace(http, 3 * config.concurrency());
        pace.follow(cloud.baseUrl());
        try {
            int slices = config.kills() + 1;
            int done = 0;
            for (int slice = 0; slice < slices; slice++) {
                int end = slice == slices - 1 ? plan.size() : plan.size() * (slice + 1) / slices;
                List<Inbound> batch = plan.subList(done, end);
                URI base = cloud.baseUrl();
                int repliesBefore = replies(http, base);
                List<Future<?>> sent = new ArrayList<>();
                for (Inbound m : batch) {
                    sent.add(senders.submit(() -> {
                        pace.awaitRoom(plan);
                        post(http, base, m, posts);
                    }));
                }
                if (slice < config.kills()) {
                    // Kill while webhooks still arrive and the game is replying: half the slice accepted, and
                    // a fifth of it answered.
                    awaitAccepted(batch, batch.size() / 2);
                    awaitReplies(http, base, repliesBefore + batch.size() / 5);
                    log.printf("  kill -9 of process %d after %d of this slice's %d webhooks were accepted and %d"
                                    + " replies sent%n", cloud.pid(), countAccepted(batch), batch.size(),
                            replies(http, base) - repliesBefore);
                    pace.follow(null); // down: what is still to post fails at once, as Meta's posts would
                    cloud.kill();
                    waitAll(sent);
                    long tRestart = System.nanoTime();
                    cloud = LocalCloudProcess.start(config.jar(), args, console, READY_TIMEOUT);
                    pace.follow(cloud.baseUrl());
                    restored.add(restoredCount(cloud.console()));
                    log.printf("  restarted on the same data directory in %d ms: %s%n", millisSince(tRestart),
                            dataLine(cloud.console()));
                    // Meta redelivers what was not answered 200.
                    redeliver(http, cloud.baseUrl(), plan.subList(0, end), senders, posts);
                } else {
                    waitAll(sent);
                }
                done = end;
            }
            for (int round = 0; round < 5 && plan.stream().anyMatch(m -> !m.accepted()); round++) {
                redeliver(http, cloud.baseUrl(), plan, senders, posts);
            }
            long tDrain = System.nanoTime();
            log.printf("  %d webhooks accepted after %d ms; draining%n", countAccepted(plan), millisSince(t0));
            drain(http, cloud.baseUrl());
            log.printf("  drained in %d ms%n", millisSince(tDrain));
            return judge(config, plan, cloud, http, posts.get(), restored, Duration.ofNanos(System.nanoTime() - t0));
        } finally {
            pace.close();
            senders.shutdownNow();
            cloud.stop();
        }
    }

    /**
     * Keeps webhooks arriving about as fast as the game answers them, as customers write (at most {@code backlog}
     * accepted and not yet answered), so a kill in the middle finds both webhooks in flight and replies being
     * sent; follows the Graph simulator's count of replies in {@code /_local/stats}.
     */
    private static final class Pace implements AutoCloseable {
        private final HttpClient http;
        private final int backlog;
        private final Thread poller;
        private volatile URI base;
        private volatile int replies;
        private volatile boolean closed;

        Pace(HttpClient http, int backlog) {
            this.http = http;
            this.backlog = backlog;
            this.poller = new Thread(this::poll, "kill9-pace");
            this.poller.setDaemon(true);
            this.poller.start();
        }

        /** Follows the local cloud at {@code newBase}; null while it is down (nothing waits then). */
        void follow(URI newBase) {
            base = newBase;
        }

        private void poll() {
            while (!closed) {
                try {
                    URI target = base;
                    if (target != null) {
                        replies = replies(http, target);
                    }
                } catch (Exception e) {
                    // killed or restarting: keep the last count
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void awaitRoom(List<Inbound> plan) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (base != null && countAccepted(plan) - replies > backlog && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public void close() {
            closed = true;
            poller.interrupt();
        }
    }

    /** The messages in posting order: round after round, each customer's next message, customers shuffled. */
    private static List<Inbound> plan(Config config) {
        Random random = new Random(config.seed());
        int perCustomer = (config.messages() + config.customers() - 1) / config.customers();
        List<Integer> customers = new ArrayList<>();
        for (int c = 0; c < config.customers(); c++) {
            customers.add(c);
        }
        List<Inbound> plan = new ArrayList<>();
        for (int round = 0; round < perCustomer && plan.size() < config.messages(); round++) {
            Collections.shuffle(customers, random);
            for (int c : customers) {
                if (plan.size() == config.messages()) {
                    break;
                }
                String text = round == 0 ? "hello" : COMMANDS[random.nextInt(COMMANDS.length)];
                int index = plan.size();
                plan.add(new Inbound(index, String.valueOf(16_505_600_000L + c), "Customer " + c, text,
                        "wamid.HBgLMTY1MDU1NjAwMDAVAgASGBQ" + Long.toHexString(config.seed()).toUpperCase(Locale.ROOT)
                                + "C" + index + "="));
            }
        }
        return plan;
    }

    private static void post(HttpClient http, URI base, Inbound m, AtomicInteger posts) {
        if (m.body == null) {
            m.body = Webhooks.text(LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID, m.wamid, m.waId, m.name, m.text,
                    Instant.now().getEpochSecond()).getBytes(StandardCharsets.UTF_8);
        }
        posts.incrementAndGet();
        m.posts.incrementAndGet();
        try {
            m.status = http.send(HttpRequest.newBuilder(base.resolve("/webhooks/whatsapp"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("X-Hub-Signature-256", Webhooks.signature(LocalCloudOptions.DEFAULT_APP_SECRET, m.body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(m.body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            m.status = -1; // the process died under it: Meta would see a timeout or a reset and redeliver
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void redeliver(HttpClient http, URI base, List<Inbound> messages, ExecutorService senders,
                                  AtomicInteger posts) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (Inbound m : messages) {
            if (!m.accepted()) {
                sent.add(senders.submit(() -> post(http, base, m, posts)));
            }
        }
        waitAll(sent);
    }

    private static void awaitAccepted(List<Inbound> batch, int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (countAccepted(batch) < wanted && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Requests the Graph simulator has accepted so far ({@code /_local/stats}). */
    private static int replies(HttpClient http, URI base) throws Exception {
        return Json.parse(http.send(HttpRequest.newBuilder(base.resolve("/_local/stats")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body()).path("graph").path("outbox").asInt();
    }

    private static void awaitReplies(HttpClient http, URI base, int wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (replies(http, base) < wanted && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static int countAccepted(List<Inbound> batch) {
        return (int) batch.stream().filter(Inbound::accepted).count();
    }

    private static void waitAll(List<Future<?>> futures) throws Exception {
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String dataLine(String console) {
        return console.lines().filter(l -> l.contains("queued message")).findFirst().orElse("(no data line)").trim();
    }

    private static int restoredCount(String console) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) queued messages? restored").matcher(console);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static void drain(HttpClient http, URI base) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> drained = http.send(HttpRequest.newBuilder(base.resolve("/_local/drain?timeout=PT120S"))
                    .timeout(Duration.ofSeconds(150)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (drained.statusCode() == 200) {
                return;
            }
        }
        throw new IllegalStateException("the queues did not drain");
    }

    // --- judging -------------------------------------------------------------------------------------

    private static Figures judge(Config config, List<Inbound> plan, LocalCloudProcess cloud, HttpClient http, int posts,
                                 List<Integer> restored, Duration took) throws Exception {
        JsonNode outbox = Json.parse(http.send(HttpRequest.newBuilder(cloud.baseUrl().resolve("/_local/outbox")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
        JsonNode dlq = Json.parse(http.send(HttpRequest.newBuilder(cloud.baseUrl().resolve("/_local/dlq")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
        int deadLettered = 0;
        for (JsonNode records : dlq) {
            deadLettered += records.size();
        }
        Map<String, JsonNode> sentByWamid = new HashMap<>();
        Map<String, List<JsonNode>> sentTo = new HashMap<>();
        for (JsonNode entry : outbox) {
            String to = entry.path("body").path("to").asText("");
            if (entry.hasNonNull("wamid") && !to.isEmpty()) {
                sentByWamid.put(entry.get("wamid").asText(), entry);
                sentTo.computeIfAbsent(to.replaceAll("[^0-9]", ""), k -> new ArrayList<>()).add(entry);
            }
        }
        List<Inbound> accepted = plan.stream().filter(Inbound::accepted).toList();
        int answered = 0;
        int lost = 0;
        int silent = 0;
        Set<String> attributed = new HashSet<>();
        Map<String, Integer> processedSpins = new HashMap<>();
        try (DynamoDbClient dynamo = LocalAwsClients.dynamoDb(cloud.dynamoDbEndpoint())) {
            Map<String, Map<String, AttributeValue>> receipts = receipts(dynamo, accepted);
            for (Inbound m : accepted) {
                Map<String, AttributeValue> receipt = receipts.get(m.wamid);
                String status = receipt == null || !receipt.containsKey("status") ? null : receipt.get("status").s();
                String sentWamid = receipt == null || !receipt.containsKey("sentWamid") ? null
                        : receipt.get("sentWamid").s();
                if ("REPLIED".equals(status) && sentWamid != null && sentByWamid.containsKey(sentWamid)) {
                    answered++;
                    attributed.add(sentWamid);
                } else if ("NO_REPLY".equals(status)) {
                    silent++;
                } else {
                    lost++;
                }
                if (receipt != null && m.text.equals("SPIN")) {
                    processedSpins.merge(m.waId, 1, Integer::sum);
                }
            }
            int duplicated = 0;
            int unexplained = 0;
            List<String> duplicates = new ArrayList<>();
            for (Map.Entry<String, List<JsonNode>> customer : sentTo.entrySet()) {
                Set<JsonNode> bodies = new HashSet<>();
                for (JsonNode e : customer.getValue()) {
                    if (attributed.contains(e.get("wamid").asText())) {
                        bodies.add(e.get("body"));
                    }
                }
                for (JsonNode e : customer.getValue()) {
                    if (attributed.contains(e.get("wamid").asText())) {
                        continue;
                    }
                    if (bodies.contains(e.get("body"))) {
                        duplicated++;
                        if (duplicates.size() < 10) {
                            duplicates.add("to " + customer.getKey() + " at " + e.path("at").asText() + ": "
                                    + excerpt(e.get("body")));
                        }
                    } else {
                        unexplained++;
                    }
                }
            }
            int doubled = rewardsDoubled(dynamo, plan, processedSpins);
            return new Figures(config.messages(), config.customers(), config.kills(), posts,
                    posts - plan.size(), accepted.size(), answered, duplicated, lost, silent, unexplained, deadLettered,
                    doubled, restored, duplicates, took);
        }
    }

    private static String excerpt(JsonNode body) {
        String text = body.has("text") ? body.path("text").path("body").asText()
                : body.path("interactive").path("body").path("text").asText();
        text = text.replace('\n', ' ');
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    /** The receipts of these wamids (consistent reads, 100 keys a call). */
    private static Map<String, Map<String, AttributeValue>> receipts(DynamoDbClient dynamo, List<Inbound> messages) {
        Map<String, Map<String, AttributeValue>> byWamid = new HashMap<>();
        Map<Map<String, AttributeValue>, String> wamidOfKey = new HashMap<>();
        messages.forEach(m -> wamidOfKey.put(Keys.receipt(m.waId, m.wamid), m.wamid));
        for (int from = 0; from < messages.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = messages.subList(from, Math.min(messages.size(), from + 100))
                    .stream().map(m -> Keys.receipt(m.waId, m.wamid)).toList();
            Map<String, KeysAndAttributes> request = Map.of(TABLE,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                var response = dynamo.batchGetItem(b -> b.requestItems(asked));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(TABLE, List.of())) {
                    Map<String, AttributeValue> key = Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
                    byWamid.put(wamidOfKey.get(key), item);
                }
                request = response.unprocessedKeys();
            }
        }
        return byWamid;
    }

    /**
     * Points or prizes given twice for one message: a customer whose points account has earned more than its
     * ledger entries say, a wheel prize listed twice for one spin, or more prizes than spins processed.
     */
    private static int rewardsDoubled(DynamoDbClient dynamo, List<Inbound> plan, Map<String, Integer> processedSpins) {
        int doubled = 0;
        for (String waId : plan.stream().map(m -> m.waId).distinct().toList()) {
            long ledgerEarned = 0;
            long accountEarned = 0;
            List<String> spinIds = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                var page = dynamo.query(b -> b.tableName(TABLE).consistentRead(true)
                        .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", Keys.PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.customerPartition(waId))))
                        .exclusiveStartKey(from));
                for (Map<String, AttributeValue> item : page.items()) {
                    String sk = item.get(Keys.SK).s();
                    if (sk.startsWith(Keys.LEDGER_PREFIX) && item.containsKey("earned")) {
                        ledgerEarned += Long.parseLong(item.get("earned").n());
                    } else if (sk.equals("POINTS") && item.containsKey("earned")) {
                        accountEarned = Long.parseLong(item.get("earned").n());
                    } else if (sk.equals("SPIN") && item.containsKey("rewards")) {
                        item.get("rewards").l().forEach(r -> spinIds.add(r.l().get(1).s()));
                    }
                }
                start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null
                        : page.lastEvaluatedKey();
            } while (start != null);
            if (accountEarned != ledgerEarned) {
                doubled++;
            }
            doubled += spinIds.size() - new HashSet<>(spinIds).size();
            doubled += Math.max(0, new HashSet<>(spinIds).size() - processedSpins.getOrDefault(waId, 0));
        }
        return doubled;
    }

    // --- the program ---------------------------------------------------------------------------------

    /**
     * {@code mvn -B -q -pl infra/local -am package -DskipTests} then, from {@code infra/local}:
     * {@code java -cp "target/test-classes:target/classes:target/lib/*" io.playloop.local.chaos.KillNineRun
     * --messages 2000 --customers 200 --kills 1} (these are the defaults; {@code --seed}, {@code --concurrency}
     * and {@code --jar} too). Exits 1 when a message was lost or a reward doubled.
     */
    public static void main(String[] args) throws Exception {
        int messages = 2_000;
        int customers = 200;
        int kills = 1;
        long seed = 10;
        int concurrency = 16;
        Path jar = JAR;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[i + 1]);
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--kills" -> kills = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--jar" -> jar = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("playloop-kill9-");
        System.out.println("data directory and console log in " + work);
        Figures figures = run(new Config(messages, customers, kills, seed, concurrency, jar, work), System.out);
        figures.print(System.out);
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.exit(figures.lost() == 0 && figures.rewardsDoubled() == 0 ? 0 : 1);
    }
}
