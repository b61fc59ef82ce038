package io.playloop.ingest;

import io.playloop.sqs.SqsIds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * SendMessage as the inbound FIFO queue answers it: a body over 256 KiB, a character outside SQS's set, or a
 * group or deduplication id SQS would not take is refused with SQS's own error; {@link #failure}, when set,
 * makes every send throw it instead (an outage, throttling).
 */
final class ShopQueue implements SqsClient {
    /** The queue's maximum message size (the default, and the template's). */
    static final int MAX_BYTES = 256 * 1024;

    final List<SendMessageRequest> sent = new ArrayList<>();
    Supplier<? extends RuntimeException> failure;

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
        if (failure != null) {
            throw failure.get();
        }
        String body = request.messageBody();
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused("InvalidParameterValue", "One or more parameters are invalid. Reason: Message must be"
                    + " shorter than 262144 bytes.");
        }
        if (!sqsCharacters(body)) {
            throw InvalidMessageContentsException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("InvalidMessageContents").errorMessage("Invalid characters found in " + body).build())
                    .build();
        }
        if (!SqsIds.acceptable(request.messageGroupId()) || !SqsIds.acceptable(request.messageDeduplicationId())) {
            throw refused("InvalidParameterValue", "Value for parameter MessageGroupId is invalid");
        }
        sent.add(request);
        return SendMessageResponse.builder().messageId("m-" + sent.size()).sequenceNumber("1").build();
    }

    /** What SQS says about a message body: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000+. */
    static boolean sqsCharacters(String body) {
        for (int i = 0; i < body.length(); ) {
            int c = body.codePointAt(i);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            if (!allowed) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    static SqsException refused(String code, String message) {
        return (SqsException) SqsException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode(code).errorMessage(message).build()).message(message).build();
    }

    @Override
    public String serviceName() {
        return "sqs";
    }

    @Override
    public void close() {
    }
}
