package io.playloop.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.whatsapp.inbound.InboundMessage;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds inbound messages the way ingest does: writes a real-format Meta webhook (shapes from
 * reference/whatsapp.md §2.2–2.3) as JSON, reads it back and lifts the one message out of it, matching
 * the sender in {@code contacts[]} by wa_id.
 *
 * <pre>{@code Webhook.from("33612345678").name("Léa").at(T0).text("POINTS")}</pre>
 */
final class Webhook {
    static final String BUSINESS_NUMBER = "15550001111";
    static final String PHONE_NUMBER_ID = "100000000000001";
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String waId;
    private String name;
    private String bsuid;
    private Instant at = T0;
    private String wamid;
    private String contextId;

    private Webhook(String waId) {
        this.waId = waId;
    }

    /** A message from the customer with this wa_id (digits, no '+'). */
    static Webhook from(String waId) {
        return new Webhook(waId);
    }

    /** The WhatsApp profile name; absent when never set (Meta then sends a profile without name). */
    Webhook name(String profileName) {
        this.name = profileName;
        return this;
    }

    /** The business-scoped user id (2026): becomes the customer key. */
    Webhook bsuid(String userId) {
        this.bsuid = userId;
        return this;
    }

    Webhook at(Instant sentAt) {
        this.at = sentAt;
        return this;
    }

    Webhook wamid(String id) {
        this.wamid = id;
        return this;
    }

    /** The wamid of our message a tap answers ({@code context.id}). */
    Webhook replyingTo(String ourWamid) {
        this.contextId = ourWamid;
        return this;
    }

    InboundMessage text(String body) {
        ObjectNode m = message("text");
        m.putObject("text").put("body", body);
        return lift(m);
    }

    /** A tap on a reply button of an interactive message. */
    InboundMessage buttonReply(String id, String title) {
        ObjectNode m = message("interactive");
        ObjectNode interactive = m.putObject("interactive").put("type", "button_reply");
        interactive.putObject("button_reply").put("id", id).put("title", title);
        return lift(withContext(m));
    }

    /** A text typed after tapping a click-to-WhatsApp ad, with the ad's {@code referral} object. */
    InboundMessage adText(String body, String adHeadline, String adBody) {
        ObjectNode m = message("text");
        m.putObject("referral").put("source_url", "https://fb.me/3cr4Wqqkv").put("source_id", "120226305854810726")
                .put("source_type", "ad").put("body", adBody).put("headline", adHeadline).put("media_type", "image");
        m.putObject("text").put("body", body);
        return lift(m);
    }

    /** A choice in a list message. */
    InboundMessage listReply(String id, String title, String description) {
        ObjectNode m = message("interactive");
        ObjectNode interactive = m.putObject("interactive").put("type", "list_reply");
        interactive.putObject("list_reply").put("id", id).put("title", title).put("description", description);
        return lift(withContext(m));
    }

    /** A Flows answer: interactive, but no button or row. */
    InboundMessage flowReply() {
        ObjectNode m = message("interactive");
        ObjectNode interactive = m.putObject("interactive").put("type", "nfm_reply");
        interactive.putObject("nfm_reply").put("name", "flow").put("body", "Sent")
                .put("response_json", "{\"flow_token\":\"abc\"}");
        return lift(withContext(m));
    }

    /** A quick-reply button of a template: {@code button.payload} is what we set (or the label). */
    InboundMessage templateButton(String payload, String label) {
        ObjectNode m = message("button");
        m.putObject("button").put("payload", payload).put("text", label);
        return lift(withContext(m));
    }

    InboundMessage image(String caption) {
        ObjectNode m = message("image");
        ObjectNode image = m.putObject("image");
        if (caption != null) {
            image.put("caption", caption);
        }
        image.put("mime_type", "image/jpeg").put("sha256", "SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=")
                .put("id", "1003383421387256");
        return lift(m);
    }

    InboundMessage sticker() {
        ObjectNode m = message("sticker");
        m.putObject("sticker").put("mime_type", "image/webp").put("animated", false).put("id", "1003383421387257");
        return lift(m);
    }

    InboundMessage voiceNote() {
        ObjectNode m = message("audio");
        m.putObject("audio").put("mime_type", "audio/ogg; codecs=opus").put("voice", true).put("id", "1003383421387258");
        return lift(m);
    }

    /** A dropped pin: only latitude and longitude, as real captures show. */
    InboundMessage location() {
        ObjectNode m = message("location");
        m.putObject("location").put("latitude", 0.0).put("longitude", 0.0);
        return lift(m);
    }

