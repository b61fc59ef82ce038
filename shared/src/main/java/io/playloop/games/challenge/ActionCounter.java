package io.playloop.games.challenge;

import io.playloop.campaign.Action;
import io.playloop.campaign.Challenge;
import io.playloop.campaign.ChallengeKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** Counts actions toward an actions challenge ("answer 5 quizzes this week"), starting over each period. */
public final class ActionCounter {
    private ActionCounter() {
    }

    /**
     * The count after {@code action} at {@code at}; the same count when the challenge does not count this action
     * (or is not an actions challenge). A count from an earlier period starts over at 1.
     *
     * @param zone the campaign's time zone (days and weeks are the campaign's)
     */
    public static Optional<ActionCount> count(Challenge challenge, Optional<ActionCount> current, Action action,
                                              Instant at, ZoneId zone) {
        Objects.requireNonNull(action, "action");
        if (challenge.kind() != ChallengeKind.ACTIONS || !challenge.action().equals(Optional.of(action))) {
            return current;
        }
        String period = ChallengePeriod.of(challenge.window(), at, zone);
        int before = current.map(c -> c.countIn(period)).orElse(0);
        return Optional.of(new ActionCount(period, before + 1));
    }
}
