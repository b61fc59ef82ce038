package io.playloop.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * An {@link SqsClient} that keeps what SendMessageBatch was given. By default SQS accepts everything;
 * {@link #answer} scripts failures (a partial failure, an exception) per call.
 */
final class FakeSqs implements SqsClient {
    /** Decides the answer to the n-th call (0-based); may throw like the SDK does. */
    interface Answer extends BiFunction<Integer, SendMessageBatchRequest, SendMessageBatchResponse> {
    }

    private final List<SendMessageBatchRequest> calls = new ArrayList<>();
    private final List<SendMessageBatchRequestEntry> accepted = new ArrayList<>();
    private Answer answer = (n, request) -> acceptAll(request);

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
