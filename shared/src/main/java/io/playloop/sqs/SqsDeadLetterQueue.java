package io.playloop.sqs;

import io.playloop.batch.DeadLetterQueue;
import io.playloop.batch.QueueRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * {@link DeadLetterQueue} over an SQS queue (the source queue's DLQ, named by the function's environment): the
 * record's body as it was, in the same message group (a FIFO DLQ keeps a customer's parked records in order), with
 * the SQS message id as deduplication id (a second park of the same record within five minutes is dropped), and
 * message attributes that say why: {@code Reason}, {@code ErrorType}, {@code Attempts}, {@code SourceQueue},
 * {@code SourceMessageId}, {@code FirstFailedAt}.
 */
public final class SqsDeadLetterQueue implements DeadLetterQueue {
    /** A FIFO queue needs a group id; a record from a standard queue has none. */
    private static final String NO_GROUP = "ungrouped";

    private final SqsClient sqs;
    private final String queueUrl;
    private final boolean fifo;

    public SqsDeadLetterQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.fifo = queueUrl.endsWith(".fifo");
    }

    /** The queue named by {@code url}, or {@link DeadLetterQueue#NONE} when the variable is unset. */
    public static DeadLetterQueue orNone(SqsClient sqs, String url) {
        return url == null || url.isBlank() ? DeadLetterQueue.NONE : new SqsDeadLetterQueue(sqs, url);
    }

    @Override
    public void park(QueueRecord record, Why why) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("Reason", text(why.reason().code()));
        attributes.put("ErrorType", text(why.errorType()));
        attributes.put("Attempts", MessageAttributeValue.builder().dataType("Number")
                .stringValue(Integer.toString(why.attempts())).build());
        attributes.put("SourceMessageId", text(record.id()));
        if (record.queue() != null) {
            attributes.put("SourceQueue", text(record.queue()));
        }
        if (why.firstFailedAt() != null) {
            attributes.put("FirstFailedAt", text(why.firstFailedAt().toString()));
        }
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl)
                .messageBody(record.body() == null || record.body().isEmpty() ? "(empty body)" : record.body())
                .messageAttributes(attributes);
        if (fifo) {
            request.messageGroupId(SqsIds.of(record.group() == null ? NO_GROUP : record.group()))
                    .messageDeduplicationId(SqsIds.of(record.id()));
        }
        try {
            sqs.sendMessage(request.build());
        } catch (SdkException e) {
            // Rethrown without SQS's message, which may echo the record (a customer's number, name and text).
            throw new IllegalStateException("the dead-letter queue did not take the record: " + SqsErrors.describe(e));
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(SqsCharacters.clean(value)).build();
    }
}
