package io.playloop.whatsapp.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes an {@link OutboundMessage} as the JSON body of {@code POST /{phone-number-id}/messages},
 * exactly in the shapes Meta documents (text with {@code preview_url}; interactive {@code button} with
 * reply buttons; interactive {@code list} with sections and rows; optional text header and footer;
 * {@code template} with its name, language and body parameters).
 *
 * <p>Non-ASCII text is written as UTF-8, not escaped, so Arabic and emoji reach Meta byte for byte
 * (Jackson would otherwise write an emoji's surrogate pair as two backslash-u escapes).
 */
public final class GraphPayloads {
    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    public GraphPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
        this.writer = mapper.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    }

    /** The request body as a JSON tree. */
    public ObjectNode toJson(OutboundMessage message) {
        ObjectNode root = mapper.createObjectNode();
        root.put("messaging_product", "whatsapp");
        root.put("recipient_type", "individual");
        root.put("to", message.to());
        if (message instanceof TextMessage t) {
            root.put("type", "text");
            ObjectNode text = root.putObject("text");
            text.put("preview_url", t.previewUrl());
            text.put("body", t.body());
        } else if (message instanceof ButtonMessage b) {
            root.put("type", "interactive");
            ObjectNode interactive = interactive(root, "button", b.header(), b.body(), b.footer());
            ArrayNode buttons = interactive.putObject("action").putArray("buttons");
            for (ButtonMessage.Button button : b.buttons()) {
                ObjectNode node = buttons.addObject();
                node.put("type", "reply");
                ObjectNode reply = node.putObject("reply");
                reply.put("id", button.id());
                reply.put("title", button.title());
            }
        } else if (message instanceof ListMessage l) {
            root.put("type", "interactive");
            ObjectNode interactive = interactive(root, "list", l.header(), l.body(), l.footer());
            ObjectNode action = interactive.putObject("action");
            action.put("button", l.buttonLabel());
            ArrayNode sections = action.putArray("sections");
            for (ListMessage.Section section : l.sections()) {
                ObjectNode s = sections.addObject();
                s.put("title", section.title());
                ArrayNode rows = s.putArray("rows");
                for (ListMessage.Row row : section.rows()) {
                    ObjectNode r = rows.addObject();
                    r.put("id", row.id());
                    r.put("title", row.title());
                    if (row.description() != null) {
                        r.put("description", row.description());
                    }
                }
            }
        } else if (message instanceof TemplateMessage t) {
            root.put("type", "template");
            ObjectNode template = root.putObject("template");
            template.put("name", t.name());
            template.putObject("language").put("code", t.languageCode());
            if (!t.bodyParameters().isEmpty()) {
                ObjectNode body = template.putArray("components").addObject();
                body.put("type", "body");
                ArrayNode parameters = body.putArray("parameters");
                for (String text : t.bodyParameters()) {
                    ObjectNode parameter = parameters.addObject();
                    parameter.put("type", "text");
                    parameter.put("text", text);
                }
            }
        } else {
            throw new IllegalArgumentException("unsupported outbound message " + message.getClass().getName());
        }
        return root;
    }

    /** The request body as UTF-8 bytes. */
    public byte[] toBytes(OutboundMessage message) {
        try {
            return writer.writeValueAsBytes(toJson(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an outbound message", e);
        }
    }

    private static ObjectNode interactive(ObjectNode root, String type, String header, String body, String footer) {
        ObjectNode interactive = root.putObject("interactive");
        interactive.put("type", type);
        if (header != null) {
            ObjectNode h = interactive.putObject("header");
            h.put("type", "text");
            h.put("text", header);
        }
        interactive.putObject("body").put("text", body);
        if (footer != null) {
            interactive.putObject("footer").put("text", footer);
        }
        return interactive;
    }
}
