package io.playloop.outreach;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One occurrence of a reminder: "reward CAFE-1 expires in 2 days", "inactive since 20 November".
 *
 * @param kind    what reminder it is
 * @param id      the occurrence's id, stable across runs and messages (what the schedule marks done)
 * @param dueAt   when it should go out (quiet hours and the budget may push it later)
 * @param staleAt when it no longer makes sense (the reward expired, the streak broke); dropped after that
 * @param values  placeholder values known from the customer's state ({@code rank} is filled at send time)
 */
public record DueReminder(ReminderKind kind, String id, Instant dueAt, Instant staleAt, Map<String, String> values) {
    public DueReminder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(staleAt, "staleAt");
        values = Map.copyOf(values);
    }

    /** Due at {@code now} and not yet stale. */
    public boolean isDue(Instant now) {
        return !dueAt.isAfter(now) && now.isBefore(staleAt);
    }
}
