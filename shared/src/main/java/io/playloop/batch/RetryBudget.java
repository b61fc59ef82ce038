package io.playloop.batch;

/**
 * How many times a record may fail by itself before {@link PartialBatch} sets it aside in the dead-letter queue.
 *
 * @param permanentAttempts failures of kind {@link FailureKind#PERMANENT} (a few, in case the cause was not the
 *                          record after all)
 * @param attempts          failures of any kind, transient included: the patience for an outage, in receives
 *                          (each one visibility timeout apart); it must stay well under the queue's
 *                          maxReceiveCount, which also counts the receives a record spends waiting behind others
 */
public record RetryBudget(int permanentAttempts, int attempts) {
    public RetryBudget {
        if (permanentAttempts < 1 || attempts < permanentAttempts) {
            throw new IllegalArgumentException("a retry budget needs 1 <= permanentAttempts <= attempts");
        }
    }
}
