package io.playloop.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's wheel: when they last spun (the cooldown counts from it) and the rewards they won that
 * are still pending.
 *
 * @param lastSpinAt the last spin, empty if they never spun
 * @param rewards    pending rewards, oldest first
 */
public record SpinHistory(Optional<Instant> lastSpinAt, List<Reward> rewards) {
    /** Never spun. */
    public static final SpinHistory NONE = new SpinHistory(Optional.empty(), List.of());

    public SpinHistory {
        Objects.requireNonNull(lastSpinAt, "lastSpinAt");
        rewards = List.copyOf(rewards);
    }

    /** The rewards still usable at {@code at}. */
    public List<Reward> pendingAt(Instant at) {
        return rewards.stream().filter(r -> r.pendingAt(at)).toList();
    }
}
