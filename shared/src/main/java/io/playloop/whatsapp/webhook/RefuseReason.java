package io.playloop.whatsapp.webhook;

import java.util.Locale;

/**
 * Why a customer message was refused at the door: it is acknowledged (Meta gets its 200 and stops redelivering a
 * body that would be refused again), never queued, and counted in the ingest log under {@link #code()}. Unlike an
 * {@link IgnoreReason}, a refusal is bad input: a real message from WhatsApp never meets one.
 */
public enum RefuseReason {
    /** The message id (wamid) is missing, blank, too long or has characters outside printable ASCII. */
    INVALID_WAMID,
    /** {@code from} or {@code wa_id} is not 1 to 20 digits. */
    INVALID_WA_ID,
    /** The business-scoped user id is not 1 to 256 of {@code [A-Za-z0-9._-]}. */
    INVALID_USER_ID,
    /** {@code type} is blank, too long or not lower-case letters and underscores. */
    INVALID_TYPE,
    /** {@code timestamp} is missing, not a positive number of seconds, or out of range. */
    INVALID_TIMESTAMP,
    /** {@code timestamp} is more than {@link MessageWindow#FUTURE_TOLERANCE} ahead of our clock. */
    FUTURE_TIMESTAMP,
    /** SQS refused the record for its contents (InvalidMessageContents, MessageTooLong, ...). */
    SQS_REFUSED;

    /** The reason as it appears in logs and in the answer: {@code invalid_wamid}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
