package io.playloop.store;

import io.playloop.engine.Outcome;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A progress change to store with the receipt.
 *
 * @param change          what the engine decided (progress, badges, completions, referral records, score, code)
 * @param expectedVersion the progress item's version read (0 = none yet)
 * @param zone            the campaign's time zone (the score item's week ends at its Sunday midnight)
 */
public record ProgressWrite(Outcome.ProgressOutcome change, long expectedVersion, ZoneId zone) {
    public ProgressWrite {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(zone, "zone");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative");
        }
    }
}
