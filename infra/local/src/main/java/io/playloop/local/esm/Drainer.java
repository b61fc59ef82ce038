package io.playloop.local.esm;

import io.playloop.local.emulators.ProvisionedQueue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Waits until the system is idle: every source queue empty (visible + in flight + delayed = 0) and no
 * function invocation running, seen twice in a row (SQS's counts are approximate and a poller may be
 * between receiving and invoking).
 */
public final class Drainer {
    private static final long CHECK_EVERY_MILLIS = 50;

    private final SqsClient sqs;
    private final List<ProvisionedQueue> sourceQueues;
    private final IntSupplier runningInvocations;

    /** The outcome: drained or not, and what remained at the last check. */
    public record Result(boolean drained, Map<String, QueueDepth> queues, int runningInvocations, Duration waited) {
    }

    public Drainer(SqsClient sqs, List<ProvisionedQueue> sourceQueues, IntSupplier runningInvocations) {
        this.sqs = sqs;
        this.sourceQueues = List.copyOf(sourceQueues);
        this.runningInvocations = runningInvocations;
    }

    /** Blocks until idle or until {@code timeout} has passed. */
    public Result drain(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        int idleChecks = 0;
        while (true) {
            int running = runningInvocations.getAsInt();
            Map<String, QueueDepth> depths = depths();
            boolean idle = running == 0 && depths.values().stream().allMatch(d -> d.total() == 0);
            idleChecks = idle ? idleChecks + 1 : 0;
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (idleChecks >= 2) {
                return new Result(true, depths, running, waited);
            }
            if (System.nanoTime() >= deadline) {
                return new Result(false, depths, running, waited);
            }
            Thread.sleep(CHECK_EVERY_MILLIS);
        }
    }

    /** The current depth of every source queue, by name. */
    public Map<String, QueueDepth> depths() {
        Map<String, QueueDepth> depths = new LinkedHashMap<>();
        for (ProvisionedQueue q : sourceQueues) {
            depths.put(q.name(), QueueDepth.of(sqs, q.url()));
        }
        return depths;
    }
}
