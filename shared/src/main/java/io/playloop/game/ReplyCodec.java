package io.playloop.game;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.ListMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.TemplateMessage;
import io.playloop.whatsapp.outbound.TextMessage;

/**
 * Stores a decided reply inside the inbound receipt and reads it back, so that a retry sends exactly
 * the reply that was committed with the state change instead of running the rules a second time.
 */
final class ReplyCodec {
    private static final String KIND = "kind";
    private static final String MESSAGE = "message";

    private final ObjectMapper mapper;

    ReplyCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(OutboundMessage message) {
        ObjectNode node = mapper.createObjectNode();
        node.put(KIND, kindOf(message));
        node.set(MESSAGE, mapper.valueToTree(message));
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise reply", e);
        }
    }

    OutboundMessage read(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            JsonNode message = node.get(MESSAGE);
            return switch (node.path(KIND).asText()) {
                case "text" -> mapper.treeToValue(message, TextMessage.class);
                case "buttons" -> mapper.treeToValue(message, ButtonMessage.class);
                case "list" -> mapper.treeToValue(message, ListMessage.class);
                case "template" -> mapper.treeToValue(message, TemplateMessage.class);
                default -> throw new IllegalArgumentException("unknown reply kind in receipt: " + node.path(KIND));
            };
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored reply is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static String kindOf(OutboundMessage message) {
        if (message instanceof TextMessage) {
            return "text";
        }
        if (message instanceof ButtonMessage) {
            return "buttons";
        }
        if (message instanceof TemplateMessage) {
            return "template";
        }
        return "list";
    }
}
