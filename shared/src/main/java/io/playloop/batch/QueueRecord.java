package io.playloop.batch;

import java.time.Instant;
import java.util.Objects;

/**
 * One queue record as {@link PartialBatch} sees it: the fields of an SQS record a consumer needs, without any
 * Lambda type, so the loop is tested with plain values.
 *
 * @param id           the SQS message id: stable across receives, so it keys the record's own failure count
 * @param group        the FIFO message group (the customer), or null on a standard queue
 * @param body         the record body
 * @param receiveCount SQS's ApproximateReceiveCount (it also counts receives spent waiting behind another record)
 * @param sentAt       when the record was put on the queue (SQS SentTimestamp), or null when unknown
 * @param queue        the queue's name (the last part of its ARN), for the dead-letter record's attributes
 */
public record QueueRecord(String id, String group, String body, int receiveCount, Instant sentAt, String queue) {
    public QueueRecord {
        Objects.requireNonNull(id, "id");
    }
}
