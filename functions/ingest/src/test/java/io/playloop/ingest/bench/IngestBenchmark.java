package io.playloop.ingest.bench;

import io.playloop.testing.WebhookEvents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.StaticSecrets;
import io.playloop.ingest.IngestHandler;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * Times the ingest handler on a typical one-message webhook (a signed text from a customer) against an
 * SQS that answers at once, so the figure is the function's own work: signature, parsing, record
 * encoding, batching and its log line. Not a test (no assertions on time): run it by hand from the
 * repository root.
 *
 * <pre>
 * mvn -o -q -B -pl functions/ingest -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
 * java -cp "functions/ingest/target/test-classes:functions/ingest/target/classes:$(cat functions/ingest/target/bench-cp.txt)" \
 *     io.playloop.ingest.bench.IngestBenchmark 1000 &gt;/dev/null
 * </pre>
 *
 * <p>The handler's JSON log lines go to stdout (as on Lambda) and the summary to stderr, so the
 * redirect above keeps only the figures; {@code -Dbench.out=stdout} prints them to stdout instead.
 */
public final class IngestBenchmark {
    private static final String WEBHOOK = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
            + "\"15550001111\",\"phone_number_id\":\"100000000000001\"},\"contacts\":[{\"profile\":{\"name\":"
            + "\"L\\u00e9a\"},\"wa_id\":\"33612345678\"}],\"messages\":[{\"from\":\"33612345678\",\"id\":"
            + "\"wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQTdGQjJBMEE1QjA0QjQ0QjM4RgA=\",\"timestamp\":\"1763719200\","
            + "\"type\":\"text\",\"text\":{\"body\":\"POINTS\"}}]},\"field\":\"messages\"}]}]}";

    private IngestBenchmark() {
    }

    public static void main(String[] args) {
        int invocations = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        PrintStream out = "stdout".equals(System.getProperty("bench.out")) ? System.out : System.err;

        IngestHandler handler = new IngestHandler(IngestHandler.Dependencies.builder().sqs(new InstantSqs())
                .config(new PlayLoopConfig("playloop", "https://sqs.eu-west-1.amazonaws.com/123456789012/inbound.fifo",
                        null, null, "100000000000001", null, null))
                .secrets(new StaticSecrets("local-app-secret", "local-verify-token", "token"))
                // The webhook is dated 2025-11-21 10:00 UTC: a clock seconds later keeps it current at the door.
                .clock(Clock.fixed(java.time.Instant.parse("2025-11-21T10:00:05Z"), java.time.ZoneOffset.UTC))
                .build());
        APIGatewayV2HTTPEvent event = event(WEBHOOK);

        long first = time(handler, event);
        long[] nanos = new long[invocations];
        for (int i = 0; i < invocations; i++) {
            nanos[i] = time(handler, event);
        }
        Arrays.sort(nanos);
        out.printf("ingest handler, 1-message signed webhook (%d bytes), fake SQS, %d invocations after 1 cold call%n",
                WEBHOOK.length(), invocations);
        out.printf("  first call %.3f ms%n", first / 1e6);
        out.printf("  median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                percentile(nanos, 50) / 1e6, percentile(nanos, 90) / 1e6, percentile(nanos, 99) / 1e6,
                nanos[nanos.length - 1] / 1e6);
    }

    private static long time(IngestHandler handler, APIGatewayV2HTTPEvent event) {
        long start = System.nanoTime();
        int status = handler.handleRequest(event, null).getStatusCode();
        long elapsed = System.nanoTime() - start;
        if (status != 200) {
            throw new IllegalStateException("handler answered " + status);
        }
        return elapsed;
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static APIGatewayV2HTTPEvent event(String body) {
        return WebhookEvents.signedPost(body, "local-app-secret");
    }

    /** An SQS that accepts every entry at once. */
    private static final class InstantSqs implements SqsClient {
        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            return SendMessageBatchResponse.builder().successful(request.entries().stream()
                    .map(e -> SendMessageBatchResultEntry.builder().id(e.id()).messageId("m").build()).toList()).build();
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
