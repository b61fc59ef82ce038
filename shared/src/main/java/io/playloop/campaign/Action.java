package io.playloop.campaign;

import java.util.Locale;
import java.util.Optional;

/**
 * Something a customer does that the rules count: for challenges ("answer 5 quizzes this week"),
 * badges ("first quiz"), and the campaign's qualifying actions (what makes a streak day and what a
 * referred friend must do before the referral counts).
 */
public enum Action {
    /** Answered a quiz question (right or wrong). */
    QUIZ_ANSWER,
    /** Answered a quiz question correctly. */
    QUIZ_CORRECT,
    /** Spun the wheel. */
    SPIN,
    /** Placed an order (reported by the shop). */
    ORDER,
    /** Sent the keyword of a points rule ({@code points.earn.keywords}). */
    KEYWORD;

    /** The name in the campaign format, e.g. {@code quiz_answer}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a format name; empty for anything else. */
    public static Optional<Action> fromKey(String key) {
        return FormatNames.lookup(Action.class, key);
    }
}
