package io.playloop.outreach;

import io.playloop.campaign.MessageTemplate;
import io.playloop.campaign.Outreach;
import io.playloop.campaign.ReminderRule;
import io.playloop.campaign.TemplateCategory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pure: which due reminder, if any, goes out on this visit, and on which channel; which wait and which are dropped.
 * Highest priority first (transactional, then expiring rewards, then promotional), each through the one contact
 * budget; a customer who said STOP gets nothing and their due reminders are dropped.
 */
public final class VisitPlanner {
    /**
     * Two reminders due together never go out together: the second waits at least this long (and then meets the
     * budget again, which may drop a promotional one).
     */
    public static final Duration GAP_BETWEEN_REMINDERS = Duration.ofDays(1);

    private VisitPlanner() {
    }

    /**
     * @param forceTemplate occurrences whose free-form message Meta refused with 131047 in this visit: send them as a
     *                      template (as are those the schedule marks template-only, refused the same way but reported
     *                      by a status webhook)
     */
    public static VisitPlan plan(CustomerView view, Schedule schedule, Instant now, Set<String> forceTemplate) {
        Outreach outreach = view.campaign().outreach();
        ZoneId zone = view.zone();
        boolean optedIn = view.customer().consent().proactive();
        List<DueReminder> due = new ArrayList<>();
        for (DueReminder r : ReminderPlanner.occurrences(view, now)) {
            if (r.isDue(now) && !schedule.isDone(r.id())
                    && schedule.deferredUntil(r.id()).map(d -> !d.isAfter(now)).orElse(true)) {
                due.add(r);
            }
        }
        due.sort(Comparator.comparing((DueReminder r) -> r.kind().priority()).thenComparing(DueReminder::dueAt));

        Schedule next = schedule;
        Optional<Outgoing> send = Optional.empty();
        int deferred = 0;
        List<String> skipped = new ArrayList<>();
        for (DueReminder r : due) {
            if (send.isPresent()) {
                Instant later = now.plus(GAP_BETWEEN_REMINDERS);
                if (later.isBefore(r.staleAt())) {
                    next = next.withDeferred(r.id(), later);
                    deferred++;
                } else {
                    next = next.withDone(r.id(), r.staleAt());
                    skipped.add(r.id() + ": another reminder went out and this one would be stale by the next day");
                }
                continue;
            }
            ContactBudget.Decision decision = outreach.contactBudget().decide(next.sent(),
                    outreach.whenOverBudget(r.kind().priority()), optedIn, now, zone);
            if (decision instanceof ContactBudget.Decision.Skip skip) {
                next = next.withDone(r.id(), r.staleAt());
                skipped.add(r.id() + ": " + skip.reason());
            } else if (decision instanceof ContactBudget.Decision.DeferUntil wait) {
                if (wait.at().isBefore(r.staleAt())) {
                    next = next.withDeferred(r.id(), wait.at());
                    deferred++;
                } else {
                    next = next.withDone(r.id(), r.staleAt());
                    skipped.add(r.id() + ": it would be stale before the budget or the quiet hours allow it");
                }
            } else {
                Optional<Outgoing> out = channel(outreach, r, view, now,
                        forceTemplate.contains(r.id()) || schedule.templateOnly().contains(r.id())
                                ? Set.of(r.id()) : Set.of(), schedule.marketingStoppedAt());
                if (out.isPresent()) {
                    send = out;
                } else {
                    next = next.withDone(r.id(), r.staleAt());
                    skipped.add(r.id() + ": the 24-hour window is closed and there is no template for "
                            + r.kind().configKey() + " this customer may get (none declared, or marketing stopped)");
                }
            }
        }
        return new VisitPlan(next, send, deferred, skipped);
    }

    private static Optional<Outgoing> channel(Outreach outreach, DueReminder r, CustomerView view, Instant now,
                                              Set<String> forceTemplate, Optional<Instant> marketingStopped) {
        if (!forceTemplate.contains(r.id()) && Window.open(view.customer().lastInboundAt(), now)) {
            return Optional.of(new Outgoing(r, Channel.FREE_FORM, Optional.empty()));
        }
        Optional<MessageTemplate> template = outreach.reminder(r.kind()).flatMap(ReminderRule::templateId)
                .flatMap(outreach::template)
                // The customer stopped marketing messages (Meta's 131050): utility templates only.
                .filter(t -> t.category() != TemplateCategory.MARKETING || marketingStopped.isEmpty());
        return template.map(t -> new Outgoing(r, Channel.TEMPLATE, Optional.of(t)));
    }
}
