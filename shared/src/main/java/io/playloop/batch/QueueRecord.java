package io.playloop.batch;

import java.time.Instant;
import java.util.Map;
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

    /**
     * The view of an SQS record as Lambda hands it over (the handler passes the fields of its {@code SQSMessage}).
     *
     * @param attributes     the record's system attributes (MessageGroupId, ApproximateReceiveCount, SentTimestamp),
     *                       or null
     * @param eventSourceArn the queue's ARN, or null
     */
    public static QueueRecord of(String messageId, String body, Map<String, String> attributes, String eventSourceArn) {
        Map<String, String> a = attributes == null ? Map.of() : attributes;
        String arn = eventSourceArn == null ? "" : eventSourceArn;
        long sentMillis = number(a.get("SentTimestamp"));
        return new QueueRecord(messageId, a.get("MessageGroupId"), body,
                (int) Math.min(Integer.MAX_VALUE, number(a.get("ApproximateReceiveCount"))),
                sentMillis > 0 ? Instant.ofEpochMilli(sentMillis) : null,
                arn.isEmpty() ? null : arn.substring(arn.lastIndexOf(':') + 1));
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
