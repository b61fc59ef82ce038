package io.playloop.games.challenge;

import java.util.Objects;

/**
 * Where a customer stands on one challenge, for the progress line ("3 of 5 quizzes this week").
 *
 * @param challenge the challenge id
 * @param period    the current period key
 * @param current   progress in the current period (friends joined, actions, streak days)
 * @param target    the challenge's target
 * @param completed completed in the current period
 */
public record ChallengeProgress(String challenge, String period, int current, int target, boolean completed) {
    public ChallengeProgress {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(period, "period");
    }
}
