package io.playloop.mechanic.scratch;

import io.playloop.mechanic.Slice;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's scratch card: when they last scratched (the message's sending time).
 *
 * @param lastScratchAt empty when they never scratched
 */
public record ScratchState(Optional<Instant> lastScratchAt) {
    /** A customer who never scratched. */
    public static final ScratchState NONE = new ScratchState(Optional.empty());

    public ScratchState {
        Objects.requireNonNull(lastScratchAt, "lastScratchAt");
    }

    /** The item's attributes: {@code last}, epoch milliseconds (absent: never scratched). */
    static final Slice.Codec<ScratchState> CODEC = new Slice.Codec<>() {
        @Override
        public ScratchState empty() {
            return NONE;
        }

        @Override
        public Map<String, Object> encode(ScratchState value) {
            Map<String, Object> attributes = new HashMap<>();
            value.lastScratchAt().ifPresent(at -> attributes.put("last", at.toEpochMilli()));
            return attributes;
        }

        @Override
        public ScratchState decode(Map<String, Object> attributes) {
            return attributes.get("last") instanceof Number last
                    ? new ScratchState(Optional.of(Instant.ofEpochMilli(last.longValue()))) : NONE;
        }
    };
}
