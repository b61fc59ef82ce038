package io.playloop.local.emulators;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Refuses what AWS refuses and ElasticMQ takes: a message over the template queues' maximum size (SQS's
 * default, 256 KiB; ElasticMQ allows 1 MiB and ignores {@code MaximumMessageSize}), or a batch whose messages
 * add up to more. With AWS's error codes, so that the functions meet locally what they would meet on AWS.
 */
public final class SqsMessageSizeLimit implements ExecutionInterceptor {
    /** The inbound and rewards queues' maximum message size: template.yaml leaves SQS's default. */
    public static final int MAX_BYTES = 256 * 1024;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof SendMessageRequest send && bytes(send.messageBody()) > MAX_BYTES) {
            throw (SqsException) SqsException.builder().statusCode(400).message(TOO_LONG)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameterValue")
                            .errorMessage(TOO_LONG).serviceName("Sqs").build()).build();
        }
        if (request instanceof SendMessageBatchRequest batch) {
            long total = 0;
            for (SendMessageBatchRequestEntry e : batch.entries()) {
                total += bytes(e.messageBody());
            }
            if (total > MAX_BYTES) {
                String message = "Batch requests cannot be longer than " + MAX_BYTES + " bytes";
                throw BatchRequestTooLongException.builder().statusCode(400).message(message)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AWS.SimpleQueueService.BatchRequestTooLong")
                                .errorMessage(message).serviceName("Sqs").build()).build();
            }
        }
    }

    private static final String TOO_LONG = "One or more parameters are invalid. Reason: Message must be shorter than "
            + MAX_BYTES + " bytes.";

    private static long bytes(String body) {
        return body == null ? 0 : body.getBytes(StandardCharsets.UTF_8).length;
    }
}
