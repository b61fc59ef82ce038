package io.playloop.batch;

import io.playloop.logging.Masking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partial-batch loop of every SQS consumer (ReportBatchItemFailures): each record is processed or explicitly
 * set aside, one by one, and a failing record never takes its group's later records down with it.
 *
 * <ul>
 *   <li>Order: once a record of a group fails and stays to be retried, the group's later records in the batch are
 *       reported failed without being processed, so they keep their place behind it. They are innocent: their own
 *       retry budget is not touched.</li>
 *   <li>Each record has its own budget ({@link RetryBudget}), counted in {@link RecordFailures} only when the record
 *       itself was processed and failed. SQS's receive count cannot be used: it also climbs while a record waits
 *       behind another, which is how innocent records used to reach the dead-letter queue unprocessed.</li>
 *   <li>A record that used its budget (or cannot be read at all) is parked: copied to the dead-letter queue with its
 *       reason, then reported as done so its group moves on (a STOP behind a poison record is still honoured). If
 *       the copy fails, the record stays failed on its queue: it is never dropped.</li>
 *   <li>Time guard: when less than the margin is left before the function's timeout, the remaining records are
 *       reported failed without being processed or counted, so a slow batch never ends in a timeout that would
 *       fail (and count) the whole batch.</li>
 * </ul>
 *
 * <p>The queue's own maxReceiveCount stays as a backstop for what this loop cannot count (the table unreachable).
 */
public final class PartialBatch {
    private static final Logger LOG = LoggerFactory.getLogger(PartialBatch.class);

    private final RetryBudget budget;
    private final RecordFailures failures;
    private final DeadLetterQueue deadLetters;
    private final Clock clock;
    private final Duration timeMargin;

    /**
     * @param timeMargin the least time a record may start with: the slowest call it can make (a Graph API timeout)
     *                   plus the time to answer Lambda
     */
    public PartialBatch(RetryBudget budget, RecordFailures failures, DeadLetterQueue deadLetters, Clock clock,
                        Duration timeMargin) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeMargin = Objects.requireNonNull(timeMargin, "timeMargin");
    }

    /**
     * What became of a batch.
     *
     * @param failedIds the records to report as batch item failures (SQS brings them back)
     * @param processed records processed successfully
     * @param parked    records set aside in the dead-letter queue (reported done)
     * @param retrying  records that failed themselves and stay on the queue
     * @param waiting   records left behind a failed record of their group, not processed
     * @param deferred  records not started for lack of time, not processed
     */
    public record Report(List<String> failedIds, int processed, int parked, int retrying, int waiting, int deferred) {
        public Report {
            failedIds = List.copyOf(failedIds);
        }
    }

    /**
     * Runs {@code work} on each record in order.
     *
     * @param remainingMillis the function's remaining time (Lambda's context); asked before each record
     * @param work            processes one record; returns when it is done, throws when it is not (see
     *                        {@link FailureKinds} for how the exception is read)
     */
    public Report run(List<QueueRecord> records, LongSupplier remainingMillis, Consumer<QueueRecord> work) {
        List<String> failed = new ArrayList<>();
        Set<String> blockedGroups = new HashSet<>();
        int processed = 0;
        int parked = 0;
        int retrying = 0;
        int waiting = 0;
        int deferred = 0;
        for (int i = 0; i < records.size(); i++) {
            QueueRecord record = records.get(i);
            if (record.group() != null && blockedGroups.contains(record.group())) {
                failed.add(record.id());
                waiting++;
                continue;
            }
            if (remainingMillis.getAsLong() < timeMargin.toMillis()) {
                int left = records.size() - i;
                records.subList(i, records.size()).forEach(r -> failed.add(r.id()));
                deferred += left;
                LOG.atWarn().addKeyValue("deferred", left).addKeyValue("remainingMs", remainingMillis.getAsLong())
                        .log("not enough time left for the rest of the batch; those records come back unprocessed");
                break;
            }
            try {
                work.accept(record);
                processed++;
            } catch (RuntimeException e) {
                if (setAside(record, e)) {
                    parked++;
                } else {
                    failed.add(record.id());
                    retrying++;
                    if (record.group() != null) {
                        blockedGroups.add(record.group());
                    }
                }
            }
        }
        return new Report(failed, processed, parked, retrying, waiting, deferred);
    }

    /** Counts the failure and parks the record when its budget is used; true when it was parked (done here). */
    private boolean setAside(QueueRecord record, RuntimeException failure) {
        FailureKind kind = FailureKinds.of(failure);
        String errorType = FailureKinds.errorType(failure);
        Instant now = clock.instant();
        if (kind == FailureKind.UNREADABLE) {
            return park(record, failure, new DeadLetterQueue.Why(DeadLetterQueue.Reason.UNREADABLE, errorType, 1, now));
        }
        RecordFailures.Count count;
        try {
            count = failures.add(record.id(), errorType, kind, now);
        } catch (RuntimeException e) {
            // Not counted: the queue's maxReceiveCount is the backstop for this (e.g. the table unreachable).
            log(record, failure, kind, -1, "retried; its failure could not be counted (" + Masking.error(e) + ")");
            return false;
        }
        DeadLetterQueue.Reason reason = null;
        if (count.permanentAttempts() >= budget.permanentAttempts()) {
            reason = DeadLetterQueue.Reason.PERMANENT_FAILURE;
        } else if (count.attempts() >= budget.attempts()) {
            reason = DeadLetterQueue.Reason.RETRIES_EXHAUSTED;
        }
        if (reason == null) {
            log(record, failure, kind, count.attempts(), "retried");
            return false;
        }
        return park(record, failure, new DeadLetterQueue.Why(reason, errorType, count.attempts(),
                count.firstFailedAt() == null ? now : count.firstFailedAt()));
    }

    private boolean park(QueueRecord record, RuntimeException failure, DeadLetterQueue.Why why) {
        try {
            deadLetters.park(record, why);
        } catch (RuntimeException e) {
            log(record, failure, FailureKinds.of(failure), why.attempts(),
                    "retried; it could not be set aside in the dead-letter queue (" + Masking.error(e) + ")");
            return false;
        }
        LOG.atError().addKeyValue("sqsMessageId", record.id())
                .addKeyValue("group", Masking.phone(record.group()))
                .addKeyValue("queue", record.queue())
                .addKeyValue("reason", why.reason().code())
                .addKeyValue("errorType", why.errorType())
                .addKeyValue("error", Masking.error(failure))
                .addKeyValue("attempts", why.attempts())
                .addKeyValue("receiveCount", record.receiveCount())
                .log("record set aside in the dead-letter queue; its customer's later records go on");
        return true;
    }

    private static void log(QueueRecord record, RuntimeException failure, FailureKind kind, int attempts,
                            String decision) {
        LOG.atWarn().addKeyValue("sqsMessageId", record.id())
                .addKeyValue("group", Masking.phone(record.group()))
                .addKeyValue("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .addKeyValue("errorType", FailureKinds.errorType(failure))
                .addKeyValue("error", Masking.error(failure))
                .addKeyValue("attempts", attempts)
                .addKeyValue("receiveCount", record.receiveCount())
                .log("record failed; " + decision);
    }
}
