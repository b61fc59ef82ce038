package io.playloop.local.esm;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * How many messages a queue holds, by state.
 *
 * @param visible  waiting to be received
 * @param inFlight received and not yet deleted (being processed, or waiting out a retry delay)
 * @param delayed  sent with a delay that has not passed
 */
public record QueueDepth(long visible, long inFlight, long delayed) {
    static QueueDepth of(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return new QueueDepth(number(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                number(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)),
                number(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)));
    }

    public long total() {
        return visible + inFlight + delayed;
    }

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
