package io.playloop.local.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.durable.Journal;
import io.playloop.local.durable.JsonLinesJournal;
import io.playloop.local.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Meta's customer-service window, as the Graph simulator enforces it: a free-form message reaches a customer only
 * within 24 hours of that customer's last message to the business; outside it only a template does (error 131047).
 * The simulator learns each customer's last message from the WhatsApp webhooks the local cloud accepts, at the
 * simulated clock's time of receipt. Thread-safe.
 */
public final class CustomerWindows {
    /** How long after a customer's message the business may answer free-form. */
    public static final Duration WINDOW = Duration.ofHours(24);

    private final boolean enforced;
    private final Map<String, Instant> lastInbound = new HashMap<>();
    private final Journal journal;

    /** @param enforced false lets every message through, as before the simulator knew about the window */
    public CustomerWindows(boolean enforced) {
        this.enforced = enforced;
        this.journal = Journal.NONE;
    }

    private CustomerWindows(boolean enforced, JsonLinesJournal journal) {
        this.enforced = enforced;
        this.journal = journal;
        for (JsonNode line : journal.recovered()) {
            String key = line.path("customer").asText();
            if (line.hasNonNull("lastWrote")) {
                lastInbound.put(key, Instant.parse(line.get("lastWrote").asText()));
            } else {
                lastInbound.remove(key);
            }
        }
        List<Map<String, String>> compact = new ArrayList<>();
        lastInbound.forEach((key, at) -> compact.add(line(key, at)));
        journal.rewrite(compact);
    }

    /**
     * Windows that write every change to {@code journal} and start from what an earlier run wrote there, so a
     * restarted local cloud still answers the customers who wrote before it stopped.
     */
    public static CustomerWindows keptIn(boolean enforced, JsonLinesJournal journal) {
        return new CustomerWindows(enforced, journal);
    }

    private static Map<String, String> line(String key, Instant at) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("customer", key);
        line.put("lastWrote", at == null ? null : at.toString());
        return line;
    }

    public boolean enforced() {
        return enforced;
    }

    /**
     * Records that these customers wrote at {@code at}.
     *
     * @return what was known before for each of them (null: nothing), for {@link #restore} when the webhook
     *         turns out not to be accepted
     */
    public synchronized Map<String, Instant> customersWrote(List<String> senders, Instant at) {
        Map<String, Instant> before = new HashMap<>();
        for (String sender : senders) {
            String key = Outbox.normalise(sender);
            if (!before.containsKey(key)) {
                before.put(key, lastInbound.get(key));
            }
            Instant known = lastInbound.get(key);
            if (known == null || known.isBefore(at)) {
                journal.append(line(key, at));
                lastInbound.put(key, at);
            }
        }
        return before;
    }

    /** Undoes {@link #customersWrote}: puts back what was known before. */
    public synchronized void restore(Map<String, Instant> before) {
        before.forEach((key, at) -> {
            journal.append(line(key, at));
            if (at == null) {
                lastInbound.remove(key);
            } else {
                lastInbound.put(key, at);
            }
        });
    }

    /** Whether a free-form message to {@code recipient} (any notation) may be delivered at {@code now}. */
    public synchronized boolean isOpen(String recipient, Instant now) {
        if (!enforced) {
            return true;
        }
        Instant last = lastInbound.get(Outbox.normalise(recipient));
        return last != null && now.isBefore(last.plus(WINDOW));
    }

    private static final int MAX_SENDER_LENGTH = 256;

    /**
     * The customers who wrote in a WhatsApp webhook body ({@code messages[].from} and {@code from_user_id}, and
     * the {@code wa_id} and {@code user_id} of the contacts beside them); empty for statuses or unreadable JSON.
     */
    public static List<String> senders(byte[] webhookBody) {
        JsonNode root = Json.parseOrNull(new String(webhookBody, StandardCharsets.UTF_8));
        Set<String> senders = new LinkedHashSet<>();
        if (root == null) {
            return List.of();
        }
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (value.path("messages").isEmpty()) {
                    continue; // statuses only: the customer did not write
                }
                // A customer is addressed by wa_id or by BSUID: both open the same window.
                for (JsonNode message : value.path("messages")) {
                    add(senders, message.path("from"));
                    add(senders, message.path("from_user_id"));
                }
                for (JsonNode contact : value.path("contacts")) {
                    add(senders, contact.path("wa_id"));
                    add(senders, contact.path("user_id"));
                }
            }
        }
        return new ArrayList<>(senders);
    }

    private static void add(Set<String> senders, JsonNode id) {
        String text = id.asText("");
        // Longer than any id ingest accepts (wa_id 20 digits, BSUID 256): never a customer Meta could answer.
        if (!text.isBlank() && text.length() <= MAX_SENDER_LENGTH) {
            senders.add(text);
        }
    }
}
