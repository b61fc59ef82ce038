package io.playloop.batch;

import java.time.Instant;

/**
 * Where {@link PartialBatch} sets a record aside, alone and with its reason, so that its group moves on.
 * Implemented over SQS by {@link io.playloop.sqs.SqsDeadLetterQueue}.
 */
public interface DeadLetterQueue {
    /** No dead-letter queue: every park fails, so the record stays on its queue (SQS's own redrive is the backstop). */
    DeadLetterQueue NONE = (record, why) -> {
        throw new IllegalStateException("no dead-letter queue is configured for " + record.queue());
    };

    /**
     * Puts a copy of the record on the dead-letter queue; once this returns, the record may be deleted from its own.
     *
     * @throws RuntimeException when the copy was not taken: the record must stay where it is
     */
    void park(QueueRecord record, Why why);

    /**
     * Why a record was set aside, as its dead-letter copy's message attributes say.
     *
     * @param reason        {@link Reason}
     * @param errorType     the last failure's log-safe name ({@link FailureKinds#errorType})
     * @param attempts      the record's own failures
     * @param firstFailedAt when it first failed
     */
    record Why(Reason reason, String errorType, int attempts, Instant firstFailedAt) {
    }

    /** The reasons a record is set aside. */
    enum Reason {
        /** The body is not a record of this queue. */
        UNREADABLE,
        /** It failed in a way that retrying does not fix, {@link RetryBudget#permanentAttempts} times. */
        PERMANENT_FAILURE,
        /** It kept failing for reasons time may fix, {@link RetryBudget#attempts} times. */
        RETRIES_EXHAUSTED;

        /** The reason as it appears in logs and attributes: {@code retries_exhausted}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
