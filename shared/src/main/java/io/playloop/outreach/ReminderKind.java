package io.playloop.outreach;

/**
 * The reminders the scheduler sends, each with the campaign key that configures it, its priority class and
 * the text it renders (a key of the campaign's {@code texts}).
 */
public enum ReminderKind {
    /** No message from the customer for N days: a nudge with their progress ("2 steps from VIP"). */
    INACTIVITY("inactivity", Priority.PROMOTIONAL, "reminder_inactive"),
    /** A reward (coupon) the customer holds expires in N days. */
    REWARD_EXPIRING("reward_expiring", Priority.EXPIRING_REWARD, "reward_expiring"),
    /** Points lots expire in N days. */
    POINTS_EXPIRING("points_expiring", Priority.EXPIRING_REWARD, "points_expiring"),
    /** A challenge started this period ends in N hours and is not done. */
    CHALLENGE_UNFINISHED("challenge_unfinished", Priority.PROMOTIONAL, "challenge_unfinished"),
    /** A daily streak breaks at the customer's midnight unless they play today. */
    STREAK_AT_RISK("streak_at_risk", Priority.PROMOTIONAL, "streak_at_risk"),
    /** The weekly leaderboard closed: where the customer finished. */
    LEADERBOARD_RESULT("leaderboard_result", Priority.PROMOTIONAL, "leaderboard_result"),
    /** The customer's birthday: bonus points granted and announced. */
    BIRTHDAY("birthday", Priority.PROMOTIONAL, "birthday_bonus"),
    /** A friend the customer referred made it count: their bonus waits (paid with their next message). */
    FRIEND_JOINED("friend_joined", Priority.TRANSACTIONAL, "referral_friend_joined");

    private final String configKey;
    private final Priority priority;
    private final String textKey;

    ReminderKind(String configKey, Priority priority, String textKey) {
        this.configKey = configKey;
        this.priority = priority;
        this.textKey = textKey;
    }

    /** The key under {@code outreach.reminders} in the campaign file. */
    public String configKey() {
        return configKey;
    }

    /** The class that decides what happens when the contact budget is used up. */
    public Priority priority() {
        return priority;
    }

    /** The campaign text this reminder renders. */
    public String textKey() {
        return textKey;
    }
}
