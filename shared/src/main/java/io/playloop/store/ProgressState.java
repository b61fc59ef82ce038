package io.playloop.store;

import io.playloop.engine.Progress;
import java.util.Objects;

/**
 * A customer's progress as read, with the version its next write must find.
 *
 * @param progress the progress ({@link Progress#NONE} when there is no item)
 * @param version  the item's version (0 when absent, or when only friends' referral counters exist)
 */
public record ProgressState(Progress progress, long version) {
    /** No progress item yet. */
    public static final ProgressState NONE = new ProgressState(Progress.NONE, 0);

    public ProgressState {
        Objects.requireNonNull(progress, "progress");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }
}
