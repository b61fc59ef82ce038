package io.playloop.crm;

/**
 * What happened to one contact at one sink.
 *
 * @param sink       the sink's name
 * @param status     delivered, up to date, or failed (retryable or not)
 * @param attempts   pushes made in this call (0 when skipped)
 * @param httpStatus the last HTTP status seen, 0 when none (no answer, or no failure)
 * @param detail     why it failed, or null
 */
public record SinkOutcome(String sink, Status status, int attempts, int httpStatus, String detail) {

    /** The four ends of a sync at one sink. */
    public enum Status {
        /** The sink took this version in this call. */
        DELIVERED,
        /** The sink already had this or a newer version (per the {@link DeliveryLog}): not pushed again. */
        UP_TO_DATE,
        /** Not delivered, but a later call can succeed: redeliver the record. */
        FAILED_RETRYABLE,
        /** Not delivered and retrying will not help (configuration, data): log it, do not redeliver. */
        FAILED_PERMANENT
    }

    /** Whether the sink has this version now. */
    public boolean succeeded() {
        return status == Status.DELIVERED || status == Status.UP_TO_DATE;
    }
}
