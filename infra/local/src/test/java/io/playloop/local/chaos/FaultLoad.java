package io.playloop.local.chaos;

import io.playloop.local.LocalCloud;
import io.playloop.local.LocalCloudOptions;
import io.playloop.local.RunningLocalCloud;
import io.playloop.store.Keys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Issue 10, point 3: customers chatting under bursts of Graph API faults (500, 130429, 131056, 4, 131000), with the
 * local default retry delay, then counted: every message answered exactly once, no reward doubled, nothing in a
 * dead-letter queue. {@link #main} runs the scale (200 customers x 10 messages) and prints the figures;
 * {@code FaultLoadIT} runs a bounded one in CI.
 */
public final class FaultLoad {
    /** What a run produced. */
    record Figures(int customers, int messages, int accepted, int answeredOnce, int unanswered, int duplicated,
                   int deadLettered, int rewardsBeyondRedeems, int webhooksRedelivered, Map<String, Integer> faultsArmed,
                   long seconds) {
        @Override
        public String toString() {
            return String.format("%d customers, %d messages: accepted %d, answered exactly once %d, unanswered %d, "
                    + "answered twice or more %d, dead-lettered %d, rewards beyond the REDEEMs sent %d, webhooks redelivered %d; "
                    + "faults armed %s; %d s", customers, messages, accepted, answeredOnce, unanswered, duplicated,
                    deadLettered, rewardsBeyondRedeems, webhooksRedelivered, faultsArmed, seconds);
        }
    }

    private FaultLoad() {
    }

    /** Runs the load against {@code cloud}; faults every {@code faultEvery} (null: none). */
    static Figures run(RunningLocalCloud cloud, int customers, int messagesEach, long seed, Duration faultEvery)
            throws Exception {
        long t0 = System.nanoTime();
        // With faults, every 4th customer also meets a burst of six refusals of its own.
        ChatLoad load = new ChatLoad(cloud.baseUrl(), cloud.options().appSecret(), cloud.options().phoneNumberId(),
                faultEvery == null ? 0 : 4);
        Map<String, Integer> armed = Map.of();
        if (faultEvery == null) {
            load.run(customers, messagesEach, cloud.clock().instant(), seed, 16);
        } else {
            try (ChatLoad.FaultBursts bursts = new ChatLoad.FaultBursts(cloud.baseUrl(), seed, faultEvery)) {
                load.run(customers, messagesEach, cloud.clock().instant(), seed, 16);
                armed = new TreeMap<>(bursts.armed);
                armed.put("131056 x6 on one customer", load.unlucky.get());
            }
        }
        cloud.drain(Duration.ofMinutes(10));
        int answeredOnce = 0;
        int unanswered = 0;
        int duplicated = 0;
        int rewardsBeyond = 0;
        for (Map.Entry<String, List<String>> customer : load.sent.entrySet()) {
            List<?> replies = cloud.outbox().to(customer.getKey());
            int expected = customer.getValue().size();
            answeredOnce += Math.min(replies.size(), expected);
            unanswered += Math.max(0, expected - replies.size());
            duplicated += Math.max(0, replies.size() - expected);
            long redeems = customer.getValue().stream().filter(t -> t.startsWith("REDEEM")).count();
            int rewards = cloud.dynamoDb().query(QueryRequest.builder().tableName(cloud.tableName())
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.customerPartition(customer.getKey())),
                            ":sk", AttributeValue.fromS(Keys.REWARD_PREFIX))).consistentRead(true).build()).count();
            rewardsBeyond += (int) Math.max(0, rewards - redeems);
        }
        int dead = deadLetters(cloud);
        int messages = customers * messagesEach;
        return new Figures(customers, messages, messages, answeredOnce, unanswered, duplicated, dead, rewardsBeyond,
                load.notAnswered200.get(), armed, (System.nanoTime() - t0) / 1_000_000_000L);
    }

    /** Records in the dead-letter queues, as {@code GET /_local/dlq} lists them. */
    static int deadLetters(RunningLocalCloud cloud) throws Exception {
        byte[] body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                cloud.baseUrl().resolve("/_local/dlq")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        int dead = 0;
        for (com.fasterxml.jackson.databind.JsonNode records : new com.fasterxml.jackson.databind.ObjectMapper().readTree(body)) {
            dead += records.size();
        }
        return dead;
    }

    /** {@code [customers] [messages each] [seed]}: defaults 200 x 10, faults every 150 ms. */
    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int each = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (RunningLocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTests()
                .withOut(new PrintStream(console, true, StandardCharsets.UTF_8)))) {
            System.out.println("with faults:    " + run(cloud, customers, each, seed, Duration.ofMillis(150)));
        }
    }
}
