package io.playloop.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/**
 * One contact budget per customer, shared by every campaign and reminder, as a pure decision: may a
 * business-initiated message go out now, later, or not at all?
 * <ul>
 *   <li>at most {@code maxContacts} proactive messages in any rolling {@code window} (default 2 in 7 days);</li>
 *   <li>only inside quiet-hours' allowed span of the customer's local day (default 09:00–20:00);</li>
 *   <li>a customer who said STOP gets nothing proactive;</li>
 *   <li>over budget, each priority class follows its policy: defer until the budget frees up, or skip.</li>
 * </ul>
 * Replies to the customer's own messages never pass through here: they are neither counted nor blocked.
 *
 * @param maxContacts messages allowed in any rolling window (at least 1)
 * @param window      the rolling window
 * @param opensAt     the local time proactive messages may start
 * @param closesAt    the local time they must stop (after {@code opensAt})
 */
public record ContactBudget(int maxContacts, Duration window, LocalTime opensAt, LocalTime closesAt) {
    /** 2 in any 7 days, 09:00–20:00 local time. */
    public static final ContactBudget DEFAULT = new ContactBudget(2, Duration.ofDays(7), LocalTime.of(9, 0),
            LocalTime.of(20, 0));

    public ContactBudget {
        if (maxContacts < 1) {
            throw new IllegalArgumentException("maxContacts: must be at least 1, was " + maxContacts);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: must be positive, was " + window);
        }
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("quiet hours: closesAt (" + closesAt + ") must be after opensAt ("
                    + opensAt + ")");
        }
    }

    /** What to do with a proactive message. */
    public sealed interface Decision {
        /** Send it now (and count it). */
        record Send() implements Decision {
        }

        /** Not now: ask again at {@code at} (the budget frees up, or the customer's morning comes). */
        record DeferUntil(Instant at) implements Decision {
        }

        /** Not at all (the customer stopped proactive messages, or the class skips when over budget). */
        record Skip(String reason) implements Decision {
        }
    }

    /**
     * Decides one proactive message.
     *
     * @param sent      when the customer's earlier proactive messages went out (any campaign, any kind)
     * @param priority  the message's class and its over-budget policy
     * @param optedIn   whether the customer accepts proactive messages (false after STOP)
     * @param zone      the customer's time zone (quiet hours are local)
     */
    public Decision decide(Collection<Instant> sent, Priority priority, boolean optedIn, Instant now, ZoneId zone) {
        Objects.requireNonNull(priority, "priority");
        return decide(sent, priority.whenOverBudget(), optedIn, now, zone);
    }

    /**
     * Decides one proactive message whose class follows {@code whenOverBudget} (the campaign may override a class's
     * default policy).
     */
    public Decision decide(Collection<Instant> sent, Priority.WhenOverBudget whenOverBudget, boolean optedIn,
                           Instant now, ZoneId zone) {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(whenOverBudget, "whenOverBudget");
        if (!optedIn) {
            return new Decision.Skip("the customer stopped proactive messages");
        }
        Instant windowStart = now.minus(window);
        long inWindow = sent.stream().filter(at -> at.isAfter(windowStart) && !at.isAfter(now)).count();
        if (inWindow >= maxContacts) {
            if (whenOverBudget == Priority.WhenOverBudget.SKIP) {
                return new Decision.Skip(maxContacts + " proactive messages in the last " + window.toDays()
                        + " days already");
            }
            // The budget frees up when the oldest message still counted leaves the window.
            Instant freesAt = sent.stream().filter(at -> at.isAfter(windowStart) && !at.isAfter(now))
                    .sorted(Comparator.reverseOrder()).skip(maxContacts - 1L).findFirst().orElseThrow().plus(window);
            return new Decision.DeferUntil(nextOpenAt(freesAt.plusMillis(1), zone));
        }
        Instant open = nextOpenAt(now, zone);
        return open.equals(now) ? new Decision.Send() : new Decision.DeferUntil(open);
    }

    /** {@code at} itself when it falls inside the allowed local hours, else the next opening. */
    Instant nextOpenAt(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(opensAt) && time.isBefore(closesAt)) {
            return at;
        }
        LocalDate day = time.isBefore(opensAt) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        // atZone resolves a local time a DST jump skips to the instant just after it.
        return day.atTime(opensAt).atZone(zone).toInstant();
    }
}
