package io.playloop.local.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Faults to inject into the next Graph API calls, set through {@code POST /_local/faults}:
 * {@code {"graph":{"status":500,"count":3}}} makes the next 3 calls fail with HTTP 500 and a Meta error
 * body; {@code "code"} picks the Meta error code (else a usual one for the status), {@code "details"}
 * the explanation, {@code "to"} limits the fault to sends to that recipient (phone number in any
 * notation, wa_id or BSUID; other customers' sends go through). A fault with {@code "to"} is kept beside the others
 * (it replaces only that recipient's earlier one), so a burst on one customer and bursts on everyone can run at once,
 * as Meta's pair rate limit and its throughput limit do; one without {@code "to"} replaces the general fault.
 * {@code {}} clears every fault. Thread-safe: each failing call takes one unit, the recipient's own fault first.
 */
public final class GraphFaults {
    private Fault pending;
    private final Map<String, Fault> byRecipient = new LinkedHashMap<>();

    /** One armed fault; {@code to} is null when it hits every send. */
    public record Fault(int status, int code, int remaining, String details, String to) {
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", status);
            json.put("code", code);
            json.put("count", remaining);
            json.put("details", details);
            if (to != null) {
                json.put("to", to);
            }
            return json;
        }

        boolean hits(String recipient) {
            return to == null || (recipient != null && Outbox.normalise(to).equals(Outbox.normalise(recipient)));
        }
    }

    /**
     * Replaces the faults with those in {@code body} ({@code {}} clears them).
     *
     * @throws IllegalArgumentException when the body names a status outside 400-599 or a count below 1
     */
    public synchronized void configure(JsonNode body) {
        if (!body.isObject()) {
            throw new IllegalArgumentException("expected a JSON object such as {\"graph\":{\"status\":500,\"count\":3}} or {}");
        }
        JsonNode graph = body.get("graph");
        if (graph == null || graph.isNull()) {
            pending = null;
            byRecipient.clear();
            return;
        }
        int status = graph.path("status").asInt(500);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("graph.status must be an HTTP error status (400-599), got " + graph.path("status"));
        }
        int count = graph.path("count").asInt(1);
        if (count < 1) {
            throw new IllegalArgumentException("graph.count must be at least 1, got " + graph.path("count"));
        }
        int code = graph.hasNonNull("code") ? graph.get("code").asInt() : MetaError.defaultCode(status);
        String details = graph.hasNonNull("details") ? graph.get("details").asText()
                : "Simulated by the PlayLoop local cloud (POST /_local/faults)";
        String to = graph.hasNonNull("to") ? graph.get("to").asText() : null;
        if (to != null && to.isBlank()) {
            throw new IllegalArgumentException("graph.to must name a recipient when given");
        }
        Fault fault = new Fault(status, code, count, details, to);
        if (to == null) {
            pending = fault;
        } else {
            byRecipient.put(Outbox.normalise(to), fault);
        }
    }

    /** Takes one unit of the armed fault if it hits a send to {@code recipient} (null when unknown). */
    synchronized Optional<Fault> take(String recipient) {
        String key = recipient == null ? null : Outbox.normalise(recipient);
        Fault own = key == null ? null : byRecipient.get(key);
        if (own != null) {
            if (own.remaining() > 1) {
                byRecipient.put(key, new Fault(own.status(), own.code(), own.remaining() - 1, own.details(), own.to()));
            } else {
                byRecipient.remove(key);
            }
            return Optional.of(own);
        }
        if (pending == null || !pending.hits(recipient)) {
            return Optional.empty();
        }
        Fault taken = pending;
        pending = taken.remaining() > 1
                ? new Fault(taken.status(), taken.code(), taken.remaining() - 1, taken.details(), taken.to())
                : null;
        return Optional.of(taken);
    }

    /** The faults still armed, as {@code /_local/faults} shows them. */
    public synchronized Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (pending != null) {
            json.put("graph", pending.toJson());
        }
        if (!byRecipient.isEmpty()) {
            json.put("graphByRecipient", byRecipient.values().stream().map(Fault::toJson).toList());
        }
        return json;
    }
}
