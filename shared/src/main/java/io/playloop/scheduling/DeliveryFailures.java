package io.playloop.scheduling;

import io.playloop.outreach.MetaBackoff;
import io.playloop.outreach.Schedule;
import io.playloop.store.CapacityMeter;
import io.playloop.store.ConcurrentUpdateException;
import io.playloop.store.DynamoSchedulerStore;
import io.playloop.store.DynamoSchedulerStore.CustomerState;
import io.playloop.store.DynamoSchedulerStore.SentReminder;
import io.playloop.whatsapp.outbound.GraphError;
import io.playloop.whatsapp.webhook.DeliveryFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.playloop.logging.Masking;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Acts on a {@code failed} status of a proactive message, which Meta often reports only after accepting the send:
 * 131049 (per-user marketing limit) reopens the reminder in 24 hours, 131047 (window closed) reopens it at once as
 * a template, a rate or transient error reopens it after a minute, 131050 (the customer stopped marketing messages)
 * stops marketing templates to them (utility ones still go); an undeliverable number (131026) or a payload error leaves it settled. A reopened reminder no
 * longer counts against the contact budget. Each failure is applied once, however often Meta redelivers the webhook.
 */
public final class DeliveryFailures {
    /** What a failure led to. */
    public enum Result {
        /** Not a message the scheduler sent (a reply): nothing to do here. */
        NOT_A_REMINDER,
        /** This failure was applied before. */
        ALREADY_APPLIED,
        /** The reminder is open again (deferred, maybe as a template). */
        REOPENED,
        /** The customer's marketing opt-out is recorded. */
        OPTED_OUT,
        /** Nothing will make it deliverable: left settled. */
        SETTLED
    }

