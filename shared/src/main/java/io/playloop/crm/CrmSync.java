package io.playloop.crm;

import io.playloop.logging.Masking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans one contact out to every configured sink, in parallel, retrying each sink's retryable failures
 * with exponential back-off and full jitter until it succeeds, fails for good, runs out of attempts or
 * would overrun the time budget; then answers one {@link SinkOutcome} per sink.
 *
 * <p>It runs off the game's critical path (the reward function calls it), and never takes longer than
 * the budget: a CRM outage costs at most that, and the record comes back through SQS until the CRM
 * recovers ({@link CrmSyncResult#shouldRedeliver()}). Sinks that succeeded stay recorded in the
 * {@link DeliveryLog} and are not pushed again for the same version.
 */
public final class CrmSync {
    private static final Logger log = LoggerFactory.getLogger(CrmSync.class);

    private final List<CrmSink> sinks;
    private final RetryPolicy policy;
    private final DeliveryLog deliveryLog;
    private final Clock clock;
    private final RandomGenerator random;
    private final Sleeper sleeper;
    private final ExecutorService parallel;

    /**
     * @param sinks       the enabled sinks (may be empty: then every sync is a no-op)
     * @param policy      attempts, back-off and budget
     * @param deliveryLog what each sink already has
     * @param clock       measures the budget
     * @param random      draws the jitter (shared by sinks: java.util.Random is safe to share)
     * @param sleeper     waits between attempts
     */
    public CrmSync(List<CrmSink> sinks, RetryPolicy policy, DeliveryLog deliveryLog, Clock clock,
            RandomGenerator random, Sleeper sleeper) {
        this.sinks = List.copyOf(sinks);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.deliveryLog = Objects.requireNonNull(deliveryLog, "deliveryLog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.parallel = this.sinks.size() > 1 ? Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "crm-sync");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** The enabled sinks' names, in order. */
    public List<String> sinkNames() {
        return sinks.stream().map(CrmSink::name).toList();
    }

    /** Syncs within the policy's time budget. */
    public CrmSyncResult sync(CrmContact contact) {
        return sync(contact, clock.instant().plus(policy.timeBudget()));
    }

    /**
     * Syncs and is done by {@code deadline} (the earlier of it and the policy's budget): the reward
     * function passes its remaining time minus what it needs afterwards.
     */
    public CrmSyncResult sync(CrmContact contact, Instant deadline) {
        Objects.requireNonNull(contact, "contact");
        Instant budgetEnd = clock.instant().plus(policy.timeBudget());
        Instant end = deadline.isBefore(budgetEnd) ? deadline : budgetEnd;
        if (parallel == null) {
            List<SinkOutcome> outcomes = new ArrayList<>();
            sinks.forEach(sink -> outcomes.add(syncOne(sink, contact, end)));
            return new CrmSyncResult(contact.deliveryId(), outcomes);
        }
        List<CompletableFuture<SinkOutcome>> futures = sinks.stream()
                .map(sink -> CompletableFuture.supplyAsync(() -> syncOne(sink, contact, end), parallel))
                .toList();
        return new CrmSyncResult(contact.deliveryId(), futures.stream().map(CompletableFuture::join).toList());
    }

    private SinkOutcome syncOne(CrmSink sink, CrmContact contact, Instant end) {
        String name = sink.name();
        long had = deliveryLog.deliveredVersion(name, contact.customerKey());
        if (had >= contact.version()) {
            return new SinkOutcome(name, SinkOutcome.Status.UP_TO_DATE, 0, 0,
                    had == contact.version() ? null : "has newer version " + had);
        }
        return attempt(sink, contact.customerKey(), contact.version(), () -> sink.push(contact),
                () -> deliveryLog.delivered(name, contact.customerKey(), contact.version()), end);
    }

    /**
     * Deletes the customer's contact at every configured sink (the customer was erased from PlayLoop), in parallel,
     * with the same retries and budget as a sync; the delivery log forgets them, so a new customer with the same key
     * is synced from version 1.
     */
    public CrmSyncResult erase(String customerKey, Instant deadline) {
        Objects.requireNonNull(customerKey, "customerKey");
        Instant budgetEnd = clock.instant().plus(policy.timeBudget());
        Instant end = deadline.isBefore(budgetEnd) ? deadline : budgetEnd;
        java.util.function.Function<CrmSink, SinkOutcome> one = sink -> attempt(sink, customerKey, -1,
                () -> sink.erase(customerKey), () -> deliveryLog.forget(sink.name(), customerKey), end);
        String id = customerKey + ":erased";
        if (parallel == null) {
            return new CrmSyncResult(id, sinks.stream().map(one).toList());
        }
        List<CompletableFuture<SinkOutcome>> futures = sinks.stream()
                .map(sink -> CompletableFuture.supplyAsync(() -> one.apply(sink), parallel)).toList();
        return new CrmSyncResult(id, futures.stream().map(CompletableFuture::join).toList());
    }

    /**
     * One operation at one sink, retried on retryable failures with back-off until it succeeds, fails for good, runs
     * out of attempts or would overrun {@code end}.
     *
     * @param version the contact's version for logs (-1 for an erasure)
     */
    private SinkOutcome attempt(CrmSink sink, String customerKey, long version, Runnable operation,
                                Runnable onSuccess, Instant end) {
        String name = sink.name();
        if (clock.instant().plus(policy.attemptAllowance()).isAfter(end)) {
            return failed(name, customerKey, version, 0, SinkOutcome.Status.FAILED_RETRYABLE,
                    new CrmSyncException(name, 0, true, null, "not attempted", null),
                    "not attempted: less than one attempt's time left before the deadline");
        }
        int attempt = 0;
        while (true) {
            attempt++;
            CrmSyncException failure;
            try {
                operation.run();
                onSuccess.run();
                if (attempt > 1) {
                    log.atInfo().addKeyValue("sink", name).addKeyValue("customer", Masking.phone(customerKey))
                            .addKeyValue("version", version).addKeyValue("attempts", attempt)
                            .log("CRM call delivered after retries");
                }
                return new SinkOutcome(name, SinkOutcome.Status.DELIVERED, attempt, 0, null);
            } catch (CrmSyncException e) {
                failure = e;
            } catch (RuntimeException e) {
                // Not a vendor answer (a secret that cannot be read, a bug): worth another delivery later.
                failure = new CrmSyncException(name, 0, true, null, "unexpected " + e, e);
            }
            if (!failure.retryable()) {
                return failed(name, customerKey, version, attempt, SinkOutcome.Status.FAILED_PERMANENT, failure,
                        failure.getMessage());
            }
            if (attempt >= policy.maxAttempts()) {
                return failed(name, customerKey, version, attempt, SinkOutcome.Status.FAILED_RETRYABLE, failure,
                        "gave up after " + attempt + " attempts: " + failure.getMessage());
            }
            Duration wait = backOff(attempt, failure);
            if (clock.instant().plus(wait).plus(policy.attemptAllowance()).isAfter(end)) {
                return failed(name, customerKey, version, attempt, SinkOutcome.Status.FAILED_RETRYABLE, failure,
                        "time budget left no room for another attempt (next in " + wait.toMillis() + " ms): "
                                + failure.getMessage());
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(name, customerKey, version, attempt, SinkOutcome.Status.FAILED_RETRYABLE, failure,
                        "interrupted while backing off: " + failure.getMessage());
            }
        }
    }

    /** Full jitter under the exponential ceiling, but never shorter than what the vendor asked for. */
    private Duration backOff(int failedAttempts, CrmSyncException failure) {
        long ceilingMillis = policy.ceiling(failedAttempts).toMillis();
        long jittered;
        synchronized (random) {
            jittered = random.nextLong(ceilingMillis + 1);
        }
        Duration wait = Duration.ofMillis(jittered);
        Duration asked = failure.retryAfter().orElse(Duration.ZERO);
        return asked.compareTo(wait) > 0 ? asked : wait;
    }

    private SinkOutcome failed(String sink, String customerKey, long version, int attempts, SinkOutcome.Status status,
                               CrmSyncException failure, String detail) {
        log.atWarn().addKeyValue("sink", sink).addKeyValue("customer", Masking.phone(customerKey))
                .addKeyValue("version", version).addKeyValue("attempts", attempts)
                .addKeyValue("httpStatus", failure.httpStatus()).addKeyValue("outcome", status.name())
                .log(version < 0 ? "CRM contact deletion failed: {}" : "CRM sync failed: {}", detail);
        return new SinkOutcome(failure.sink(), status, attempts, failure.httpStatus(), detail);
    }
}
