package io.playloop.local.bench;

import io.playloop.config.PlayLoopConfig;
import io.playloop.config.StaticSecrets;
import io.playloop.game.GameHandler;
import io.playloop.ingest.IngestHandler;
import io.playloop.local.Webhooks;
import io.playloop.testing.WebhookEvents;
import io.playloop.local.esm.SqsEvents;
import io.playloop.store.CapacityMeter;
import io.playloop.testing.ItemSize;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.LocalSqs;
import io.playloop.testing.RecordingGraphApi;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Benchmark program (not a test): what each kind of inbound message costs, request by request: a new
 * customer's POINTS, a quiz question and its answer, a spin, the first REFER, a referred friend's first
 * message, the friend's answer that makes the referral count, the referrer's next message (paid for it),
 * TOP, and STOP.
 *
 * <p>Runs the real handlers over DynamoDB Local and ElasticMQ the way Lambda would (ingest ->
 * SendMessageBatch; the event-source mapping's ReceiveMessage and DeleteMessageBatch; the game
 * function's DynamoDB calls), counts every SDK request by operation, and derives the DynamoDB
 * request units AWS would bill from the sizes of the items actually written (DynamoDB Local reports
 * consumed capacity, but not by AWS's per-KB and transactional rules). Run with:
 * {@code mvn -q -pl infra/local -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.playloop.local.bench.CostPerMessage}
 */
public final class CostPerMessage {
    /** The Shopify order sample as Shopify would send it now (PlayLoop ignores deliveries more than 7 days old). */
    private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent shopifyOrderNow() {
        var event = io.playloop.local.CommerceSamples.sample(io.playloop.local.CommerceSamples.SHOPIFY_ORDER);
        String body = io.playloop.local.CommerceSamples.dated(event.getBody(), Instant.now());
        event.setBody(body);
        event.getHeaders().put("x-shopify-triggered-at", Instant.now().toString());
        event.getHeaders().put("x-shopify-hmac-sha256", io.playloop.commerce.ShopifyWebhooks.sign(
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "local-shop-secret"));
        return event;
    }

    private static final String APP_SECRET = "local-app-secret";

    public static void main(String[] args) {
        try (LocalDynamo dynamo = LocalDynamo.create(); LocalSqs sqsEmulator = LocalSqs.start()) {
            Counter counter = new Counter();
            SqsClient sqs = SqsClient.builder().endpointOverride(sqsEmulator.endpoint())
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                    .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                    .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build())
                    .build();
            ReadRecorder reads = new ReadRecorder();
            DynamoDbClient ddb = reads.wrap(dynamo.client());
            Map<String, String> queues = sqsEmulator.createQueues();
            String inbound = queues.get("InboundQueue");
            PlayLoopConfig config = new PlayLoopConfig(dynamo.tableName(), inbound, null, null, "100000000000001",
                    "Café Lumière", "en");
            StaticSecrets secrets = new StaticSecrets(APP_SECRET, "local-verify-token", "token", "local-shop-secret");
            IngestHandler ingest = new IngestHandler(IngestHandler.Dependencies.builder().sqs(sqs).dynamo(ddb)
                    .config(config).secrets(secrets).clock(Clock.systemUTC()).defaultPhoneRegion("FR").build());
            CapacityMeter meter = new CapacityMeter();
            GameHandler game = new GameHandler(GameHandler.Dependencies.builder().dynamo(ddb)
                    .graph(new RecordingGraphApi()).config(config).clock(Clock.systemUTC()).meter(meter)
                    .secrets(secrets).build());

            System.out.println("PlayLoop: cost of one inbound message, by kind");
            System.out.println();
            String lea = "33612345678";
            String sam = "447700900123";
            List<Step> steps = List.of(
                    new Step("POINTS (new customer)", lea, "Léa", () -> "POINTS"),
                    new Step("QUIZ (a question)", lea, "Léa", () -> "QUIZ"),
                    new Step("quiz answer (right, first badge)", lea, "Léa", () -> rightAnswer(dynamo, lea)),
                    new Step("SPIN", lea, "Léa", () -> "SPIN"),
                    new Step("REFER (code shown and claimed)", lea, "Léa", () -> "REFER"),
                    new Step("referral: a friend's first message with the code", sam, "Sam",
                            () -> "Hi! " + dynamo.item(io.playloop.store.Keys.progress(lea)).get("refCode").s()),
                    new Step("START (the friend)", sam, "Sam", () -> "START"),
                    new Step("QUIZ (the friend)", sam, "Sam", () -> "QUIZ"),
                    new Step("referral: the friend's answer that makes it count", sam, "Sam",
                            () -> rightAnswer(dynamo, sam)),
                    new Step("referral: the referrer's next message (paid for the friend)", lea, "Léa", () -> "POINTS"),
                    new Step("TOP (a week without standings yet: 8 shard queries on gsi1)", lea, "Léa", () -> "TOP"),
                    new Step("TOP (the standings item the scheduler publishes)", lea, "Léa", () -> {
                        // What every scheduler run does; not counted (another client, another meter).
                        var campaign = io.playloop.campaign.DemoCampaign.get();
                        new io.playloop.store.DynamoStandings(dynamo.client(), dynamo.tableName(), new CapacityMeter())
                                .publish(campaign.id(), io.playloop.games.leaderboard.WeekKey.of(Instant.now(),
                                        campaign.timeZone()), campaign.leaderboard().orElseThrow().top(), Instant.now());
                        return "TOP";
                    }),
                    new Step("a Shopify order (orders/paid) for Léa's number", lea, null, () -> null),
                    new Step("REDEEM 1 (points spent, stock claimed, reward and coupon recorded)", lea, "Léa",
                            () -> "REDEEM 1"),
                    new Step("STOP", lea, "Léa", () -> "STOP"));
            int n = 0;
            for (Step step : steps) {
                String wamid = "wamid.COST-" + (++n);
                counter.reset();
                CapacityMeter.Reading before = meter.reading();
                Map<String, Map<String, AttributeValue>> itemsBefore = snapshot(dynamo);
                reads.reset();

                String text = step.text().get();
                ingest.handleRequest(text == null ? shopifyOrderNow()
                        : WebhookEvents.signedPost(Webhooks.text("100000000000001", wamid, step.waId(), step.name(),
                                text, Instant.now().getEpochSecond()), APP_SECRET), null);
                List<Message> records = sqs.receiveMessage(r -> r.queueUrl(inbound).maxNumberOfMessages(10)
                        .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                var response = game.handleRequest(SqsEvents.of(records, "arn:aws:sqs:us-east-1:000000000000:inbound-queue.fifo",
                        "us-east-1"), null);
                List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
                for (Message m : records) {
                    deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(deletes.size()))
                            .receiptHandle(m.receiptHandle()).build());
                }
                sqs.deleteMessageBatch(r -> r.queueUrl(inbound).entries(deletes));
                if (!response.getBatchItemFailures().isEmpty()) {
                    throw new IllegalStateException("the game function failed the record");
                }
                CapacityMeter.Reading used = meter.reading().minus(before);
                Map<String, Map<String, AttributeValue>> itemsAfter = snapshot(dynamo);

                System.out.println("== " + step.label());
                System.out.println("SQS requests: " + counter.byOperation() + " (total " + counter.total() + ")");
                System.out.println("DynamoDB requests: " + used.requests() + "; DynamoDB Local reported "
                        + used.readUnits() + " read units, " + used.writeUnits() + " write units");
                printAwsEstimate(itemsBefore, itemsAfter, reads, used.requests() >= 3);
                System.out.println();
            }
        }
    }

    /** AWS's billing rules applied to the items as written: reads 1 RRU per 4 KB (strong), writes 1 WRU per KB, x2 in a transaction. */
    private static void printAwsEstimate(Map<String, Map<String, AttributeValue>> before,
                                         Map<String, Map<String, AttributeValue>> after, ReadRecorder reads,
                                         boolean replied) {
        int transactionalWru = 0;
        int readRru = 0;
        int markSentWru = 0;
        int indexWru = 0;
        int ingestWru = 0;
        int outsideWru = 0;
        StringBuilder sizes = new StringBuilder();
        for (Map.Entry<String, Map<String, AttributeValue>> e : after.entrySet()) {
            Map<String, AttributeValue> old = before.get(e.getKey());
            if (old != null && old.equals(e.getValue())) {
                continue;
            }
            int size = ItemSize.of(e.getValue());
            String sk = e.getValue().get("sk").s();
            if (sk.startsWith(io.playloop.store.Keys.STANDINGS_PREFIX)) {
                continue; // the scheduler's, published before the step
            }
            String key = e.getValue().get("pk").s() + "|" + sk;
            String kind = sk.equals("PROFILE") ? "customer" : sk.startsWith("INBOUND#") ? "receipt"
                    : sk.startsWith("CONSENT#") ? "consent" : sk;
            sizes.append(kind).append(' ').append(size).append(" B; ");
            if (sk.equals("ORDER")) {
                ingestWru += ItemSize.units(size, 1024); // ingest's order -> customer link: one UpdateItem
            } else if (!reads.transactional(key) && reads.updated(key)) {
                outsideWru += ItemSize.units(size, 1024); // an UpdateItem of its own (a look brought earlier)
            } else {
                transactionalWru += 2 * ItemSize.units(size, 1024);
            }
            if (e.getValue().containsKey("gsi1pk")) {
                // The index copy: one write for the new entry, one more to remove the old one when its key moved.
                boolean moved = old != null && old.containsKey("gsi1sk") && !old.get("gsi1sk").equals(e.getValue().get("gsi1sk"));
                indexWru += (moved ? 2 : 1) * ItemSize.units(size, 1024);
            }
            if ("receipt".equals(kind) && replied) {
                markSentWru = ItemSize.units(size, 1024);
            }
        }
        // Strongly consistent reads: 1 RRU per 4 KB per item; a key not found still costs the minimum unit.
        readRru = reads.strongUnits();
        int failedWru = reads.failedConditionalWrites(); // a refused conditional write still costs its unit
        double eventualRru = reads.eventualUnits();
        System.out.println("keys read: " + reads.keys() + " strongly consistent, " + reads.eventualKeys()
                + " eventually consistent (besides the campaign pointer, once a minute per container); Queries: "
                + reads.queries() + " (" + reads.queryUnits() + " RRU)");
        System.out.println("items written: " + sizes);
        double totalRru = readRru + eventualRru + reads.queryUnits();
        System.out.println("on AWS: strong reads " + readRru + " RRU + eventual GetItem " + eventualRru
                + " RRU + Queries " + reads.queryUnits() + " RRU; TransactWriteItems " + transactionalWru
                + " WRU + gsi1 " + indexWru + " WRU + UpdateItem (reply sent) " + markSentWru + " WRU"
                + (outsideWru > 0 ? " + UpdateItem (look brought earlier) " + outsideWru + " WRU" : "")
                + (failedWru > 0 ? " + refused conditional writes " + failedWru + " WRU" : "")
                + (ingestWru > 0 ? " + ingest's UpdateItem " + ingestWru + " WRU" : "") + " = " + totalRru
                + " RRU, " + (transactionalWru + indexWru + markSentWru + ingestWru + outsideWru + failedWru) + " WRU");
    }

    /** One message of the scripted conversation; its text is decided when it is sent. */
    private record Step(String label, String waId, String name, java.util.function.Supplier<String> text) {
    }

    /** The right option of the customer's open question, typed in their language as a customer would. */
    private static String rightAnswer(LocalDynamo dynamo, String customer) {
        Map<String, AttributeValue> current = dynamo.item(io.playloop.store.Keys.quiz(customer)).get("current").m();
        io.playloop.campaign.Question q = io.playloop.campaign.DemoCampaign.get().quiz().orElseThrow()
                .question(current.get("id").s()).orElseThrow();
        String language = dynamo.item(io.playloop.store.Keys.customer(customer)).get("language").s();
        return q.option(current.get("correct").s()).orElseThrow().text().in(language);
    }

    private static Map<String, Map<String, AttributeValue>> snapshot(LocalDynamo dynamo) {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        for (Map<String, AttributeValue> item : dynamo.items()) {
            items.put(item.get("pk").s() + "|" + item.get("sk").s(), new HashMap<>(item));
        }
        return items;
    }

    /** Counts SDK requests by operation name. */
    static final class Counter implements ExecutionInterceptor {
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        }

        void reset() {
            calls.clear();
        }

        Map<String, Integer> byOperation() {
            Map<String, Integer> out = new TreeMap<>();
            calls.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }

        int total() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    /** Wraps the DynamoDB client to see which keys each read asks for and how big the items are. */
    static final class ReadRecorder {
        private int keys;
        private int eventualKeys;
        private int strongUnits;

        DynamoDbClient wrap(DynamoDbClient real) {
            return (DynamoDbClient) java.lang.reflect.Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                    new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            if (e.getCause() instanceof software.amazon.awssdk.services.dynamodb.model
                                    .ConditionalCheckFailedException) {
                                synchronized (this) {
                                    failedConditionalWrites++;
                                }
                            }
                            throw e.getCause();
                        }
                        recordWrite(asRequest(method.getName(), args == null ? null : args[0]));
                        record(asRequest(method.getName(), args == null ? null : args[0]), result);
                        return result;
                    });
        }

        /** The calls take a request or a consumer of its builder; turn the latter into the request. */
        @SuppressWarnings("unchecked")
        private static Object asRequest(String method, Object argument) {
            if (!(argument instanceof java.util.function.Consumer<?> consumer)) {
                return argument;
            }
            if (method.equals("batchGetItem")) {
                var b = software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest.builder();
                ((java.util.function.Consumer<Object>) consumer).accept(b);
                return b.build();
            }
            if (method.equals("transactWriteItems")) {
                var b = software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest.builder();
                ((java.util.function.Consumer<Object>) consumer).accept(b);
                return b.build();
            }
            if (method.equals("updateItem")) {
                var b = software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.builder();
                ((java.util.function.Consumer<Object>) consumer).accept(b);
                return b.build();
            }
            if (method.equals("getItem")) {
                var b = software.amazon.awssdk.services.dynamodb.model.GetItemRequest.builder();
                ((java.util.function.Consumer<Object>) consumer).accept(b);
                return b.build();
            }
            return argument;
        }

        private final java.util.Set<String> transactional = new java.util.HashSet<>();
        private final java.util.Set<String> updated = new java.util.HashSet<>();
        private int failedConditionalWrites;
        private int queries;
        private double queryUnits;
        private double eventualUnits;

        private synchronized void recordWrite(Object request) {
            if (request instanceof software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest r) {
                for (var item : r.transactItems()) {
                    Map<String, AttributeValue> k = item.put() != null ? item.put().item()
                            : item.update() != null ? item.update().key()
                            : item.conditionCheck() != null ? item.conditionCheck().key() : item.delete().key();
                    transactional.add(k.get("pk").s() + "|" + k.get("sk").s());
                }
            } else if (request instanceof software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest r) {
                updated.add(r.key().get("pk").s() + "|" + r.key().get("sk").s());
            }
        }

        synchronized boolean transactional(String key) {
            return transactional.contains(key);
        }

        synchronized boolean updated(String key) {
            return updated.contains(key);
        }

        synchronized int failedConditionalWrites() {
            return failedConditionalWrites;
        }

        synchronized int queries() {
            return queries;
        }

        synchronized double queryUnits() {
            return queryUnits;
        }

        synchronized double eventualUnits() {
            return eventualUnits;
        }

        private synchronized void record(Object request, Object result) {
            if (result instanceof software.amazon.awssdk.services.dynamodb.model.QueryResponse q) {
                queries++;
                // AWS bills an eventually consistent Query at least 0.5 RRU (DynamoDB Local may report less).
                queryUnits += Math.max(0.5, q.consumedCapacity() == null ? 0 : q.consumedCapacity().capacityUnits());
                return;
            }
            if (request instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest r
                    && result instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse out) {
                r.requestItems().values().forEach(k -> {
                    boolean strong = Boolean.TRUE.equals(k.consistentRead());
                    if (strong) {
                        keys += k.keys().size();
                    } else {
                        eventualKeys += k.keys().size();
                    }
                    int found = 0;
                    for (List<Map<String, AttributeValue>> items : out.responses().values()) {
                        for (Map<String, AttributeValue> item : items) {
                            strongUnits += strong ? ItemSize.units(ItemSize.of(item), 4096) : 0;
                            found++;
                        }
                    }
                    strongUnits += strong ? k.keys().size() - found : 0;
                });
            } else if (request instanceof software.amazon.awssdk.services.dynamodb.model.GetItemRequest r) {
                var found = result instanceof software.amazon.awssdk.services.dynamodb.model.GetItemResponse g
                        && g.hasItem() && !g.item().isEmpty() ? g.item() : null;
                int units = found == null ? 1 : ItemSize.units(ItemSize.of(found), 4096);
                if (Boolean.TRUE.equals(r.consistentRead())) {
                    keys++;
                    strongUnits += units;
                } else if (!"CAMPAIGN#ACTIVE".equals(r.key().get("pk").s())) {
                    eventualKeys++;
                    eventualUnits += units / 2.0;
                }
            }
        }

        synchronized void reset() {
            transactional.clear();
            updated.clear();
            failedConditionalWrites = 0;
            queries = 0;
            queryUnits = 0;
            eventualUnits = 0;
            keys = 0;
            eventualKeys = 0;
            strongUnits = 0;
        }

        synchronized int keys() {
            return keys;
        }

        synchronized int eventualKeys() {
            return eventualKeys;
        }

        synchronized int strongUnits() {
            return strongUnits;
        }
    }

    private CostPerMessage() {
    }

}
