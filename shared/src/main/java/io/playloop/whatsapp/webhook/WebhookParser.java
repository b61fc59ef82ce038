package io.playloop.whatsapp.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.whatsapp.inbound.InboundMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a Meta webhook body into the customer messages to queue and the parts to acknowledge only.
 *
 * <p>Meta batches (up to 1,000 updates, several entries and changes in one POST), so every
 * {@code entry[].changes[].value.messages[]} is visited. Each message is matched to its sender in
 * {@code contacts[]} by id ({@code wa_id == from} or {@code user_id == from_user_id}), never by array
 * index. The customer key is the business-scoped user id (BSUID) when Meta sends one, else the wa_id;
 * a message with neither is dropped with a reason, never keyed by an empty string.
 *
 * <p>Parsing is tolerant: optional fields may be missing (a location pin without a name, a reaction
 * without an emoji), unknown message types pass through with their type, unknown fields are kept in
 * {@link InboundMessage#raw()}. Thread-safe and reusable.
 */
public final class WebhookParser {
    /** {@code object} of every WhatsApp webhook. */
    public static final String WHATSAPP_OBJECT = "whatsapp_business_account";

    /** Ids Meta's dashboard puts in its sample ("Test") payloads; no real WABA or number has them. */
    private static final String SAMPLE_ENTRY_ID = "0";
    private static final String SAMPLE_PHONE_NUMBER_ID = "123456123";
    private static final Set<String> ECHO_FIELDS = Set.of("smb_message_echoes", "message_echoes");
    private static final Set<String> CAPTIONED_MEDIA = Set.of("image", "video", "document");

    private final String expectedPhoneNumberId;
    private final ObjectReader reader;

    /** A parser that accepts changes for every business phone-number id. */
    public WebhookParser() {
        this(null);
    }

    /**
     * A parser for one business number.
     *
     * @param expectedPhoneNumberId changes whose {@code metadata.phone_number_id} differs are ignored
     *                              ({@link IgnoreReason#UNKNOWN_PHONE_NUMBER_ID}); null accepts all
     */
    public WebhookParser(String expectedPhoneNumberId) {
        this.expectedPhoneNumberId = expectedPhoneNumberId == null || expectedPhoneNumberId.isBlank()
                ? null : expectedPhoneNumberId.strip();
        // Exact decimals keep coordinates and prices in raw as Meta wrote them; trailing tokens after
        // the object mean the body was cut or concatenated, which is not a webhook.
        this.reader = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .reader();
    }

    /**
     * Parses a webhook body.
     *
     * @param body the raw body bytes (UTF-8 JSON)
     * @throws MalformedWebhookException when the body is not JSON, not a JSON object, or has no
     *                                   {@code object} field
     */
    public ParsedWebhook parse(byte[] body) {
        JsonNode root = readTree(body);
        JsonNode object = root.get("object");
        if (object == null || !object.isTextual() || object.asText().isBlank()) {
            throw new MalformedWebhookException("webhook has no \"object\" field: not a Meta webhook");
        }
        Parts parts = new Parts();
        if (!WHATSAPP_OBJECT.equals(object.asText())) {
            parts.ignored.add(new Ignored(IgnoreReason.NOT_WHATSAPP, MessageRules.text(object.asText(), 64)));
            return parts.parsed();
        }
        for (JsonNode entry : elements(root.get("entry"))) {
            boolean sampleEntry = SAMPLE_ENTRY_ID.equals(text(entry, "id"));
            for (JsonNode change : elements(entry.get("changes"))) {
                parseChange(change, sampleEntry, parts);
            }
        }
        return parts.parsed();
    }

    private JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedWebhookException("webhook body is empty");
        }
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedWebhookException("webhook body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedWebhookException("webhook body cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookException("webhook body is not a JSON object");
        }
        return root;
    }

    /** What a webhook is being split into. */
    private static final class Parts {
        final List<InboundMessage> messages = new ArrayList<>();
        final List<Ignored> ignored = new ArrayList<>();
        final List<DeliveryFailure> failures = new ArrayList<>();
        final List<Refused> refused = new ArrayList<>();

        ParsedWebhook parsed() {
            return new ParsedWebhook(messages, ignored, failures, refused);
        }
    }

    private void parseChange(JsonNode change, boolean sampleEntry, Parts parts) {
        List<Ignored> ignored = parts.ignored;
        if (!change.isObject()) {
            ignored.add(new Ignored(IgnoreReason.INVALID_UPDATE, "change is not an object"));
            return;
        }
        String field = text(change, "field");
        JsonNode value = change.get("value");
        if (!"messages".equals(field)) {
            IgnoreReason reason = field != null && ECHO_FIELDS.contains(field)
                    ? IgnoreReason.MESSAGE_ECHO : IgnoreReason.OTHER_FIELD;
            ignored.add(new Ignored(reason, field == null ? "(no field)" : MessageRules.text(field, 64)));
            return;
        }
        if (value == null || !value.isObject()) {
            ignored.add(new Ignored(IgnoreReason.INVALID_UPDATE, "messages change without a value object"));
            return;
        }
        JsonNode metadata = value.path("metadata");
        String phoneNumberId = text(metadata, "phone_number_id");
        if (sampleEntry || SAMPLE_PHONE_NUMBER_ID.equals(phoneNumberId)) {
            ignoreWholeChange(value, IgnoreReason.SAMPLE_PAYLOAD, "dashboard sample", ignored);
            return;
        }
        if (expectedPhoneNumberId != null && !expectedPhoneNumberId.equals(phoneNumberId)) {
            ignoreWholeChange(value, IgnoreReason.UNKNOWN_PHONE_NUMBER_ID,
                    phoneNumberId == null ? "(none)" : MessageRules.text(phoneNumberId, MessageRules.MAX_NUMBER),
                    ignored);
            return;
        }
        for (JsonNode status : elements(value.get("statuses"))) {
            String wamid = text(status, "id");
            Instant at = epochSeconds(status.get("timestamp"));
            String state = MessageRules.text(text(status, "status"), 32);
            if ("failed".equals(state) && MessageRules.isWamid(wamid) && at != null) {
                JsonNode error = elements(status.get("errors")).stream().findFirst().orElse(null);
                String recipient = withoutPlus(text(status, "recipient_id"));
                parts.failures.add(new DeliveryFailure(wamid, MessageRules.isWaId(recipient) ? recipient : null,
                        error == null ? 0 : error.path("code").asInt(0), at));
            } else {
                // A failed status whose id could not be ours (its id names a key of the table) is not looked up.
                ignored.add(new Ignored(IgnoreReason.STATUS, state));
            }
        }
        for (JsonNode error : elements(value.get("errors"))) {
            ignored.add(new Ignored(IgnoreReason.VALUE_ERROR, MessageRules.text(text(error, "code"), 32)));
        }
        List<JsonNode> contacts = elements(value.get("contacts"));
        String displayPhoneNumber = MessageRules.text(text(metadata, "display_phone_number"), MessageRules.MAX_NUMBER);
        String businessNumberId = MessageRules.text(phoneNumberId, MessageRules.MAX_NUMBER);
        for (JsonNode message : elements(value.get("messages"))) {
            parseMessage(message, contacts, businessNumberId, displayPhoneNumber, parts);
        }
    }

    /** Ignores every update of a change, one count each, so the log says how much was dropped. */
    private static void ignoreWholeChange(JsonNode value, IgnoreReason reason, String detail, List<Ignored> ignored) {
        int updates = elements(value.get("messages")).size() + elements(value.get("statuses")).size()
                + elements(value.get("errors")).size();
        for (int i = 0; i < Math.max(1, updates); i++) {
            ignored.add(new Ignored(reason, detail));
        }
    }

    /**
     * One message: refused when a field that becomes a key, an id or a time is malformed ({@link MessageRules}),
     * queued with its free text cleaned otherwise. Never throws: one bad message never stops the others.
     */
    private static void parseMessage(JsonNode message, List<JsonNode> contacts, String phoneNumberId,
                                     String displayPhoneNumber, Parts parts) {
        if (!(message instanceof ObjectNode raw)) {
            parts.ignored.add(new Ignored(IgnoreReason.INVALID_UPDATE, "message is not an object"));
            return;
        }
        String wamid = text(raw, "id");
        String from = withoutPlus(text(raw, "from"));
        if (!MessageRules.isWamid(wamid)) {
            parts.refused.add(Refused.of(RefuseReason.INVALID_WAMID, wamid, from));
            return;
        }
        if (text(raw, "group_id") != null) {
            parts.ignored.add(new Ignored(IgnoreReason.GROUP_MESSAGE, wamid));
            return;
        }
        String type = text(raw, "type");
        if ("system".equals(type)) {
            parts.ignored.add(new Ignored(IgnoreReason.SYSTEM_MESSAGE, wamid));
            return;
        }
        if (type != null && !MessageRules.isType(type)) {
            parts.refused.add(Refused.of(RefuseReason.INVALID_TYPE, wamid, from));
            return;
        }
        Instant sentAt = epochSeconds(raw.get("timestamp"));
        if (sentAt == null) {
            parts.refused.add(Refused.of(RefuseReason.INVALID_TIMESTAMP, wamid, from));
            return;
        }

        String fromUserId = text(raw, "from_user_id");
        JsonNode contact = senderOf(contacts, from, fromUserId);
        String bsuid = fromUserId != null ? fromUserId : text(contact, "user_id");
        String contactWaId = withoutPlus(text(contact, "wa_id"));
        String waId = contactWaId != null ? contactWaId : from;
        if (from != null && !MessageRules.isWaId(from) || waId != null && !MessageRules.isWaId(waId)) {
            parts.refused.add(Refused.of(RefuseReason.INVALID_WA_ID, wamid, from));
            return;
        }
        if (bsuid != null && !MessageRules.isUserId(bsuid)) {
            parts.refused.add(Refused.of(RefuseReason.INVALID_USER_ID, wamid, waId));
            return;
        }
        String customerKey = bsuid != null ? bsuid : waId;
        if (customerKey == null) {
            parts.ignored.add(new Ignored(IgnoreReason.NO_CUSTOMER_KEY, wamid));
            return;
        }

        Content content = Content.of(type, raw);
        JsonNode context = raw.path("context");
        boolean forwarded = context.path("forwarded").asBoolean(false)
                || context.path("frequently_forwarded").asBoolean(false);
        String contextId = text(context, "id");
        String contextFrom = withoutPlus(text(context, "from"));
        parts.messages.add(new InboundMessage(
                wamid,
                customerKey,
                waId,
                bsuid,
                phoneNumberId,
                displayPhoneNumber,
                MessageRules.text(text(contact == null ? null : contact.get("profile"), "name"),
                        MessageRules.MAX_PROFILE_NAME),
                sentAt,
                type == null ? "unknown" : type,
                MessageRules.text(content.text()),
                MessageRules.replyIdOrNull(content.replyId()),
                MessageRules.text(content.replyTitle(), MessageRules.MAX_TITLE),
                MessageRules.isWamid(contextId) ? contextId : null,
                MessageRules.isWaId(contextFrom) ? contextFrom : null,
                forwarded,
                MessageRules.raw(raw)));
    }

    /** The contacts[] entry that sent the message: same wa_id or same BSUID; null when none matches. */
    private static JsonNode senderOf(List<JsonNode> contacts, String from, String fromUserId) {
        for (JsonNode c : contacts) {
            if (from != null && from.equals(withoutPlus(text(c, "wa_id")))) {
                return c;
            }
            if (fromUserId != null && fromUserId.equals(text(c, "user_id"))) {
                return c;
            }
        }
        return null;
    }

    /** The text, tapped reply id and reply title a message carries, by type. */
    private record Content(String text, String replyId, String replyTitle) {
        static final Content NONE = new Content(null, null, null);

        static Content of(String type, JsonNode m) {
            if (type == null) {
                return NONE;
            }
            if (type.equals("text")) {
                return new Content(rawText(m.path("text"), "body"), null, null);
            }
            if (type.equals("button")) {
                // A quick-reply button of a template: payload is what we set when sending, text its label.
                JsonNode b = m.path("button");
                return new Content(rawText(b, "text"), WebhookParser.text(b, "payload"), rawText(b, "text"));
            }
            if (type.equals("interactive")) {
                JsonNode i = m.path("interactive");
                String kind = WebhookParser.text(i, "type");
                if ("button_reply".equals(kind) || "list_reply".equals(kind)) {
                    JsonNode reply = i.path(kind);
                    return new Content(null, WebhookParser.text(reply, "id"), rawText(reply, "title"));
                }
                return NONE; // nfm_reply and newer kinds: the engine sees the type, raw keeps the rest
            }
            if (CAPTIONED_MEDIA.contains(type)) {
                return new Content(rawText(m.path(type), "caption"), null, null);
            }
            return NONE;
        }
    }

    // --- tolerant field access ---------------------------------------------------------------------

    private static List<JsonNode> elements(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    /** A scalar field as text; null when missing, null, not a scalar, or empty (Meta's "no value"). */
    private static String text(JsonNode node, String field) {
        String value = rawText(node, field);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A scalar field as text exactly as sent (an empty string stays empty); null when absent. */
    private static String rawText(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
    }

    private static String withoutPlus(String id) {
        if (id == null) {
            return null;
        }
        String stripped = id.startsWith("+") ? id.substring(1) : id;
        return stripped.isEmpty() ? null : stripped;
    }

    /** Meta's {@code timestamp}: unix seconds, a string in webhooks (a number is accepted too). */
    private static Instant epochSeconds(JsonNode timestamp) {
        if (timestamp == null || !(timestamp.isTextual() || timestamp.isIntegralNumber())) {
            return null;
        }
        try {
            long seconds = Long.parseLong(timestamp.asText().strip());
            return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }
}
