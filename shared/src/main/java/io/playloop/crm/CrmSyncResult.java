package io.playloop.crm;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one {@link CrmSync#sync} per sink. The caller fails the queue record when
 * {@link #shouldRedeliver()}: SQS brings it back after the visibility timeout, and sinks that already
 * took it are skipped when the {@link DeliveryLog} remembers them.
 *
 * @param deliveryId the contact's customer key and version
 * @param outcomes   one per enabled sink, in configuration order
 */
public record CrmSyncResult(String deliveryId, List<SinkOutcome> outcomes) {

    public CrmSyncResult {
        outcomes = List.copyOf(outcomes);
    }

    /** True when a sink failed in a way a later attempt can fix: report the record as a batch failure. */
    public boolean shouldRedeliver() {
        return outcomes.stream().anyMatch(o -> o.status() == SinkOutcome.Status.FAILED_RETRYABLE);
    }

    /** True when every sink has this version. */
    public boolean allSucceeded() {
        return outcomes.stream().allMatch(SinkOutcome::succeeded);
    }

    /** The outcome at the named sink. */
    public Optional<SinkOutcome> outcome(String sink) {
        return outcomes.stream().filter(o -> o.sink().equals(sink)).findFirst();
    }
}
