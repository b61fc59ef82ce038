package io.playloop.sqs;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What may be logged of an SQS failure: its error code, the exception's class and whether SQS blamed the sender.
 * Never the message: SQS (and the local queue even more) echoes the refused request in it, with the customer's
 * phone number, name and text.
 */
public final class SqsErrors {
    /**
     * Error codes by which SQS refuses an entry for what it holds (characters, size, an id): sending it again can
     * never succeed. Configuration errors (a missing queue, access denied) are not here: a fix makes them pass.
     */
    private static final java.util.Set<String> CONTENT_CODES = java.util.Set.of("InvalidMessageContents",
            "MessageTooLong", "InvalidParameterValue", "InvalidParameterValueException", "InvalidAttributeValue",
            "InvalidAttributeName", "InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId",
            "BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong");

    private SqsErrors() {
    }

    /** Whether an SQS error code says the entry itself is refused, for good. */
    public static boolean refusesContent(String code) {
        return code != null && CONTENT_CODES.contains(code);
    }

    /** SQS's error code ({@code InvalidMessageContents}, {@code AWS.SimpleQueueService.NonExistentQueue}), else the class. */
    public static String code(SdkException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    /** Whether SQS answered with a 4xx that is not a throttle: the same request will be refused again. */
    public static boolean senderFault(SdkException e) {
        return e instanceof AwsServiceException aws && !aws.isThrottlingException()
                && aws.statusCode() >= 400 && aws.statusCode() < 500;
    }

    /** {@code SqsException:InvalidMessageContents(senderFault)}: code, class and fault, nothing the request held. */
    public static String describe(SdkException e) {
        return e.getClass().getSimpleName() + ":" + code(e) + (senderFault(e) ? "(senderFault)" : "");
    }
}
