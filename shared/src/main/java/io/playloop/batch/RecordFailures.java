package io.playloop.batch;

import java.time.Instant;

/**
 * Each record's own failure count, kept outside the queue: SQS's receive count also goes up while a record waits
 * behind another record of its group, so it cannot tell a failing record from an innocent one. Written only when a
 * record failed (nothing on the happy path). Implemented over the table by
 * {@link io.playloop.store.DynamoRecordFailures}.
 */
public interface RecordFailures {
    /**
     * Counts one failure of the record itself and answers its count so far (this one included).
     *
     * @param recordId  the SQS message id (stable across receives)
     * @param errorType a log-safe name of the failure ({@link FailureKinds#errorType})
     * @param kind      {@link FailureKind#PERMANENT} failures are also counted apart
     * @param at        when it failed
     */
    Count add(String recordId, String errorType, FailureKind kind, Instant at);

    /**
     * A record's failures so far.
     *
     * @param attempts          failures of any kind
     * @param permanentAttempts failures of kind {@link FailureKind#PERMANENT}
     * @param firstFailedAt     when it first failed
     * @param firstErrorType    what it first failed with
     */
    record Count(int attempts, int permanentAttempts, Instant firstFailedAt, String firstErrorType) {
    }
}
