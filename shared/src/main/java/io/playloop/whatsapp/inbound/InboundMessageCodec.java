package io.playloop.whatsapp.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Writes and reads the inbound queue's record body. The format is versioned ({@code "v":1}) because
 * records can sit in a queue or DLQ across a deployment.
 */
public final class InboundMessageCodec {
    public static final int VERSION = 1;

    private final ObjectMapper mapper;

    public InboundMessageCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(InboundMessage m) {
        ObjectNode node = mapper.createObjectNode();
        node.put("v", VERSION);
        node.put("wamid", m.wamid());
        node.put("customerKey", m.customerKey());
        putIfPresent(node, "waId", m.waId());
        putIfPresent(node, "bsuid", m.bsuid());
        putIfPresent(node, "phoneNumberId", m.phoneNumberId());
        putIfPresent(node, "displayPhoneNumber", m.displayPhoneNumber());
        putIfPresent(node, "profileName", m.profileName());
        node.put("sentAt", m.sentAt().getEpochSecond());
        node.put("type", m.type());
        putIfPresent(node, "text", m.text());
        putIfPresent(node, "replyId", m.replyId());
        putIfPresent(node, "replyTitle", m.replyTitle());
        putIfPresent(node, "contextId", m.contextId());
        putIfPresent(node, "contextFrom", m.contextFrom());
        if (m.forwarded()) {
            node.put("forwarded", true);
        }
        if (m.raw() != null) {
            node.set("raw", m.raw());
        }
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise inbound message " + m.wamid(), e);
        }
    }

    /**
     * Reads a record body.
     *
     * @throws IllegalArgumentException when the body is not a version-1 inbound record; such a record
     *                                  is poison and belongs in the DLQ
     */
    public InboundMessage read(String body) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("inbound record is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("inbound record is not a JSON object");
        }
        int version = node.path("v").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException("inbound record version " + version + " is not supported (expected "
                    + VERSION + ")");
        }
        JsonNode raw = node.get("raw");
        return new InboundMessage(
                text(node, "wamid"),
                text(node, "customerKey"),
                text(node, "waId"),
                text(node, "bsuid"),
                text(node, "phoneNumberId"),
                text(node, "displayPhoneNumber"),
                text(node, "profileName"),
                Instant.ofEpochSecond(node.path("sentAt").asLong()),
                text(node, "type"),
                text(node, "text"),
                text(node, "replyId"),
                text(node, "replyTitle"),
                text(node, "contextId"),
                text(node, "contextFrom"),
                node.path("forwarded").asBoolean(false),
                raw instanceof ObjectNode o ? o : null);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
