package io.playloop.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * A prize won on the wheel and not used yet: listed under REWARDS until {@code validUntil}.
 *
 * @param prizeId    the campaign's prize
 * @param spinId     the spin that won it (the wamid of the SPIN message)
 * @param wonAt      when it was won
 * @param code       its coupon code (generated when won, recorded once as {@code COUPON#<code>})
 * @param validUntil the first instant it no longer counts
 */
public record Reward(String prizeId, String spinId, Instant wonAt, Instant validUntil, java.util.Optional<String> code) {
    /** A reward without a coupon code (won before codes were given). */
    public Reward(String prizeId, String spinId, Instant wonAt, Instant validUntil) {
        this(prizeId, spinId, wonAt, validUntil, java.util.Optional.empty());
    }

    public Reward {
        Objects.requireNonNull(code, "code");
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
