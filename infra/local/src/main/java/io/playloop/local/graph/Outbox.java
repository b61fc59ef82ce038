package io.playloop.local.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every request the Graph API simulator accepted, in order: what {@code GET /_local/outbox} shows.
 * Thread-safe. Recipients match whichever way they are written: {@code +33 6 12-34}, {@code 336...}
 * and the wa_id are the same customer; a BSUID matches itself.
 */
public final class Outbox {
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()\\-.]*[0-9][+0-9 ()\\-.]*");

    private final List<Entry> entries = new ArrayList<>();
    private long lastSeq;

    /**
     * One accepted request.
     *
     * @param seq  global order of acceptance, from 1
     * @param at   the simulated time it was accepted
     * @param body the Graph API request body as sent
     */
    public record Entry(long seq, Instant at, JsonNode body) {
        /** The recipient as sent ({@code body.to}), or null (mark-as-read requests have none). */
        public String to() {
            JsonNode to = body.get("to");
            return to == null || to.isNull() ? null : to.asText();
        }
    }

    /** Records an accepted request and returns its entry. */
    public synchronized Entry record(Instant at, JsonNode body) {
        Entry entry = new Entry(++lastSeq, at, body);
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

    /** Digits only for a phone number, the value itself (trimmed) for a BSUID. */
    static String normalise(String recipient) {
        String trimmed = recipient.trim();
        return PHONE.matcher(trimmed).matches() ? trimmed.replaceAll("[^0-9]", "") : trimmed;
    }
}
