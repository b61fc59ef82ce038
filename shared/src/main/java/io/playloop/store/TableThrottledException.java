package io.playloop.store;

/**
 * DynamoDB kept throttling a request after the SDK's own retries and ours (keys left unprocessed by BatchGetItem):
 * the work is retried later, it is not wrong.
 */
public final class TableThrottledException extends IllegalStateException {
    public TableThrottledException(String message) {
        super(message);
    }
}
