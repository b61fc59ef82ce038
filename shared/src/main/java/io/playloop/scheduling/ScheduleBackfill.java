package io.playloop.scheduling;

import io.playloop.campaign.Campaign;
import io.playloop.outreach.CustomerView;
import io.playloop.outreach.ReminderPlanner;
import io.playloop.outreach.Schedule;
import io.playloop.store.ConcurrentUpdateException;
import io.playloop.store.DynamoSchedulerStore;
import io.playloop.store.DynamoSchedulerStore.CustomerState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts customers who chatted before the scheduler existed into the due index: only a game step writes a schedule, so
 * a customer already silent at the upgrade would otherwise never get a nudge, an expiry or a reminder until they
 * write again. It also indexes customers whose schedule has nothing ahead (written before every customer had a look at
 * their erasure for silence, {@link ReminderPlanner#erasureDue}), so the campaign's retention reaches them too. Run
 * once after deploying the scheduler, and after upgrading to data retention ({@code playloop-cli schedule-backfill});
 * running it again changes nothing (a customer already in the index is left alone).
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
            if (state.isEmpty() || state.get().schedule().dueAt().isPresent()) {
                already++;
                continue;
            }
            Schedule stored = state.get().schedule();
            CustomerView view = new CustomerView(campaign, state.get().customer(), state.get().points().account(),
                    state.get().progress().progress(), now, state.get().won());
            Optional<Instant> next = ReminderPlanner.nextLook(view, stored, now);
            if (next.isEmpty()) {
                nothing++;
                continue;
            }
            try {
                store.saveSchedule(key, stored.withDueAt(next));
                indexed++;
            } catch (ConcurrentUpdateException e) {
                already++; // the customer wrote meanwhile: the game indexed them
            }
        }
        return new Result(customers, indexed, already, nothing);
    }
}
