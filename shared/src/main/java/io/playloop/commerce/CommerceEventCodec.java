package io.playloop.commerce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes and reads a {@link CommerceEvent} as the inbound queue's record body, next to WhatsApp messages
 * ({@code InboundMessageCodec}) on the same FIFO queue.
 *
 * <p>The body always starts with {@code {"kind":"commerce.} (the kind is written first), while a WhatsApp
 * record starts with {@code {"v":}: {@link #isCommerceRecord} tells them apart with one prefix check, without
 * parsing. Kinds: {@code commerce.order_paid}, {@code commerce.order_refunded}, {@code commerce.customer_updated};
 * {@code "v"} is the format version (records can sit in a queue or DLQ across a deployment). Amounts are
 * decimal strings (exact), instants ISO-8601 UTC. An order's {@code firstSeen} is optional (records written
 * before it existed have none), so it did not need a new version.
 */
public final class CommerceEventCodec {
    public static final int VERSION = 1;
    public static final String ORDER_PAID = "commerce.order_paid";
    public static final String ORDER_REFUNDED = "commerce.order_refunded";
    public static final String CUSTOMER_UPDATED = "commerce.customer_updated";

    /** What every body written here starts with. */
    static final String PREFIX = "{\"kind\":\"commerce.";

    private final ObjectMapper mapper;

    public CommerceEventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * True when a queue record body is a commerce event rather than a WhatsApp message: one prefix check
     * (leading whitespace tolerated), no parsing.
     */
    public static boolean isCommerceRecord(String body) {
        if (body == null) {
            return false;
        }
        int i = 0;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        return body.startsWith(PREFIX, i);
    }

    /** The record body. */
    public String write(CommerceEvent event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("kind", kind(event)); // first: isCommerceRecord relies on it
        node.put("v", VERSION);
        node.put("eventId", event.eventId());
        node.put("source", event.source());
        node.put("customerKey", event.customerKey());
        node.put("occurredAt", event.occurredAt().toString());
        if (event instanceof CommerceEvent.OrderPaid o) {
            node.put("orderId", o.orderId());
            node.put("total", o.total().toPlainString());
            node.put("currency", o.currency());
            ArrayNode codes = node.putArray("discountCodes");
            o.discountCodes().forEach(codes::add);
            ArrayNode titles = node.putArray("productTitles");
            o.productTitles().forEach(titles::add);
            o.firstSeen().ifPresent(f -> node.put("firstSeen", f.toString()));
        } else if (event instanceof CommerceEvent.OrderRefunded r) {
            node.put("orderId", r.orderId());
            node.put("refundId", r.refundId());
            node.put("amount", r.amount().toPlainString());
            node.put("currency", r.currency());
        } else if (event instanceof CommerceEvent.CustomerUpdated c) {
            node.put("updateId", c.updateId());
            ObjectNode attributes = node.putObject("attributes");
            new TreeMap<>(c.attributes()).forEach(attributes::put);
        }
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise commerce event " + event.eventId(), e);
        }
    }

    /**
     * Reads a record body.
     *
     * @throws IllegalArgumentException when it is not a version-1 commerce record (poison: the DLQ)
     */
    public CommerceEvent read(String body) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("commerce record is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("commerce record is not a JSON object");
        }
        int version = node.path("v").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException("commerce record version " + version + " is not supported (expected "
                    + VERSION + ")");
        }
        String kind = node.path("kind").asText("");
        try {
            String source = required(node, "source");
            String customerKey = required(node, "customerKey");
            Instant at = Instant.parse(required(node, "occurredAt"));
            return switch (kind) {
                case ORDER_PAID -> new CommerceEvent.OrderPaid(source, customerKey, at, required(node, "orderId"),
                        new BigDecimal(required(node, "total")), required(node, "currency"),
                        strings(node.path("discountCodes")), strings(node.path("productTitles")),
                        node.hasNonNull("firstSeen") ? Optional.of(Instant.parse(node.get("firstSeen").asText()))
                                : Optional.empty());
                case ORDER_REFUNDED -> new CommerceEvent.OrderRefunded(source, customerKey, at,
                        required(node, "orderId"), required(node, "refundId"), new BigDecimal(required(node, "amount")),
                        required(node, "currency"));
                case CUSTOMER_UPDATED -> {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("attributes").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        attributes.put(e.getKey(), e.getValue().asText());
                    }
                    yield new CommerceEvent.CustomerUpdated(source, customerKey, at, required(node, "updateId"), attributes);
                }
                default -> throw new IllegalArgumentException("commerce record kind '" + kind + "' is unknown");
            };
        } catch (DateTimeParseException | NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("commerce record " + kind + " is malformed: " + e.getMessage());
        }
    }

    private static String kind(CommerceEvent event) {
        if (event instanceof CommerceEvent.OrderPaid) {
            return ORDER_PAID;
        }
        if (event instanceof CommerceEvent.OrderRefunded) {
            return ORDER_REFUNDED;
        }
        if (event instanceof CommerceEvent.CustomerUpdated) {
            return CUSTOMER_UPDATED;
        }
        throw new IllegalArgumentException("unknown commerce event " + event.getClass().getName());
    }

    private static String required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("commerce record has no '" + field + "'");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
