package io.playloop.games.quiz;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A quiz's limits.
 *
 * @param dailyLimit    questions a customer may be asked per day in the campaign's time zone (at least 1)
 * @param noRepeatLast  a new question is never one of this many last asked (capped at the bank's size
 *                      minus one, so a small bank still has a question to ask)
 * @param answerWindow  how long a question stays open after it is sent; a later answer is "closed"
 * @param zone          the campaign's time zone: the daily limit resets at its midnight
 */
public record QuizRules(int dailyLimit, int noRepeatLast, Duration answerWindow, ZoneId zone) {
    public QuizRules {
        if (dailyLimit < 1) {
            throw new IllegalArgumentException("dailyLimit: must be at least 1, was " + dailyLimit);
        }
        if (noRepeatLast < 0) {
            throw new IllegalArgumentException("noRepeatLast: must not be negative, was " + noRepeatLast);
        }
        Objects.requireNonNull(answerWindow, "answerWindow");
        if (answerWindow.isNegative() || answerWindow.isZero()) {
            throw new IllegalArgumentException("answerWindow: must be a positive duration, was " + answerWindow);
        }
        Objects.requireNonNull(zone, "zone");
    }
}
