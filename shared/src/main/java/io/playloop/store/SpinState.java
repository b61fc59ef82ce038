package io.playloop.store;

import io.playloop.engine.SpinHistory;
import java.util.Objects;

/**
 * A customer's wheel as read from the table, with the version its conditional write checks.
 *
 * @param history last spin and pending rewards
 * @param version the stored version; 0 when the customer never spun
 */
public record SpinState(SpinHistory history, long version) {
    /** Never spun. */
    public static final SpinState NONE = new SpinState(SpinHistory.NONE, 0);

    public SpinState {
        Objects.requireNonNull(history, "history");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }
}
