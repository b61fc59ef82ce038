package io.playloop.ingest;

import io.playloop.sqs.SqsCharacters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * An {@link SqsClient} that keeps what SendMessageBatch was given. By default it answers like SQS: every entry is
 * taken except one whose body has a character SQS refuses ({@code InvalidMessageContents}) or is over 256 KiB
 * ({@code MessageTooLong}), each refused alone with a sender fault; {@link #answer} scripts other failures (a
 * partial failure, an exception) per call.
 */
final class FakeSqs implements SqsClient {
    /** Decides the answer to the n-th call (0-based); may throw like the SDK does. */
    interface Answer extends BiFunction<Integer, SendMessageBatchRequest, SendMessageBatchResponse> {
    }

    private final List<SendMessageBatchRequest> calls = new ArrayList<>();
    private final List<SendMessageBatchRequestEntry> accepted = new ArrayList<>();
    private Answer answer = (n, request) -> likeSqs(request);

    FakeSqs answer(Answer answer) {
        this.answer = answer;
        return this;
    }

    @Override
    public synchronized SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
        int n = calls.size();
        calls.add(request);
        SendMessageBatchResponse response = answer.apply(n, request);
        List<String> failedIds = response.failed().stream().map(f -> f.id()).toList();
        request.entries().stream().filter(e -> !failedIds.contains(e.id())).forEach(accepted::add);
        return response;
    }

    /** SQS's own per-entry checks: characters outside its set, a body over 256 KiB. */
    static SendMessageBatchResponse likeSqs(SendMessageBatchRequest request) {
        List<SendMessageBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (SendMessageBatchRequestEntry e : request.entries()) {
            String code = !SqsCharacters.acceptable(e.messageBody()) ? "InvalidMessageContents"
                    : e.messageBody().getBytes(StandardCharsets.UTF_8).length > 256 * 1024 ? "MessageTooLong" : null;
            if (code == null) {
                ok.add(SendMessageBatchResultEntry.builder().id(e.id()).messageId("m-" + e.id()).md5OfMessageBody("x")
                        .sequenceNumber("1").build());
            } else {
                // Like SQS, the message echoes the request: it must never reach a log line.
                failed.add(BatchResultErrorEntry.builder().id(e.id()).code(code).senderFault(true)
                        .message("Invalid message contents: " + e.messageBody()).build());
            }
        }
        return SendMessageBatchResponse.builder().successful(ok).failed(failed).build();
    }

    static SendMessageBatchResponse acceptAll(SendMessageBatchRequest request) {
        return SendMessageBatchResponse.builder().successful(request.entries().stream()
                .map(e -> SendMessageBatchResultEntry.builder().id(e.id()).messageId("m-" + e.id())
                        .md5OfMessageBody("x").sequenceNumber("1").build())
                .toList()).build();
    }

    /** Every SendMessageBatch request, in order. */
    synchronized List<SendMessageBatchRequest> calls() {
        return List.copyOf(calls);
    }

    /** Every entry SQS accepted, in order. */
    synchronized List<SendMessageBatchRequestEntry> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public String serviceName() {
        return "sqs";
    }

    @Override
    public void close() {
    }
}
