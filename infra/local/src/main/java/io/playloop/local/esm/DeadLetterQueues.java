package io.playloop.local.esm;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.emulators.ProvisionedQueue;
import io.playloop.local.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Shows what sits in the dead-letter queues without consuming it: receives every message with a
 * short visibility timeout, then makes each visible again at once. (Each look counts as a receive in
 * the message's ApproximateReceiveCount, as it would on SQS; nothing redrives a DLQ, so nothing moves.)
 */
public final class DeadLetterQueues {
    private static final int LOOK_VISIBILITY_SECONDS = 30;
    private static final int MAX_LISTED = 1000;

    private final SqsClient sqs;
    private final List<ProvisionedQueue> deadLetterQueues;

    public DeadLetterQueues(SqsClient sqs, List<ProvisionedQueue> deadLetterQueues) {
        this.sqs = sqs;
        this.deadLetterQueues = List.copyOf(deadLetterQueues);
    }

    /** {@code {"<dlq name>": [records]}}, each record with messageId, body (parsed when JSON) and attributes. */
    public synchronized Map<String, List<Map<String, Object>>> list() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        for (ProvisionedQueue q : deadLetterQueues) {
            all.put(q.name(), list(q));
        }
        return all;
    }

    private List<Map<String, Object>> list(ProvisionedQueue q) {
        List<Message> seen = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        try {
            while (seen.size() < MAX_LISTED) {
                List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(q.url()).maxNumberOfMessages(10)
                        .visibilityTimeout(LOOK_VISIBILITY_SECONDS).waitTimeSeconds(0)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")).messages();
                if (batch.isEmpty()) {
                    break;
                }
                for (Message m : batch) {
                    if (ids.add(m.messageId())) {
                        seen.add(m);
                    }
                }
            }
        } finally {
            release(q, seen);
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (Message m : seen) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageId", m.messageId());
            JsonNode body = Json.parseOrNull(m.body());
            r.put("body", body != null && (body.isObject() || body.isArray()) ? body : m.body());
            r.put("attributes", m.attributesAsStrings());
            if (m.hasMessageAttributes() && !m.messageAttributes().isEmpty()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                m.messageAttributes().forEach((k, v) -> attributes.put(k, v.stringValue()));
                r.put("messageAttributes", attributes);
            }
            records.add(r);
        }
        return records;
    }

    private void release(ProvisionedQueue q, List<Message> messages) {
        for (int i = 0; i < messages.size(); i += 10) {
            List<Message> chunk = messages.subList(i, Math.min(messages.size(), i + 10));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int j = 0; j < chunk.size(); j++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(String.valueOf(j))
                        .receiptHandle(chunk.get(j).receiptHandle()).visibilityTimeout(0).build());
            }
            try {
                sqs.changeMessageVisibilityBatch(b -> b.queueUrl(q.url()).entries(entries));
            } catch (SdkException e) {
                // They reappear by themselves after LOOK_VISIBILITY_SECONDS.
            }
        }
    }
}
