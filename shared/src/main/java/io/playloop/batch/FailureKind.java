package io.playloop.batch;

/** What a record's failure says about its chances: decides how often it is tried before it is set aside. */
public enum FailureKind {
    /** The body cannot be read (not a record of this queue, a version this code does not know): set aside at once. */
    UNREADABLE,
    /**
     * The record can never succeed as it is (a validation error, an item or key over DynamoDB's limits, an
     * unexpected exception): tried a few times in case the cause was not the record, then set aside.
     */
    PERMANENT,
    /** Time may fix it (a Graph API or DynamoDB throttle or outage, a timeout, a concurrent change): retried. */
    TRANSIENT
}
