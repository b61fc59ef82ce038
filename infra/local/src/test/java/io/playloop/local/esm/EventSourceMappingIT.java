package io.playloop.local.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.playloop.definitions.QueueDefinition;
import io.playloop.definitions.QueueEventSource;
import io.playloop.local.emulators.ElasticMqServer;
import io.playloop.local.emulators.LocalAwsClients;
import io.playloop.local.emulators.ProvisionedQueue;
import io.playloop.local.emulators.ResourceProvisioner;
import io.playloop.local.lambda.LocalFunction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Lambda's event-source mapping semantics against a real ElasticMQ, with fake handlers: partial batch
 * failures, retries after the retry delay, redrive to the DLQ, whole-batch retries, group isolation.
 */
class EventSourceMappingIT {
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static ElasticMqServer elasticMq;
    private static SqsClient sqs;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private EventSourceMapping mapping;
    private ProvisionedQueue inbound;
    private ProvisionedQueue deadLetters;

    /** One record as a handler saw it. */
    record Delivery(String body, String group, int receiveCount, long atNanos, SQSEvent.SQSMessage record) {
    }

    @BeforeAll
    static void startElasticMq() {
        elasticMq = ElasticMqServer.start(0);
        sqs = LocalAwsClients.sqs(elasticMq.endpoint(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopElasticMq() {
        sqs.close();
        elasticMq.close();
    }

    @AfterEach
    void stopMapping() {
        if (mapping != null) {
            mapping.close();
        }
    }

    private void createQueues(int maxReceiveCount) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, ProvisionedQueue> queues = ResourceProvisioner.createQueues(sqs, List.of(
                new QueueDefinition("InboundQueue", "inbound-" + suffix + ".fifo", true, false, 180, 345_600,
                        "InboundDeadLetterQueue", maxReceiveCount),
                new QueueDefinition("InboundDeadLetterQueue", "inbound-dlq-" + suffix + ".fifo", true, false, 30,
                        1_209_600, null, 0)));
        inbound = queues.get("InboundQueue");
        deadLetters = queues.get("InboundDeadLetterQueue");
    }

    /** Starts a mapping whose handler records each record and answers with {@code verdict} per batch. */
    private void startMapping(int pollers, Function<SQSEvent, Object> verdict) {
        QueueEventSource source = new QueueEventSource("GameFunction", "fake", "InboundQueue", 10, true, 30);
        LocalFunction<SQSEvent, Object> function = new LocalFunction<>("GameFunction", 30, () -> (event, context) -> {
            assertThat(context.getFunctionName()).isEqualTo("GameFunction");
            assertThat(context.getRemainingTimeInMillis()).isPositive();
            batchSizes.add(event.getRecords().size());
            for (SQSEvent.SQSMessage r : event.getRecords()) {
                deliveries.add(new Delivery(r.getBody(), r.getAttributes().get("MessageGroupId"),
                        Integer.parseInt(r.getAttributes().get("ApproximateReceiveCount")), System.nanoTime(), r));
            }
            return verdict.apply(event);
        });
        mapping = new EventSourceMapping(source, inbound, sqs, function, new RetryDelay(RETRY_DELAY), pollers, log).start();
    }

    private void send(String group, String body) {
        sqs.sendMessage(b -> b.queueUrl(inbound.url()).messageGroupId(group)
                .messageDeduplicationId(UUID.randomUUID().toString()).messageBody(body));
    }

    private Drainer.Result drain() throws InterruptedException {
        return new Drainer(sqs, List.of(inbound), () -> 0).drain(Duration.ofSeconds(60));
    }

    private List<Delivery> deliveriesOf(String body) {
        synchronized (deliveries) {
            return deliveries.stream().filter(d -> d.body().equals(body)).toList();
        }
    }

    /** Fails the records whose body starts with "poison", and the later records of their groups (FIFO order). */
    private static SQSBatchResponse failPoison(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<String> failedGroups = new ArrayList<>();
        for (SQSEvent.SQSMessage r : event.getRecords()) {
            String group = r.getAttributes().get("MessageGroupId");
            if (r.getBody().startsWith("poison") || failedGroups.contains(group)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(r.getMessageId()));
                failedGroups.add(group);
            }
        }
        return new SQSBatchResponse(failures);
    }

    @Test
    void aReportedFailure_isRetriedAfterTheRetryDelay_andDeadLetteredAfterMaxReceiveCount() throws Exception {
        createQueues(3);
        startMapping(2, EventSourceMappingIT::failPoison);
        send("customer-a", "{\"wamid\":\"wamid.OK\"}");
        send("customer-b", "poison");

        assertThat(drain().drained()).isTrue();

        assertThat(deliveriesOf("{\"wamid\":\"wamid.OK\"}")).hasSize(1);
        List<Delivery> poison = deliveriesOf("poison");
        assertThat(poison).extracting(Delivery::receiveCount).containsExactly(1, 2, 3);
        for (int i = 1; i < poison.size(); i++) {
            // never sooner than the retry delay (ElasticMQ keeps millisecond time, hence the small margin)
            assertThat(Duration.ofNanos(poison.get(i).atNanos() - poison.get(i - 1).atNanos()))
                    .isGreaterThanOrEqualTo(RETRY_DELAY.minusMillis(50));
        }
        Map<String, List<Map<String, Object>>> dlq = new DeadLetterQueues(elasticMq.mirror(), List.of(deadLetters)).list();
        assertThat(dlq.get(deadLetters.name())).singleElement().satisfies(record -> {
            assertThat(record.get("body")).isEqualTo("poison");
            assertThat(record.get("messageId")).isEqualTo(poison.get(0).record().getMessageId());
            @SuppressWarnings("unchecked")
            Map<String, String> attributes = (Map<String, String>) record.get("attributes");
            assertThat(attributes).containsEntry("MessageGroupId", "customer-b");
        });
        assertThat(mapping.stats()).containsEntry("deleted", 1L).containsEntry("retried", 3L);
    }

    @Test
    void eachRecord_looksLikeWhatLambdaPasses() throws Exception {
        createQueues(3);
        startMapping(1, event -> null);
        send("customer-a", "{\"text\":\"نقاط\"}");
        assertThat(drain().drained()).isTrue();

        SQSEvent.SQSMessage r = deliveries.get(0).record();
        assertThat(r.getMessageId()).isNotBlank();
        assertThat(r.getReceiptHandle()).isNotBlank();
        assertThat(r.getBody()).isEqualTo("{\"text\":\"نقاط\"}");
        assertThat(r.getMd5OfBody()).hasSize(32);
        assertThat(r.getEventSource()).isEqualTo("aws:sqs");
        assertThat(r.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:" + inbound.name());
        assertThat(r.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(r.getAttributes()).containsEntry("MessageGroupId", "customer-a")
                .containsEntry("ApproximateReceiveCount", "1")
                .containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp", "MessageDeduplicationId",
                        "SequenceNumber");
    }

    @Test
    void aPoisonRecord_neverHoldsBackAnotherCustomersRecords() throws Exception {
        createQueues(1000); // the poison keeps failing for the whole test
        CountDownLatch secondAttempt = new CountDownLatch(2);
        startMapping(2, event -> {
            event.getRecords().stream().filter(r -> r.getBody().equals("poison")).forEach(r -> secondAttempt.countDown());
            return failPoison(event);
        });
        send("customer-a", "poison");
        send("customer-b", "b-1");
        send("customer-b", "b-2");
        assertThat(secondAttempt.await(30, TimeUnit.SECONDS)).isTrue();
        send("customer-b", "b-3"); // arrives while the poison is being retried
        send("customer-c", "c-1");

        Drainer.Result result = new Drainer(sqs, List.of(inbound), () -> 0).drain(Duration.ofSeconds(4));

        assertThat(result.drained()).isFalse(); // the poison is still there...
        assertThat(result.queues().get(inbound.name()).total()).isEqualTo(1);
        for (String body : List.of("b-1", "b-2", "b-3", "c-1")) { // ...and everyone else went through, once
            assertThat(deliveriesOf(body)).as(body).hasSize(1);
        }
        List<Delivery> b = new ArrayList<>();
        b.addAll(deliveriesOf("b-1"));
        b.addAll(deliveriesOf("b-2"));
        b.addAll(deliveriesOf("b-3"));
        assertThat(b).isSortedAccordingTo((x, y) -> Long.compare(x.atNanos(), y.atNanos())); // in group order
        assertThat(deliveriesOf("poison").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aHandlerThatThrows_getsTheWholeBatchAgain() throws Exception {
        createQueues(3);
        send("customer-a", "a-1");
        send("customer-b", "b-1");
        send("customer-c", "c-1");
        CountDownLatch first = new CountDownLatch(1);
        startMapping(1, event -> {
            if (first.getCount() == 1) {
                first.countDown();
                throw new IllegalStateException("DynamoDB is unreachable");
            }
            return null;
        });

        assertThat(drain().drained()).isTrue();

        int firstBatch = batchSizes.get(0);
        assertThat(firstBatch).isPositive();
        for (Delivery failed : deliveries.subList(0, firstBatch)) {
            assertThat(deliveriesOf(failed.body())).extracting(Delivery::receiveCount).containsExactly(1, 2);
        }
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("the whole batch", "DynamoDB is unreachable");
        assertThat(new DeadLetterQueues(elasticMq.mirror(), List.of(deadLetters)).list().get(deadLetters.name())).isEmpty();
    }

    @Test
    void anItemIdentifierThatIsNoRecordOfTheBatch_failsTheWholeBatch() throws Exception {
        createQueues(3);
        send("customer-a", "a-1");
        CountDownLatch first = new CountDownLatch(1);
        startMapping(1, event -> {
            if (first.getCount() == 1) {
                first.countDown();
                return new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("not-a-message-id")));
            }
            return new SQSBatchResponse(List.of());
        });

        assertThat(drain().drained()).isTrue();
        assertThat(deliveriesOf("a-1")).extracting(Delivery::receiveCount).containsExactly(1, 2);
    }

    @Test
    void drain_waitsForTheRunningInvocation_andSaysWhatRemains() throws Exception {
        createQueues(3);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        QueueEventSource source = new QueueEventSource("GameFunction", "fake", "InboundQueue", 10, true, 30);
        LocalFunction<SQSEvent, Object> slow = new LocalFunction<>("GameFunction", 30, () -> (event, context) -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        mapping = new EventSourceMapping(source, inbound, sqs, slow, new RetryDelay(RETRY_DELAY), 1, log).start();
        Drainer drainer = new Drainer(sqs, List.of(inbound), slow::running);
        send("customer-a", "a-1");
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        Drainer.Result busy = drainer.drain(Duration.ofMillis(300));
        release.countDown();
        Drainer.Result idle = drainer.drain(Duration.ofSeconds(30));

        assertThat(busy.drained()).isFalse();
        assertThat(busy.runningInvocations()).isEqualTo(1);
        assertThat(busy.queues().get(inbound.name()).inFlight()).isEqualTo(1);
        assertThat(idle.drained()).isTrue();
        assertThat(idle.queues().get(inbound.name()).total()).isZero();
    }

    @Test
    void listingTheDeadLetterQueue_consumesNothing() throws Exception {
        createQueues(1);
        startMapping(1, event -> new SQSBatchResponse(event.getRecords().stream()
                .map(r -> new SQSBatchResponse.BatchItemFailure(r.getMessageId())).toList()));
        send("customer-a", "poison-1");
        send("customer-b", "{\"wamid\":\"wamid.DEAD\",\"text\":\"مساعدة\"}");
        assertThat(drain().drained()).isTrue();

        DeadLetterQueues view = new DeadLetterQueues(elasticMq.mirror(), List.of(deadLetters));
        var first = view.list().get(deadLetters.name());
        var second = view.list().get(deadLetters.name());

        assertThat(first).hasSize(2);
        assertThat(second).extracting(r -> r.get("messageId"))
                .containsExactlyInAnyOrderElementsOf(first.stream().map(r -> r.get("messageId")).toList());
        assertThat(first).anySatisfy(r -> assertThat(r.get("body").toString()).contains("مساعدة", "wamid.DEAD"));
        assertThat(QueueDepth.of(sqs, deadLetters.url()).visible()).isEqualTo(2);
    }
}