    private static final int ATTEMPTS = 5;
    /** Round trips to the table run this many at a time (a webhook's lookups, then the found failures). */
    static final int WORKERS = 8;
    /** Keys per BatchGetItem (its maximum). */
    private static final int LOOKUP_KEYS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailures.class);

    private final DynamoSchedulerStore store;
    private final Clock clock;

    public DeliveryFailures(DynamoDbClient dynamo, String tableName, CapacityMeter meter, Clock clock) {
        this(new DynamoSchedulerStore(dynamo, tableName, meter), clock);
    }

    public DeliveryFailures(DynamoSchedulerStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Result apply(DeliveryFailure failure) {
        return apply(failure, store.sentReminder(failure.wamid()));
    }

    /**
     * What a webhook's failed statuses led to.
     *
     * @param results  how many of each {@link Result}
     * @param deferred found but not applied: the time budget ran out (a redelivery of the webhook applies them)
     * @param errors   found but not applied: the table failed (logged; the reminder stays counted as sent)
     */
    public record Summary(Map<Result, Integer> results, int deferred, int errors) {
        public Summary {
            results = Map.copyOf(results);
        }
    }

    /**
     * Applies a webhook's failed statuses: one BatchGetItem per 100 for all the sent-message records they name
     * (most name a reply, which has none: nothing more is asked), then each found one while {@code timeLeft} says
     * so. Both run {@link #WORKERS} at a time: a marketing blast can bring a thousand refusals in one webhook, and
     * each found one costs three round trips. One failure that cannot be applied never stops the others.
     *
     * @param timeLeft asked before each found failure is applied (from several threads)
     * @throws RuntimeException when the records cannot be read at all (the table unreachable)
     */
    public Summary applyAll(List<DeliveryFailure> failures, BooleanSupplier timeLeft) {
        Map<Result, Integer> results = new EnumMap<>(Result.class);
        if (failures.isEmpty()) {
            return new Summary(results, 0, 0);
        }
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "delivery-failures");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, SentReminder> sent = lookUp(failures, workers);
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (DeliveryFailure failure : failures) {
                SentReminder found = sent.get(failure.wamid());
                if (found == null) {
                    results.merge(Result.NOT_A_REMINDER, 1, Integer::sum);
                } else {
                    outcomes.add(workers.submit(() -> applyInTime(failure, found, timeLeft)));
                }
            }
            int deferred = 0;
            int errors = 0;
            for (Future<Outcome> outcome : outcomes) {
                Outcome o = await(outcome);
                if (o.result() != null) {
                    results.merge(o.result(), 1, Integer::sum);
                } else if (o.deferred()) {
                    deferred++;
                } else {
                    errors++;
                }
            }
            return new Summary(results, deferred, errors);
        } finally {
            workers.shutdownNow();
        }
    }

    /** What became of one found failure: a result, deferred (no time left), or an error (logged). */
    private record Outcome(Result result, boolean deferred) {
    }

    private Outcome applyInTime(DeliveryFailure failure, SentReminder found, BooleanSupplier timeLeft) {
        if (!timeLeft.getAsBoolean()) {
            return new Outcome(null, true);
        }
        try {
            return new Outcome(apply(failure, Optional.of(found)), false);
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("wamid", Masking.id(failure.wamid())).addKeyValue("code", failure.code())
                    .addKeyValue("error", Masking.error(e)).log("could not record a failed status");
            return new Outcome(null, false);
        }
    }

    /** The sent-message records the failures name, 100 keys per BatchGetItem, the requests side by side. */
    private Map<String, SentReminder> lookUp(List<DeliveryFailure> failures, ExecutorService workers) {
        List<String> wamids = List.copyOf(new LinkedHashSet<>(failures.stream().map(DeliveryFailure::wamid).toList()));
        List<Future<Map<String, SentReminder>>> chunks = new ArrayList<>();
        for (int from = 0; from < wamids.size(); from += LOOKUP_KEYS) {
            List<String> chunk = wamids.subList(from, Math.min(wamids.size(), from + LOOKUP_KEYS));
            chunks.add(workers.submit(() -> store.sentReminders(chunk)));
        }
        Map<String, SentReminder> found = new HashMap<>();
        for (Future<Map<String, SentReminder>> chunk : chunks) {
            found.putAll(await(chunk));
        }
        return found;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying failed statuses", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Result apply(DeliveryFailure failure, Optional<SentReminder> found) {
        if (found.isEmpty()) {
            return Result.NOT_A_REMINDER;
        }
        SentReminder sent = found.get();
        if (sent.failedCode().isPresent() || !store.markFailed(failure.wamid(), failure.code())) {
            return Result.ALREADY_APPLIED;
        }
        Instant now = clock.instant();
        int code = failure.code();
        if (code == MetaBackoff.STOPPED_MARKETING) {
            return optOut(sent, failure.at());
        }
        if (code == MetaBackoff.NOT_DELIVERED) {
            return reopen(sent, failure.at().plus(MetaBackoff.after(code, 0)), sent.template());
        }
        if (code == MetaBackoff.WINDOW_CLOSED) {
            return reopen(sent, now, true);
        }
        if (GraphError.transientCode(code)) {
            return reopen(sent, now.plus(Duration.ofMinutes(1)), sent.template());
        }
        return Result.SETTLED;
    }

    private Result reopen(SentReminder sent, Instant wanted, boolean asTemplate) {
        // A status handled late (Meta retries webhooks for days) must not put the next look behind the scheduler's
        // cursor, where no run would read it again: never before now.
        Instant now = clock.instant();
        Instant retryAt = wanted.isBefore(now) ? now : wanted;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<CustomerState> state = store.load(sent.customerKey());
            if (state.isEmpty()) {
                return Result.SETTLED;
            }
            Schedule schedule = state.get().schedule();
            Optional<Instant> ahead = schedule.dueAt().filter(due -> !due.isBefore(now) && due.isBefore(retryAt));
            try {
                store.saveSchedule(sent.customerKey(),
                        schedule.withUndelivered(sent.reminderId(), sent.sentAt(), retryAt, asTemplate)
                                .withDueAt(Optional.of(ahead.orElse(retryAt))));
                return Result.REOPENED;
            } catch (ConcurrentUpdateException e) {
                // The game or a run wrote meanwhile: read again.
            }
        }
        throw new ConcurrentUpdateException(sent.customerKey());
    }

    private Result optOut(SentReminder sent, Instant at) {
        store.stopMarketing(sent.customerKey(), at);
        return Result.OPTED_OUT;
    }
}
