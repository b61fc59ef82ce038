package io.playloop.local.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.durable.Journal;
import io.playloop.local.durable.JsonLinesJournal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every request the Graph API simulator accepted, in order: what {@code GET /_local/outbox} shows.
 * Thread-safe. Recipients match whichever way they are written: {@code +33 6 12-34}, {@code 336...}
 * and the wa_id are the same customer; a BSUID matches itself. With a {@link Journal} each entry is written
 * before the simulator answers, so what a customer was sent survives a restart (or a kill) of the local cloud.
 */
public final class Outbox {

    private final List<Entry> entries = new ArrayList<>();
    private final Journal journal;
    private long lastSeq;

    /** An outbox in memory only. */
    public Outbox() {
        this(Journal.NONE, List.of());
    }

    private Outbox(Journal journal, List<Entry> earlier) {
        this.journal = journal;
        entries.addAll(earlier);
        lastSeq = earlier.isEmpty() ? 0 : earlier.get(earlier.size() - 1).seq();
    }

    /** An outbox that writes every entry to {@code journal} and starts with what an earlier run wrote there. */
    public static Outbox keptIn(JsonLinesJournal journal) {
        List<Entry> earlier = new ArrayList<>();
        for (JsonNode line : journal.recovered()) {
            earlier.add(new Entry(line.path("seq").asLong(), Instant.parse(line.path("at").asText()), line.path("body"),
                    line.hasNonNull("wamid") ? line.get("wamid").asText() : null));
        }
        return new Outbox(journal, earlier);
    }

    /**
     * One accepted request.
     *
     * @param seq   global order of acceptance, from 1
     * @param at    the simulated time it was accepted
     * @param body  the Graph API request body as sent
     * @param wamid the message id the simulator answered with (what status webhooks and receipts name); null
     *              for a mark-as-read request
     */
    public record Entry(long seq, Instant at, JsonNode body, String wamid) {
        /** The recipient as sent ({@code body.to}), or null (mark-as-read requests have none). */
        public String to() {
            JsonNode to = body.get("to");
            return to == null || to.isNull() ? null : to.asText();
        }
    }

    /** Records an accepted request without a message id (a mark-as-read) and returns its entry. */
    public Entry record(Instant at, JsonNode body) {
        return record(at, body, null);
    }

    /** Records an accepted request answered with {@code wamid} and returns its entry. */
    public synchronized Entry record(Instant at, JsonNode body, String wamid) {
        Entry entry = new Entry(lastSeq + 1, at, body, wamid);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", entry.seq());
        line.put("at", at.toString());
        line.put("wamid", wamid);
        line.put("body", body);
        journal.append(line); // first: an entry is shown only once it is kept
        lastSeq = entry.seq();
        entries.add(entry);
        return entry;
    }

    /** All entries, oldest first. */
    public synchronized List<Entry> all() {
        return List.copyOf(entries);
    }

    /** The entries addressed to {@code recipient} (phone number in any notation, wa_id or BSUID), oldest first. */
    public synchronized List<Entry> to(String recipient) {
        String wanted = normalise(recipient);
        List<Entry> matching = new ArrayList<>();
        for (Entry e : entries) {
            if (e.to() != null && normalise(e.to()).equals(wanted)) {
                matching.add(e);
            }
        }
        return matching;
    }

    public synchronized int size() {
        return entries.size();
    }

    /**
     * Digits only for a phone number, the value itself (trimmed) for a BSUID. One pass: a regular expression with two
     * greedy runs around a digit took minutes on a 1.1 M-digit {@code from} (the fuzz found it), inside the lock of
     * every webhook.
     */
    static String normalise(String recipient) {
        String trimmed = recipient.trim();
        StringBuilder digits = new StringBuilder(Math.min(trimmed.length(), 32));
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if ("+ ()-.".indexOf(c) < 0) {
                return trimmed; // not a phone number
            }
        }
        return digits.length() == 0 ? trimmed : digits.toString();
    }
}
