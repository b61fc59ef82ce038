package io.playloop.batch;

import io.playloop.store.ConcurrentUpdateException;
import io.playloop.store.TableThrottledException;
import io.playloop.whatsapp.outbound.GraphApiException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Sorts a record's failure into a {@link FailureKind}, and names it for logs and dead-letter attributes without
 * its message (see {@link #errorType}).
 *
 * <p>Transient: a retryable Graph API error (5xx, 429, Meta's throttling codes, a timeout), DynamoDB throttling or a
 * 5xx, a network failure or timeout of any SDK client, a concurrent change of the customer, work that asked to be
 * retried. Permanent: a non-retryable Graph API error, DynamoDB's ValidationException (an item over 400 KB, a key
 * over its size) and every other 4xx, an {@link IllegalArgumentException} (a key built from a bad value), and any
 * exception this class does not know: an unknown failure is tried a few times, then set aside rather than left to
 * block its customer for days.
 */
public final class FailureKinds {
    /** Transaction cancellation reasons that the same request will meet again. */
    private static final Set<String> PERMANENT_CANCELLATIONS = Set.of("ValidationError",
            "ItemCollectionSizeLimitExceeded");
    /** 4xx error codes that are about load or configuration, not about the record: time (or a fix) helps. */
    private static final Set<String> TRANSIENT_CODES = Set.of("ProvisionedThroughputExceededException",
            "RequestLimitExceeded", "ThrottlingException", "LimitExceededException", "ResourceNotFoundException",
            "AccessDeniedException", "AccessDenied", "UnrecognizedClientException", "ExpiredTokenException",
            "TransactionInProgressException", "TransactionConflictException");
    private static final int MAX_CAUSES = 8;

    private FailureKinds() {
    }

    /** The kind of {@code failure}, looking through its causes for a transient one when the top is unknown. */
    public static FailureKind of(Throwable failure) {
        FailureKind kind = own(failure);
        if (kind != null) {
            return kind;
        }
        int depth = 0;
        for (Throwable cause = failure.getCause(); cause != null && depth < MAX_CAUSES; cause = cause.getCause()) {
            FailureKind causeKind = own(cause);
            if (causeKind != null) {
                return causeKind;
            }
            depth++;
        }
        return FailureKind.PERMANENT;
    }

    /** The kind this exception says by itself, or null when it says nothing. */
    private static FailureKind own(Throwable e) {
        if (e instanceof UnreadableRecordException) {
            return FailureKind.UNREADABLE;
        }
        if (e instanceof RetryLaterException || e instanceof ConcurrentUpdateException
                || e instanceof TableThrottledException) {
            return FailureKind.TRANSIENT;
        }
        if (e instanceof GraphApiException graph) {
            return graph.retryable() ? FailureKind.TRANSIENT : FailureKind.PERMANENT;
        }
        if (e instanceof TransactionCanceledException cancelled) {
            boolean permanent = cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
                    .map(CancellationReason::code).anyMatch(PERMANENT_CANCELLATIONS::contains);
            return permanent ? FailureKind.PERMANENT : FailureKind.TRANSIENT;
        }
        if (e instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
            if (aws.isThrottlingException() || aws.statusCode() >= 500 || aws.statusCode() == 0
                    || code != null && TRANSIENT_CODES.contains(code)) {
                return FailureKind.TRANSIENT;
            }
            return FailureKind.PERMANENT;
        }
        if (e instanceof SdkClientException) {
            return FailureKind.TRANSIENT; // no answer: network, timeout, a closed connection
        }
        if (e instanceof IllegalArgumentException) {
            return FailureKind.PERMANENT;
        }
        return null;
    }

    /**
     * A short, log-safe name of the failure: the class, with the AWS error code or Meta's error code when there is
     * one ({@code DynamoDbException:ValidationException}, {@code GraphApiException:131056}), or a cancelled
     * transaction's first reason ({@code TransactionCanceledException:ValidationError}); never a message.
     */
    public static String errorType(Throwable failure) {
        String type = failure.getClass().getSimpleName();
        if (failure instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()) {
            // The transaction's own code says only "cancelled": the reason of the item that refused says why.
            java.util.Optional<String> reason = cancelled.cancellationReasons().stream().map(CancellationReason::code)
                    .filter(code -> code != null && !"None".equals(code)).findFirst();
            if (reason.isPresent()) {
                return type + ":" + reason.get();
            }
        }
        if (failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return type + ":" + aws.awsErrorDetails().errorCode();
        }
        if (failure instanceof GraphApiException graph) {
            return type + ":" + (graph.error().code() != 0 ? graph.error().code() : "HTTP" + graph.error().httpStatus());
        }
        return type;
    }
}
