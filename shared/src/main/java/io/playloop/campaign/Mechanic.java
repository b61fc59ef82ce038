package io.playloop.campaign;

import io.playloop.outreach.ReminderKind;
import java.util.Optional;

/**
 * A part of a campaign that may be left out. Texts belong to one: a campaign without a spin wheel
 * need not write the wheel's texts, nor one without a birthday reminder the birthday message.
 */
public enum Mechanic {
    /** Always present: welcome, points, help, consent, language, menu, referral code. */
    CORE,
    /**
     * Always present: a customer's request to delete their data (ERASE). Its keywords and texts have built-in
     * defaults in every language, so a campaign may leave them out (and one written before it existed still loads).
     */
    DATA_RIGHTS,
    QUIZ,
    /** The wheel and the rewards it hands out (REWARDS lists won prizes). */
    SPIN,
    CHALLENGES,
    BADGES,
    TIERS,
    LEADERBOARD,
    /** Rewards bought with points ({@code rewards[]}), REDEEM. */
    CATALOGUE,
    // One per reminder of outreach.reminders: its texts are needed only when the campaign sends it.
    INACTIVITY_REMINDER(ReminderKind.INACTIVITY),
    REWARD_EXPIRING_REMINDER(ReminderKind.REWARD_EXPIRING),
    POINTS_EXPIRING_REMINDER(ReminderKind.POINTS_EXPIRING),
    CHALLENGE_UNFINISHED_REMINDER(ReminderKind.CHALLENGE_UNFINISHED),
    STREAK_AT_RISK_REMINDER(ReminderKind.STREAK_AT_RISK),
    LEADERBOARD_RESULT_REMINDER(ReminderKind.LEADERBOARD_RESULT),
    BIRTHDAY_REMINDER(ReminderKind.BIRTHDAY),
    FRIEND_JOINED_REMINDER(ReminderKind.FRIEND_JOINED);

    private final ReminderKind reminder;

    Mechanic() {
        this(null);
    }

    Mechanic(ReminderKind reminder) {
        this.reminder = reminder;
    }

    /** The reminder this mechanic stands for, if it is one. */
    public Optional<ReminderKind> reminder() {
        return Optional.ofNullable(reminder);
    }

    /** The mechanic of a reminder. */
    public static Mechanic of(ReminderKind kind) {
        for (Mechanic mechanic : values()) {
            if (mechanic.reminder == kind) {
                return mechanic;
            }
        }
        throw new IllegalArgumentException("no mechanic for reminder " + kind);
    }
}
