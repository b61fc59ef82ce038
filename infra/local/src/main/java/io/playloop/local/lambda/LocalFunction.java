package io.playloop.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One Lambda function of the local cloud, run like Lambda runs it: each concurrent invocation gets its
 * own execution environment (a handler instance built by the factory on first need, then reused), and
 * an environment serves one invocation at a time. So handlers see the same concurrency model as on AWS
 * and need not be thread-safe per instance.
 *
 * @param <I> the event type
 * @param <O> the response type
 */
public final class LocalFunction<I, O> {
    private final String name;
    private final int timeoutSeconds;
    private final int memoryMb;
    private final Supplier<? extends RequestHandler<I, O>> factory;
    private final ConcurrentLinkedDeque<RequestHandler<I, O>> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger environments = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong overTimeout = new AtomicLong();

    /**
     * @param name           the function's name (the template's logical id), shown in its context and stats
     * @param timeoutSeconds the function's Timeout: the context's remaining time starts there
     * @param factory        builds one execution environment's handler (a "cold start")
     */
    public LocalFunction(String name, int timeoutSeconds, Supplier<? extends RequestHandler<I, O>> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.timeoutSeconds = timeoutSeconds;
        this.memoryMb = 1024;
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Invokes the handler in a free environment (building one if all are busy). The handler's
     * exception propagates, as the Lambda runtime reports it to the caller; the environment is kept.
     */
    public O invoke(I event) {
        RequestHandler<I, O> handler = idle.pollFirst();
        running.incrementAndGet();
        invocations.incrementAndGet();
        long started = System.nanoTime();
        try {
            if (handler == null) {
                handler = factory.get();
                environments.incrementAndGet();
            }
            return handler.handleRequest(event,
                    new LocalLambdaContext(name, UUID.randomUUID().toString(), timeoutSeconds, memoryMb));
        } catch (RuntimeException | Error e) {
            errors.incrementAndGet();
            throw e;
        } finally {
            if ((System.nanoTime() - started) / 1_000_000_000L >= timeoutSeconds) {
                // Lambda would have stopped this invocation; locally it ran to the end. Counted so a
                // slow handler is visible in /_local/stats.
                overTimeout.incrementAndGet();
            }
            if (handler != null) {
                idle.offerFirst(handler);
            }
            running.decrementAndGet();
        }
    }

    public String name() {
        return name;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** Invocations running right now. */
    public int running() {
        return running.get();
    }

    /** Counters for {@code /_local/stats}. */
    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("invocations", invocations.get());
        stats.put("errors", errors.get());
        stats.put("running", running.get());
        stats.put("environments", environments.get());
        stats.put("timeoutSeconds", timeoutSeconds);
        stats.put("overTimeout", overTimeout.get());
        return stats;
    }
}
