package io.playloop.outreach;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one visit of a customer decided, before any I/O.
 *
 * @param schedule the schedule with the visit's deferrals and skips (the send, if any, is marked by the caller
 *                 once it is claimed)
 * @param send     the message to send now, if any (at most one per visit: two reminders never arrive together)
 * @param deferred how many due reminders were put off
 * @param skipped  why each dropped reminder was dropped
 */
public record VisitPlan(Schedule schedule, Optional<Outgoing> send, int deferred, List<String> skipped) {
    public VisitPlan {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(send, "send");
        skipped = List.copyOf(skipped);
    }
}
