package io.playloop.campaign;

import java.util.Objects;

/**
 * One thing wrong with a campaign file.
 *
 * @param path   where, e.g. {@code spin.prizes[2].weight} (empty for the file as a whole)
 * @param reason what, e.g. {@code must be >= 0}
 */
public record Problem(String path, String reason) {
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code path: reason}, the way the CLI prints it. */
    @Override
    public String toString() {
        return path.isEmpty() ? reason : path + ": " + reason;
    }
}
