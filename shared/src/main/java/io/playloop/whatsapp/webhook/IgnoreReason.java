package io.playloop.whatsapp.webhook;

import java.util.Locale;

/**
 * Why part of a webhook produced no inbound message. Every such part is acknowledged (Meta gets its
 * 200 and stops retrying) and counted in the ingest log under {@link #code()}.
 */
public enum IgnoreReason {
    /** {@code object} is not {@code whatsapp_business_account} (another product of the same Meta app). */
    NOT_WHATSAPP,
    /** A sample from Meta's dashboard ("Test" button): {@code entry.id "0"}, phone-number id 123456123. */
    SAMPLE_PAYLOAD,
    /** A change for a business phone-number id this deployment does not serve. */
    UNKNOWN_PHONE_NUMBER_ID,
    /** A status of a message we sent (sent, delivered, read, failed); handled by a later issue. */
    STATUS,
    /** A system/app/account level error in {@code value.errors}. */
    VALUE_ERROR,
    /** A change of a field other than {@code messages} (user_preferences, template updates, ...). */
    OTHER_FIELD,
    /** A coexistence echo ({@code smb_message_echoes}): the business typed it, not the customer. */
    MESSAGE_ECHO,
    /** A message in a WhatsApp group ({@code group_id}): not one customer talking to us. */
    GROUP_MESSAGE,
    /** A {@code system} message (number or BSUID change); migrating the customer is a later issue. */
    SYSTEM_MESSAGE,
    /** A message with neither a BSUID nor a wa_id: never stored under an empty key. */
    NO_CUSTOMER_KEY,
    /** A change, status or message missing what every real one has (an id, an object shape). */
    INVALID_UPDATE,
    /**
     * A message sent longer ago than the receipts can vouch for ({@link MessageWindow#STALE_AFTER}): Meta stopped
     * redelivering it, so this copy is a replay; applying it could apply it twice.
     */
    STALE;

    /** The reason as it appears in logs: {@code no_customer_key}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
