package io.playloop.campaign;

import io.playloop.outreach.ReminderKind;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When one kind of reminder goes out, and with which template outside the customer's 24-hour window. The
 * reminder's text ({@link ReminderKind#textKey()}) is what goes out inside the window.
 *
 * @param kind       the reminder
 * @param lead       how long before (or, for inactivity, after) the event it fires: {@code after_days} of
 *                   INACTIVITY (default 3 days), {@code days_before} of REWARD_EXPIRING (default 2 days) and
 *                   POINTS_EXPIRING (default 7 days), {@code hours_before} of CHALLENGE_UNFINISHED (default 24
 *                   hours); zero for the others, which fire at a time of day
 * @param at         the local time of day it fires: STREAK_AT_RISK (default 18:00, customer's time on the day
 *                   the streak would break), LEADERBOARD_RESULT (default 10:00, campaign's time on the day
 *                   after the week closes), BIRTHDAY (default 10:00, customer's time); 10:00 and unused for
 *                   the others
 * @param points     the birthday bonus (0 for none and for every other kind)
 * @param templateId the template used outside the 24-hour window; empty: the reminder goes out only while the
 *                   window is open
 */
public record ReminderRule(ReminderKind kind, Duration lead, LocalTime at, long points, Optional<String> templateId) {
    static final LocalTime DEFAULT_AT = LocalTime.of(10, 0);

    public ReminderRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(templateId, "templateId");
        if (lead.isNegative()) {
            throw new IllegalArgumentException("lead: must not be negative, was " + lead);
        }
        if (points < 0) {
            throw new IllegalArgumentException("points: must be >= 0, was " + points);
        }
    }

    /** The rule of a reminder configured with nothing but its key ({@code birthday: {}}). */
    public static ReminderRule defaults(ReminderKind kind) {
        return new ReminderRule(kind, defaultLead(kind), defaultAt(kind), 0, Optional.empty());
    }

    /** The default lead of a kind (zero for kinds that fire at a time of day). */
    static Duration defaultLead(ReminderKind kind) {
        return switch (kind) {
            case INACTIVITY -> Duration.ofDays(3);
            case REWARD_EXPIRING -> Duration.ofDays(2);
            case POINTS_EXPIRING -> Duration.ofDays(7);
            case CHALLENGE_UNFINISHED -> Duration.ofHours(24);
            case STREAK_AT_RISK, LEADERBOARD_RESULT, BIRTHDAY, FRIEND_JOINED -> Duration.ZERO;
        };
    }

    /** The default time of day of a kind. */
    static LocalTime defaultAt(ReminderKind kind) {
        return kind == ReminderKind.STREAK_AT_RISK ? LocalTime.of(18, 0) : DEFAULT_AT;
    }
}
