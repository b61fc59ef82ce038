package io.playloop.mechanic;

import java.util.Map;
import java.util.Objects;

/**
 * A slice's new value as a step decided it (the version it was read at is the processor's to add: {@link SliceWrite}).
 *
 * @param sortKey    the slice's sort key
 * @param attributes its new attributes
 */
public record SliceChange(String sortKey, Map<String, Object> attributes) {
    public SliceChange {
        Objects.requireNonNull(sortKey, "sortKey");
        attributes = Map.copyOf(attributes);
    }
}
