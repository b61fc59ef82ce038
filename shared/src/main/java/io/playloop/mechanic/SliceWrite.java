package io.playloop.mechanic;

import java.util.Map;
import java.util.Objects;

/**
 * A slice's new value, to put in the step's transaction only if the stored version is still the one read.
 *
 * @param sortKey         the slice's sort key
 * @param attributes      the new attributes (the store adds keys and {@code version = expectedVersion + 1})
 * @param expectedVersion the version read (0: the item must not exist)
 */
public record SliceWrite(String sortKey, Map<String, Object> attributes, long expectedVersion) {
    public SliceWrite {
        Objects.requireNonNull(sortKey, "sortKey");
        attributes = Map.copyOf(attributes);
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative");
        }
    }
}
