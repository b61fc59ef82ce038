package io.playloop.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The SQS side of {@link PartialBatch}, the same for every queue consumer: a Lambda SQS event in, its records through
 * the loop, the batch item failures out (the event source mapping's {@code ReportBatchItemFailures}).
 */
public final class SqsBatchLoop {
    private final PartialBatch batch;

    public SqsBatchLoop(PartialBatch batch) {
        this.batch = Objects.requireNonNull(batch, "batch");
    }

    /**
     * What one event became.
     *
     * @param records how many records the event held
     * @param report  what the loop did with them
     */
    public record Result(int records, PartialBatch.Report report) {
        /** The answer to Lambda: the records SQS must bring back. */
        public SQSBatchResponse response() {
            return SQSBatchResponse.builder().withBatchItemFailures(report.failedIds().stream()
                    .map(SQSBatchResponse.BatchItemFailure::new).toList()).build();
        }
    }

    /**
     * Runs {@code work} on each record of the event, in order, through the partial-batch loop.
     *
     * @param context Lambda's context, for the time left; null (a direct call: a test, a tool) means no limit
     * @param work    processes one record; returns when it is done, throws when it is not ({@link FailureKinds})
     */
    public Result run(SQSEvent event, Context context, Consumer<QueueRecord> work) {
        List<QueueRecord> records = event.getRecords() == null ? List.of() : event.getRecords().stream()
                .map(m -> QueueRecord.of(m.getMessageId(), m.getBody(), m.getAttributes(), m.getEventSourceArn()))
                .toList();
        PartialBatch.Report report = batch.run(records,
                context == null ? () -> Long.MAX_VALUE : context::getRemainingTimeInMillis, work);
        return new Result(records.size(), report);
    }
}
