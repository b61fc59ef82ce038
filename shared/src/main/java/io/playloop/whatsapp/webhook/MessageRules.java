package io.playloop.whatsapp.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.sqs.SqsCharacters;
import java.util.Iterator;
import java.util.Map;

/**
 * What the door lets through: the rules every field of a customer message must meet before it is queued. A field
 * that becomes a table key, a queue id or a number must be well formed, or the message is refused
 * ({@link RefuseReason}); free text is cleaned of the characters SQS refuses and cut to a length the table holds.
 *
 * <p>Limits, from Meta's formats and the table's: a wamid is base64 with dots and {@code =} (about 60 characters
 * today), so 256 printable ASCII characters leave room while keeping every key built from it
 * ({@code INBOUND#<wamid>}, {@code CONSENT#<instant>#<wamid>}, under DynamoDB's 2,048 and 1,024 bytes) small; a
 * wa_id is a phone number's digits (E.164: at most 15); a BSUID is at most 256 alphanumeric characters with dots
 * ({@code US.13491208655302741918}, {@code user.9373…}); a button id is at most 256 characters and a list row id
 * 200 (longer ones cannot be ours: dropped, not refused).
 */
public final class MessageRules {
    public static final int MAX_WAMID = 256;
    public static final int MAX_WA_ID_DIGITS = 20;
    public static final int MAX_USER_ID = 256;
    public static final int MAX_TYPE = 64;
    public static final int MAX_REPLY_ID = 256;
    /** A WhatsApp profile name is short; the table keeps it on the profile item and in replies. */
    public static final int MAX_PROFILE_NAME = 256;
    /** Button and row titles are at most 24 characters when we send them; anything near this is not ours. */
    public static final int MAX_TITLE = 256;
    /** Business number ids and display numbers are short digits. */
    public static final int MAX_NUMBER = 64;

    private MessageRules() {
    }

    /** A wamid: 1 to 256 printable ASCII characters, no space. */
    public static boolean isWamid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_WAMID && printableAscii(value);
    }

    /** A wa_id (after {@code +} is stripped): 1 to 20 ASCII digits. */
    public static boolean isWaId(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_WA_ID_DIGITS) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A business-scoped user id: 1 to 256 of {@code [A-Za-z0-9._-]}. */
    public static boolean isUserId(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_USER_ID) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A message type: 1 to 64 of {@code [a-z_]} ({@code text}, {@code request_welcome}, ...). */
    public static boolean isType(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_TYPE) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** A tapped button's or row's id as we could have set it: 1 to 256 printable ASCII characters; else null. */
    public static String replyIdOrNull(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_REPLY_ID && printableAscii(value)
                ? value : null;
    }

    /**
     * Free text as the queue and the table take it: characters SQS refuses become U+FFFD, and the text is cut after
     * {@code maxCodePoints} (never inside a surrogate pair). Null stays null.
     */
    public static String text(String value, int maxCodePoints) {
        String clean = SqsCharacters.clean(value);
        if (clean == null || clean.length() <= maxCodePoints) {
            return clean;
        }
        int codePoints = clean.codePointCount(0, clean.length());
        return codePoints <= maxCodePoints ? clean : clean.substring(0, clean.offsetByCodePoints(0, maxCodePoints));
    }

    /** Free text with no length limit of its own (a message's text: the queue record's size rules cut it). */
    public static String text(String value) {
        return SqsCharacters.clean(value);
    }

    /**
     * The original message object with every string in it (field names too) cleaned of the characters SQS refuses;
     * the same object when there is none (the usual case costs one walk, no copy).
     */
    public static ObjectNode raw(ObjectNode raw) {
        return clean(raw) ? raw : (ObjectNode) cleanCopy(raw);
    }

    private static boolean clean(JsonNode node) {
        if (node.isTextual()) {
            return SqsCharacters.acceptable(node.textValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!SqsCharacters.acceptable(field.getKey()) || !clean(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!clean(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static JsonNode cleanCopy(JsonNode node) {
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(SqsCharacters.clean(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> copy.set(SqsCharacters.clean(f.getKey()), cleanCopy(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> copy.add(cleanCopy(element)));
            return copy;
        }
        return node;
    }

    private static boolean printableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '!' || c > '~') {
                return false;
            }
        }
        return true;
    }
}
