package io.playloop.campaign;

import io.playloop.outreach.ReminderKind;
import java.util.Objects;
import java.util.Set;

/**
 * The placeholders the scheduler fills in each reminder: exactly these, so a reminder's text and its template
 * parameters may use only them (anything else would reach the customer empty). Unlike the game's replies,
 * reminders do not get the common placeholders: the scheduler renders them without a conversation.
 */
public final class ReminderPlaceholders {
    /** {@code reminder_progress}: points still missing and the next tier's name ({@code {{progress}}}). */
    public static final Set<String> PROGRESS = Set.of("missing", "next_tier");
    /** {@code reminder_progress_top}: the tier the customer holds, the highest ({@code {{progress}}}). */
    public static final Set<String> PROGRESS_TOP = Set.of("tier");

    private ReminderPlaceholders() {
    }

    /** The placeholders filled in a reminder of {@code kind}, in its text and its template's parameters. */
    public static Set<String> of(ReminderKind kind) {
        Objects.requireNonNull(kind, "kind");
        return switch (kind) {
            case INACTIVITY -> Set.of("name", "points", "tier", "progress", "days");
            case REWARD_EXPIRING -> Set.of("name", "reward", "code", "valid_until");
            case POINTS_EXPIRING -> Set.of("name", "points", "expiring", "expires_on");
            case CHALLENGE_UNFINISHED -> Set.of("name", "challenge", "done", "target", "ends");
            case STREAK_AT_RISK -> Set.of("name", "streak");
            case LEADERBOARD_RESULT -> Set.of("name", "rank", "around", "score", "week");
            case BIRTHDAY -> Set.of("name", "bonus", "points");
            case FRIEND_JOINED -> Set.of("name", "friends", "bonus");
        };
    }
}
