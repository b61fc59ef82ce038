package io.playloop.local.esm;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.emulators.ProvisionedQueue;
import io.playloop.local.emulators.QueueMirror;
import io.playloop.local.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows what sits in the dead-letter queues without consuming it: read from ElasticMQ's
 * {@link QueueMirror}, not received, so no receive count goes up and every record of a FIFO group is
 * shown, also those waiting behind the group's first.
 */
public final class DeadLetterQueues {
    private final QueueMirror mirror;
    private final List<ProvisionedQueue> deadLetterQueues;

    public DeadLetterQueues(QueueMirror mirror, List<ProvisionedQueue> deadLetterQueues) {
        this.mirror = mirror;
        this.deadLetterQueues = List.copyOf(deadLetterQueues);
    }

    /**
     * {@code {"<dlq name>": [records]}}, oldest first, each record with messageId, body (parsed when it
     * is a JSON object or array) and attributes (ApproximateReceiveCount, MessageGroupId, ...).
     */
    public Map<String, List<Map<String, Object>>> list() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        for (ProvisionedQueue q : deadLetterQueues) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (QueueMirror.MirroredMessage m : mirror.messages(q.name())) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("messageId", m.messageId());
                JsonNode body = Json.parseOrNull(m.body());
                r.put("body", body != null && (body.isObject() || body.isArray()) ? body : m.body());
                r.put("attributes", m.attributes());
                if (!m.messageAttributes().isEmpty()) {
                    r.put("messageAttributes", m.messageAttributes());
                }
                records.add(r);
            }
            all.put(q.name(), records);
        }
        return all;
    }
}
