package io.playloop.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's outreach record ({@code CUSTOMER#<key>/SCHEDULE}): when the scheduler must look at the customer
 * next, which proactive messages went out, which reminders are done or put off. The game reads it with every
 * message and writes it only when a new event brings the next look earlier; the scheduler writes it on each visit.
 *
 * @param version   optimistic-locking version; 0 when never stored
 * @param dueAt     when the scheduler must look next; empty when nothing lies ahead (then the item leaves the index)
 * @param sent      when proactive messages went out, within the contact budget's window (older ones are dropped)
 * @param lastTemplateAt when the last template (a message that counts against Meta's messaging limit) went out
 * @param done      reminder occurrence id → until when to remember it (after that it is stale anyway)
 * @param deferred  reminder occurrence id → not before this instant (quiet hours, budget, Meta's back-off)
 * @param backoffs  consecutive sends refused by Meta's rate or per-user limits (drives the back-off)
 * @param templateOnly reminders Meta refused as free-form (131047, reported late): they go as a template
 * @param marketingStoppedAt when Meta said the customer stopped marketing messages from the business (131050): no
 *                  marketing template since; utility templates and messages inside the window still go
 */
public record Schedule(long version, Optional<Instant> dueAt, List<Instant> sent, Optional<Instant> lastTemplateAt,
                       Map<String, Instant> done, Map<String, Instant> deferred, int backoffs,
                       java.util.Set<String> templateOnly, Optional<Instant> marketingStoppedAt) {
    /** A customer the scheduler has never seen. */
    public static final Schedule NONE = new Schedule(0, Optional.empty(), List.of(), Optional.empty(), Map.of(),
            Map.of(), 0, java.util.Set.of(), Optional.empty());

    public Schedule(long version, Optional<Instant> dueAt, List<Instant> sent, Optional<Instant> lastTemplateAt,
                    Map<String, Instant> done, Map<String, Instant> deferred, int backoffs) {
        this(version, dueAt, sent, lastTemplateAt, done, deferred, backoffs, java.util.Set.of(), Optional.empty());
    }

    public Schedule {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(lastTemplateAt, "lastTemplateAt");
        sent = List.copyOf(sent);
        done = Map.copyOf(done);
        deferred = Map.copyOf(deferred);
        templateOnly = java.util.Set.copyOf(templateOnly);
        Objects.requireNonNull(marketingStoppedAt, "marketingStoppedAt");
        if (backoffs < 0) {
            throw new IllegalArgumentException("backoffs must not be negative");
        }
    }

    public boolean isDone(String reminderId) {
        return done.containsKey(reminderId);
    }

    /** Not before this instant, if the reminder was put off. */
    public Optional<Instant> deferredUntil(String reminderId) {
        return Optional.ofNullable(deferred.get(reminderId));
    }

    public Schedule withDueAt(Optional<Instant> next) {
        return new Schedule(version, next, sent, lastTemplateAt, done, deferred, backoffs, templateOnly,
                marketingStoppedAt);
    }

    /** A proactive message went out at {@code at} for {@code reminderId} (remembered until {@code staleAt}). */
    public Schedule withSent(String reminderId, Instant at, Instant staleAt, boolean template) {
        List<Instant> times = new ArrayList<>(sent);
        times.add(at);
        Map<String, Instant> doneNow = new HashMap<>(done);
        doneNow.put(reminderId, staleAt);
        Map<String, Instant> deferredNow = new HashMap<>(deferred);
        deferredNow.remove(reminderId);
        return new Schedule(version, dueAt, times, template ? Optional.of(at) : lastTemplateAt, doneNow, deferredNow,
                0, without(templateOnly, reminderId), marketingStoppedAt);
    }

    /** The reminder is settled without a message (skipped), remembered until {@code staleAt}. */
    public Schedule withDone(String reminderId, Instant staleAt) {
        Map<String, Instant> doneNow = new HashMap<>(done);
        doneNow.put(reminderId, staleAt);
        Map<String, Instant> deferredNow = new HashMap<>(deferred);
        deferredNow.remove(reminderId);
        return new Schedule(version, dueAt, sent, lastTemplateAt, doneNow, deferredNow, backoffs,
                without(templateOnly, reminderId), marketingStoppedAt);
    }

    /** The reminder waits until {@code until}. */
    public Schedule withDeferred(String reminderId, Instant until) {
        Map<String, Instant> deferredNow = new HashMap<>(deferred);
        deferredNow.put(reminderId, until);
        return new Schedule(version, dueAt, sent, lastTemplateAt, done, deferredNow, backoffs, templateOnly,
                marketingStoppedAt);
    }

    /** One more refusal by Meta's limits, or none any more. */
    public Schedule withBackoffs(int count) {
        return new Schedule(version, dueAt, sent, lastTemplateAt, done, deferred, count, templateOnly,
                marketingStoppedAt);
    }

    /** Forgets what no longer matters at {@code now}: sends older than {@code window}, stale done/deferred marks. */
    public Schedule pruned(Instant now, Duration window) {
        Instant horizon = now.minus(window);
        List<Instant> recent = sent.stream().filter(at -> at.isAfter(horizon)).sorted().toList();
        Map<String, Instant> doneNow = new HashMap<>();
        done.forEach((id, until) -> {
            if (until.isAfter(now)) {
                doneNow.put(id, until);
            }
        });
        Map<String, Instant> deferredNow = new HashMap<>(deferred);
        deferredNow.keySet().removeIf(doneNow::containsKey);
        return new Schedule(version, dueAt, recent, lastTemplateAt, doneNow, deferredNow, backoffs, templateOnly,
                marketingStoppedAt);
    }

    /**
     * Meta reported, after the fact, that the message sent for {@code reminderId} at {@code sentAt} was not delivered:
     * it no longer counts against the budget, the reminder is open again from {@code retryAt}, as a template when
     * {@code asTemplate} (the window Meta sees was closed).
     */
    public Schedule withUndelivered(String reminderId, Instant sentAt, Instant retryAt, boolean asTemplate) {
        List<Instant> times = new ArrayList<>(sent);
        times.remove(sentAt);
        Map<String, Instant> doneNow = new HashMap<>(done);
        doneNow.remove(reminderId);
        Map<String, Instant> deferredNow = new HashMap<>(deferred);
        deferredNow.put(reminderId, retryAt);
        java.util.Set<String> templates = new java.util.HashSet<>(templateOnly);
        if (asTemplate) {
            templates.add(reminderId);
        }
        Optional<Instant> next = dueAt.isEmpty() || retryAt.isBefore(dueAt.get()) ? Optional.of(retryAt) : dueAt;
        return new Schedule(version, next, times, lastTemplateAt, doneNow, deferredNow, backoffs, templates,
                marketingStoppedAt);
    }

    /** Meta said the customer stopped marketing messages at {@code at}. */
    public Schedule withMarketingStopped(Instant at) {
        return new Schedule(version, dueAt, sent, lastTemplateAt, done, deferred, backoffs, templateOnly,
                Optional.of(at));
    }

    private static java.util.Set<String> without(java.util.Set<String> ids, String id) {
        if (!ids.contains(id)) {
            return ids;
        }
        java.util.Set<String> rest = new java.util.HashSet<>(ids);
        rest.remove(id);
        return rest;
    }
}
