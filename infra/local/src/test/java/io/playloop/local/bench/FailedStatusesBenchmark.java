package io.playloop.local.bench;

import io.playloop.config.PlayLoopConfig;
import io.playloop.config.StaticSecrets;
import io.playloop.definitions.TemplateDefinitions;
import io.playloop.ingest.IngestHandler;
import io.playloop.local.emulators.DynamoDbLocalServer;
import io.playloop.local.emulators.LocalAwsClients;
import io.playloop.local.emulators.ResourceProvisioner;
import io.playloop.scheduling.DeliveryFailures;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoSchedulerStore;
import io.playloop.testing.WebhookEvents;
import io.playloop.whatsapp.webhook.DeliveryFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * Benchmark program (not a test): how long ingest takes for a webhook of 1,000 {@code failed} statuses against
 * DynamoDB Local over HTTP (server mode, in memory), with an SQS that answers at once. Three cases: the statuses
 * name replies (no sent-reminder record: the usual case), they all name reminders the scheduler sent (each then
 * read, marked and rescheduled), and, for comparison, the one-GetItem-per-status loop ingest used before. Prints the
 * figures; run from the repository root with
 * {@code mvn -q -o -pl infra/local -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.playloop.local.bench.FailedStatusesBenchmark >/dev/null} (the figures go to stderr, the
 * functions' JSON log lines to stdout).
 */
public final class FailedStatusesBenchmark {
    private static final String APP_SECRET = "local-app-secret";
    private static final String PHONE_NUMBER_ID = "100000000000001";
    private static final int STATUSES = 1_000;

    private FailedStatusesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start(0);
             DynamoDbClient dynamo = LocalAwsClients.dynamoDb(server.endpoint())) {
            TemplateDefinitions template = TemplateDefinitions.bundled();
            String table = "playloop-bench-" + UUID.randomUUID().toString().substring(0, 8);
            ResourceProvisioner.createTable(dynamo, template.createTableRequest(table), template.ttlAttribute());
            Clock clock = Clock.systemUTC();
            PlayLoopConfig config = new PlayLoopConfig(table, "https://sqs.local/inbound.fifo", null, null,
                    PHONE_NUMBER_ID, "Café Lumière", "en");
            IngestHandler ingest = new IngestHandler(IngestHandler.Dependencies.builder().sqs(new InstantSqs())
                    .dynamo(dynamo).config(config)
                    .secrets(new StaticSecrets(APP_SECRET, "local-verify-token", "token", "local-shop-secret"))
                    .clock(clock).defaultPhoneRegion("FR").build());
            DynamoSchedulerStore store = new DynamoSchedulerStore(dynamo, table, new CapacityMeter());

            System.err.println("ingest, one webhook of " + STATUSES + " failed statuses, DynamoDB Local over HTTP");
            ingest.handleRequest(WebhookEvents.signedPost(webhook("wamid.WARM", 100, clock), APP_SECRET), null);

            long replies = time(() -> status(ingest.handleRequest(
                    WebhookEvents.signedPost(webhook("wamid.REPLY", STATUSES, clock), APP_SECRET), null)));
            System.err.printf("  naming replies (nothing to apply): %d ms%n", replies);

            for (int i = 0; i < STATUSES; i++) {
                store.recordSent("wamid.REMINDER" + i, "3360" + String.format("%07d", i), "nudge", true,
                        clock.instant());
            }
            // A marketing blast refused at once: every status names a reminder; each delivery applies what its
            // time budget allows and answers 500 for the rest, until one answers 200.
            for (int delivery = 1; delivery <= 10; delivery++) {
                int[] answered = new int[1];
                long ms = time(() -> answered[0] = status(ingest.handleRequest(
                        WebhookEvents.signedPost(webhook("wamid.REMINDER", STATUSES, clock), APP_SECRET), null)));
                System.err.printf("  naming reminders, delivery %d: %d ms, answered %d%n", delivery, ms, answered[0]);
                if (answered[0] == 200) {
                    break;
                }
            }

            DeliveryFailures oneByOne = new DeliveryFailures(store, clock);
            List<DeliveryFailure> failures = new ArrayList<>();
            for (int i = 0; i < STATUSES; i++) {
                failures.add(new DeliveryFailure("wamid.OLD" + i, null, 131049, clock.instant()));
            }
            long old = time(() -> failures.forEach(oneByOne::apply));
            System.err.printf("  before (one GetItem per status, naming replies): %d ms%n", old);
        }
    }

    private static int status(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse response) {
        return response.getStatusCode();
    }

    private static long time(Runnable run) {
        long started = System.nanoTime();
        run.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** A webhook of {@code count} failed statuses (131049), ids {@code prefix0..}. */
    private static String webhook(String prefix, int count, Clock clock) {
        long now = clock.instant().getEpochSecond();
        String statuses = IntStream.range(0, count).mapToObj(i -> "{\"id\":\"" + prefix + i
                        + "\",\"status\":\"failed\",\"timestamp\":\"" + now + "\",\"recipient_id\":\"3360"
                        + String.format("%07d", i) + "\",\"errors\":[{\"code\":131049,\"title\":\"limit\"}]}")
                .collect(Collectors.joining(","));
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"" + PHONE_NUMBER_ID
                + "\"},\"statuses\":[" + statuses + "]}}]}]}";
    }

    /** SQS answering at once: the figure is ingest's and DynamoDB's. */
    private static final class InstantSqs implements SqsClient {
        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            return SendMessageBatchResponse.builder().successful(request.entries().stream()
                    .map(e -> SendMessageBatchResultEntry.builder().id(e.id()).messageId(e.id()).build()).toList())
                    .build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }
}
