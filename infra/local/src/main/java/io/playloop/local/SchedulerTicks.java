package io.playloop.local;

import io.playloop.local.lambda.LocalFunction;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the scheduler function the way EventBridge Scheduler does on AWS: on {@code POST /_local/tick}, and, when
 * asked, by itself every so often (wall time). Runs are serialised, one at a time, as the function's reserved
 * concurrency of 1 makes them on AWS: a tick that arrives during a run waits for it, then runs.
 */
final class SchedulerTicks implements AutoCloseable {
    /** The schedule ARN the local ticks carry in their input (template.yaml's Input shape). */
    static final String LOCAL_SCHEDULE_ARN = "arn:aws:scheduler:us-east-1:000000000000:schedule/default/playloop-local";

    private final LocalFunction<Map<String, Object>, Map<String, Object>> scheduler;
    private final Clock clock;
    private final PrintStream log;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private ScheduledExecutorService timer;

    SchedulerTicks(LocalFunction<Map<String, Object>, Map<String, Object>> scheduler, Clock clock, PrintStream log) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.log = log;
    }

    /** Runs the scheduler once (after any run in progress) and answers {@code {"ran":true, ...its summary}}. */
    Map<String, Object> tick() {
        oneAtATime.lock();
        try {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("scheduleArn", LOCAL_SCHEDULE_ARN);
            input.put("scheduledTime", clock.instant().toString());
            input.put("executionId", UUID.randomUUID().toString());
            input.put("attemptNumber", "1");
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ran", true);
            answer.putAll(scheduler.invoke(input));
            return answer;
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Ticks by itself every {@code every} of wall time from now on, until {@link #close()}. */
    synchronized void every(Duration every) {
        if (timer != null) {
            throw new IllegalStateException("automatic ticks already run");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-scheduler-ticks");
            t.setDaemon(true);
            return t;
        });
        long millis = every.toMillis();
        timer.scheduleWithFixedDelay(this::automaticTick, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void automaticTick() {
        try {
            Map<String, Object> summary = tick();
            log.println("local cloud: scheduled run " + summary);
        } catch (RuntimeException | Error e) {
            // Like a failed invocation on AWS: reported, and the next tick tries again.
            log.println("local cloud: scheduled run failed: " + e);
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
