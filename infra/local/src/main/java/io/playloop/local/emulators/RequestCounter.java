package io.playloop.local.emulators;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the requests an SDK client makes, per operation (SendMessageBatch, ReceiveMessage, ...), so
 * the cost of one inbound message in SQS requests can be measured through {@code /_local/stats}.
 */
public final class RequestCounter implements ExecutionInterceptor {
    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        byOperation.computeIfAbsent(operation == null ? "unknown" : operation, k -> new LongAdder()).increment();
    }

    /** Requests so far by operation name, sorted. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        byOperation.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    public void reset() {
        byOperation.values().forEach(LongAdder::reset);
    }
}
