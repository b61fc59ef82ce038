package io.playloop.batch;

/**
 * Thrown by a record's work that did nothing wrong but could not finish yet (a coupon pool to refill, a CRM to come
 * back): the record is retried later like any {@link FailureKind#TRANSIENT} failure.
 */
public final class RetryLaterException extends RuntimeException {
    public RetryLaterException(String why) {
        super(why, null, false, false);
    }
}
