package io.playloop.campaign;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When the campaign plays: from {@code start} (inclusive) to {@code end} (exclusive), or open-ended.
 *
 * @param start the first instant the games are open
 * @param end   the first instant they are closed again; empty for no end
 */
public record ActiveWindow(Instant start, Optional<Instant> end) {
    public ActiveWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** Whether the games are open at {@code instant}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && end.map(instant::isBefore).orElse(true);
    }
}