    InboundMessage reaction(String emoji) {
        ObjectNode m = message("reaction");
        ObjectNode reaction = m.putObject("reaction")
                .put("message_id", "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=");
        if (emoji != null) {
            reaction.put("emoji", emoji);
        }
        return lift(m);
    }

    InboundMessage requestWelcome() {
        return lift(message("request_welcome"));
    }

    /** Meta's {@code unsupported} message, e.g. a poll or an edit. */
    InboundMessage unsupported(String kind) {
        ObjectNode m = message("unsupported");
        ObjectNode error = m.putArray("errors").addObject().put("code", 131051).put("title", "Message type unknown")
                .put("message", "Message type unknown");
        error.putObject("error_data").put("details", "Message type is currently not supported.");
        m.putObject("unsupported").put("type", kind);
        return lift(m);
    }

    InboundMessage system() {
        ObjectNode m = message("system");
        m.putObject("system").put("body", "User changed from " + waId + " to 12195555358")
                .put("wa_id", "12195555358").put("type", "user_changed_number");
        return lift(m);
    }

    private ObjectNode message(String type) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("from", waId);
        if (bsuid != null) {
            m.put("from_user_id", bsuid);
        }
        m.put("id", wamid != null ? wamid : "wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQ" + SEQUENCE.incrementAndGet() + "A==");
        m.put("timestamp", Long.toString(at.getEpochSecond()));
        m.put("type", type);
        return m;
    }

    private ObjectNode withContext(ObjectNode m) {
        m.putObject("context").put("from", BUSINESS_NUMBER)
                .put("id", contextId != null ? contextId : "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA");
        return m;
    }

    /** Wraps the message in Meta's envelope, serialises it, and lifts it back out as ingest does. */
    private InboundMessage lift(ObjectNode message) {
        ObjectNode envelope = MAPPER.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = envelope.putArray("entry").addObject().put("id", "102290129340398")
                .putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", BUSINESS_NUMBER).put("phone_number_id", PHONE_NUMBER_ID);
        ObjectNode contact = value.putArray("contacts").addObject();
        ObjectNode profile = contact.putObject("profile");
        if (name != null) {
            profile.put("name", name);
        }
        contact.put("wa_id", waId);
        if (bsuid != null) {
            contact.put("user_id", bsuid);
        }
        value.putArray("messages").add(message);
        try {
            return ingest(MAPPER.readTree(MAPPER.writeValueAsString(envelope)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InboundMessage ingest(JsonNode envelope) {
        JsonNode value = envelope.path("entry").get(0).path("changes").get(0).path("value");
        ObjectNode m = (ObjectNode) value.path("messages").get(0);
        String from = blankToNull(m.path("from").asText(null));
        if (from != null && from.startsWith("+")) {
            from = from.substring(1);
        }
        JsonNode sender = null;
        for (JsonNode c : value.path("contacts")) {
            if (c.path("wa_id").asText("").equals(from)) {
                sender = c;
            }
        }
        String bsuid = blankToNull(m.path("from_user_id").asText(null));
        String type = m.path("type").asText();
        JsonNode body = m.path(type);
        String text = null;
        String replyId = null;
        String replyTitle = null;
        switch (type) {
            case "text" -> text = body.path("body").asText(null);
            case "image", "video", "document" -> text = body.path("caption").asText(null);
            case "interactive" -> {
                JsonNode reply = body.path(body.path("type").asText());
                if (reply.has("id")) {
                    replyId = reply.path("id").asText();
                    replyTitle = reply.path("title").asText(null);
                }
            }
            case "button" -> {
                replyId = body.path("payload").asText(null);
                replyTitle = body.path("text").asText(null);
            }
            default -> {
            }
        }
        JsonNode context = m.path("context");
        return new InboundMessage(
                m.path("id").asText(),
                bsuid != null ? bsuid : from,
                from,
                bsuid,
                value.path("metadata").path("phone_number_id").asText(),
                value.path("metadata").path("display_phone_number").asText(),
                sender == null ? null : sender.path("profile").path("name").asText(null),
                Instant.ofEpochSecond(Long.parseLong(m.path("timestamp").asText())),
                type,
                text,
                replyId,
                replyTitle,
                context.path("id").asText(null),
                context.path("from").asText(null),
                context.path("forwarded").asBoolean(false) || context.path("frequently_forwarded").asBoolean(false),
                m);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
