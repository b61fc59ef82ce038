package io.playloop.games.challenge;

import java.util.Objects;

/**
 * A challenge completed in a period: what the store records once and pays once.
 *
 * @param challenge    the challenge id
 * @param period       the period key ({@link ChallengePeriod})
 * @param rewardPoints points the customer gets
 */
public record Completion(String challenge, String period, long rewardPoints) {
    public Completion {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(period, "period");
    }

    /** The completion's id, {@code <challenge>#<period>}: the record's sort-key suffix and the ledger event id. */
    public String id() {
        return challenge + "#" + period;
    }
}
