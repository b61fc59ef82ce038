package io.playloop.scheduler;

import io.playloop.campaign.Campaign;
import io.playloop.store.ConcurrentUpdateException;
import io.playloop.store.DynamoSchedulerStore;
import io.playloop.store.DynamoSchedulerStore.CustomerState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts customers who chatted before the scheduler existed into the due index: only a game step writes a schedule, so
 * a customer already silent at the upgrade would otherwise never get a nudge, an expiry or a reminder until they
 * write again. Run once after deploying the scheduler ({@code playloop-cli schedule-backfill}); running it again
 * changes nothing (a customer with a schedule is left alone).
 */
public final class ScheduleBackfill {
    /** What a backfill did. */
    public record Result(int customers, int indexed, int alreadyScheduled, int nothingAhead) {
    }

    private final DynamoSchedulerStore store;

    public ScheduleBackfill(DynamoSchedulerStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public Result run(Campaign campaign, Instant now) {
        int customers = 0;
        int indexed = 0;
        int already = 0;
        int nothing = 0;
        for (String key : (Iterable<String>) store.customerKeys()::iterator) {
            customers++;
            Optional<CustomerState> state = store.load(key);
            if (state.isEmpty() || state.get().schedule().version() > 0) {
                already++;
                continue;
            }
            CustomerView view = new CustomerView(campaign, state.get().customer(), state.get().points().account(),
                    state.get().progress().progress(), now, state.get().won());
            Optional<Instant> next = ReminderPlanner.nextLook(view, Schedule.NONE, now);
            if (next.isEmpty()) {
                nothing++;
                continue;
            }
            try {
                store.saveSchedule(key, Schedule.NONE.withDueAt(next));
                indexed++;
            } catch (ConcurrentUpdateException e) {
                already++; // the customer wrote meanwhile: the game indexed them
            }
        }
        return new Result(customers, indexed, already, nothing);
    }
}
