package io.playloop.store;

import java.time.Duration;
import java.time.Instant;

/**
 * The record that a wamid was processed: written in the same transaction as the state change it
 * caused, in the customer's partition ({@link Keys#receipt}), kept at least 8 days (Meta retries webhooks for up to
 * 7), removed by TTL afterwards (or with the customer, when they are erased).
 *
 * @param wamid       the inbound message id
 * @param customerKey whose message it was
 * @param status      {@link Status}
 * @param replyJson   the Graph API request body of the reply (kept until it is sent, so that a retry re-sends the
 *                    same reply without running the rules again; removed once sent or given up, since it names the
 *                    customer), or null when there is none
 * @param owner       the queue record (SQS message id) that committed it; a redelivery of that same
 *                    record may send the pending reply, a duplicate from another record may not
 * @param processedAt when it was committed
 * @param expiresAt   when the TTL may remove it (at least 8 days after processing)
 * @param jobsJson    reward jobs committed with the message and not yet on the rewards queue (the outbox), or
 *                    null when none are pending
 */
public record InboundReceipt(String wamid, String customerKey, Status status, String replyJson, String owner,
                             Instant processedAt, Instant expiresAt, String jobsJson) {

    /** A receipt without reward jobs. */
    public InboundReceipt(String wamid, String customerKey, Status status, String replyJson, String owner,
                          Instant processedAt, Instant expiresAt) {
        this(wamid, customerKey, status, replyJson, owner, processedAt, expiresAt, null);
    }

    /** Whether reward jobs committed with this message still wait to be sent to the rewards queue. */
    public boolean jobsPending() {
        return jobsJson != null && !jobsJson.isBlank();
    }

    /** How long a receipt lives: Meta retries a webhook for up to 7 days, plus a day of margin. */
    public static final Duration RETENTION = Duration.ofDays(8);

    /** Where the reply stands. */
    public enum Status {
        /** State committed, the reply not yet accepted by the Graph API. */
        REPLY_PENDING,
        /** The Graph API accepted the reply. */
        REPLIED,
        /** Nothing to send (window closed, or nothing to say). */
        NO_REPLY
    }
}
