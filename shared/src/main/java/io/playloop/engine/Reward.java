package io.playloop.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * A prize won on the wheel and not used yet: listed under REWARDS until {@code validUntil}.
 *
 * @param prizeId    the campaign's prize
 * @param spinId     the spin that won it (the wamid of the SPIN message)
 * @param wonAt      when it was won
 * @param validUntil the first instant it no longer counts
 */
public record Reward(String prizeId, String spinId, Instant wonAt, Instant validUntil) {
    public Reward {
        Objects.requireNonNull(prizeId, "prizeId");
        Objects.requireNonNull(spinId, "spinId");
        Objects.requireNonNull(wonAt, "wonAt");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** True while the reward can still be used. */
    public boolean pendingAt(Instant at) {
        return at.isBefore(validUntil);
    }
}
