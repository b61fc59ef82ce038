package io.playloop.mechanic;

import java.util.Map;
import java.util.Objects;

/**
 * A slice item as read, in neutral attributes, with the version it was read at (0 when absent).
 *
 * @param sortKey    the slice's sort key
 * @param attributes its attributes without keys and version (empty when absent)
 * @param version    the stored version, 0 when there is no item
 */
public record StoredSlice(String sortKey, Map<String, Object> attributes, long version) {
    public StoredSlice {
        Objects.requireNonNull(sortKey, "sortKey");
        attributes = Map.copyOf(attributes);
    }

    /** The slice of a customer who has no item yet. */
    public static StoredSlice absent(String sortKey) {
        return new StoredSlice(sortKey, Map.of(), 0);
    }
}
