package io.playloop.whatsapp.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One customer message taken out of a Meta webhook: the body of one record on the inbound FIFO queue.
 *
 * <p>Ingest fills it from {@code entry[].changes[].value.messages[]} and the matching
 * {@code contacts[]} entry; the game function reads it back with {@link InboundMessageCodec}. The
 * original message object travels along in {@code raw} so later rules (referrals, orders, media) can
 * read fields this record does not lift out.
 *
 * @param wamid              the message id; the key of exactly-once processing
 * @param customerKey        BSUID ({@code from_user_id}/{@code contacts[].user_id}) when Meta sends one,
 *                           else {@code wa_id}; never blank
 * @param waId               the customer's WhatsApp id (phone digits without '+'), null when Meta left it empty
 * @param bsuid              the business-scoped user id, or null
 * @param phoneNumberId      the business phone-number id that received the message
 * @param displayPhoneNumber the business number as displayed (for wa.me links)
 * @param profileName        the customer's self-chosen WhatsApp name, or null
 * @param sentAt             Meta's {@code timestamp} (second resolution)
 * @param type               Meta's message type: text, interactive, button, image, ...
 * @param text               what the customer typed or the caption/label; null when there is none
 * @param replyId            for a tapped button or list row, the id PlayLoop set (untrusted input); else null
 * @param replyTitle         for a tapped button or list row, its title; else null
 * @param contextId          {@code context.id}: the wamid of our message this replies to, or null
 * @param contextFrom        {@code context.from}, or null
 * @param forwarded          true when WhatsApp marks the message forwarded
 * @param raw                the original {@code messages[]} object, unchanged
 */
public record InboundMessage(
        String wamid,
        String customerKey,
        String waId,
        String bsuid,
        String phoneNumberId,
        String displayPhoneNumber,
        String profileName,
        Instant sentAt,
        String type,
        String text,
        String replyId,
        String replyTitle,
        String contextId,
        String contextFrom,
        boolean forwarded,
        ObjectNode raw) {

    public InboundMessage {
        requireText(wamid, "wamid");
        requireText(customerKey, "customerKey");
        Objects.requireNonNull(sentAt, "sentAt");
        requireText(type, "type");
    }

    /** True when the customer tapped one of our buttons or list rows. */
    public boolean isReply() {
        return replyId != null;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
