package io.playloop.game;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.playloop.definitions.QueueDefinition;
import io.playloop.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SQS FIFO as the game function meets it, in memory: records per message group in order, batches of up to 10 with
 * each group's records consecutive, failed records visible again one visibility timeout later (the clock moves),
 * and the queue's RedrivePolicy: a record received maxReceiveCount times moves to the dead-letter queue on its next
 * receive. Built from template.yaml's InboundQueue, so a test runs against the redrive the deployment has.
 */
final class FifoQueueSimulation {
    static final String ARN = "arn:aws:sqs:eu-west-1:123456789012:playloop-inbound.fifo";

    private final QueueDefinition definition;
    private final TestClock clock;
    private final Map<String, List<Entry>> groups = new LinkedHashMap<>();
    private final List<SQSEvent.SQSMessage> redriven = new ArrayList<>();
    private int sent;

    private static final class Entry {
        final SQSEvent.SQSMessage message;
        int receives;

        Entry(SQSEvent.SQSMessage message) {
            this.message = message;
        }
    }

    FifoQueueSimulation(QueueDefinition definition, TestClock clock) {
        this.definition = definition;
        this.clock = clock;
    }

    /** Puts a record on the queue; answers its SQS message id. */
    String send(String group, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId("m-" + (++sent));
        m.setBody(body);
        m.setEventSourceArn(ARN);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("MessageGroupId", group);
        attributes.put("SentTimestamp", Long.toString(clock.instant().toEpochMilli()));
        m.setAttributes(attributes);
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Entry(m));
        return m.getMessageId();
    }

    /**
     * Hands batches to {@code handler} until the queue is empty (or {@code maxRounds} batches went by); between
     * batches the clock moves one visibility timeout, as a failed record becomes visible again only then.
     */
    void deliverAll(Function<SQSEvent, SQSBatchResponse> handler, int maxRounds) {
        for (int round = 0; round < maxRounds && !groups.isEmpty(); round++) {
            List<Entry> batch = new ArrayList<>();
            for (List<Entry> group : groups.values()) {
                while (!group.isEmpty() && group.get(0).receives >= definition.maxReceiveCount()) {
                    redriven.add(group.remove(0).message); // SQS's redrive: received maxReceiveCount times already
                }
                for (Entry e : group) {
                    if (batch.size() == 10) {
                        break;
                    }
                    if (e.receives >= definition.maxReceiveCount()) {
                        break; // moved on its own next receive, once it heads its group
                    }
                    batch.add(e);
                }
            }
            groups.values().removeIf(List::isEmpty);
            if (batch.isEmpty()) {
                continue;
            }
            for (Entry e : batch) {
                e.receives++;
                e.message.getAttributes().put("ApproximateReceiveCount", Integer.toString(e.receives));
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(batch.stream().map(e -> e.message).toList());
            SQSBatchResponse response = handler.apply(event);
            Set<String> failed = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            for (Entry e : batch) {
                if (!failed.contains(e.message.getMessageId())) {
                    groups.values().forEach(g -> g.remove(e));
                }
            }
            groups.values().removeIf(List::isEmpty);
            clock.advance(Duration.ofSeconds(definition.visibilityTimeoutSeconds()));
        }
    }

    /** Records SQS's own redrive moved to the dead-letter queue (the handler's parked ones are not here). */
    List<SQSEvent.SQSMessage> redriven() {
        return List.copyOf(redriven);
    }

    /** Whether every record has left the queue. */
    boolean isEmpty() {
        return groups.isEmpty();
    }
}
