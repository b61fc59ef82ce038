package io.playloop.mechanic;

import java.util.Map;
import java.util.Objects;

/**
 * The part of a customer's state a mechanic owns, stored as its own item {@code CUSTOMER#<key>} / {@code sortKey}
 * under a version (optimistic locking, like every customer item). It lives as long as the customer: an erasure finds
 * it in the customer's partition and an export names it by {@code label}.
 *
 * @param sortKey upper-case, no {@code #} (a whole key, not a prefix)
 * @param label   what it is, in words, for exports
 * @param codec   to and from the item's neutral attributes (no {@code version}: the store keeps it)
 * @param <S>     the slice's value
 */
public record Slice<S>(String sortKey, String label, Codec<S> codec) {
    public Slice {
        Objects.requireNonNull(sortKey, "sortKey");
        if (!sortKey.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("a slice's sort key is upper-case letters, digits and _: " + sortKey);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(codec, "codec");
    }

    /** The value of a customer without the item. */
    public S empty() {
        return codec.empty();
    }

    /**
     * A slice's value to and from attributes: String, Long, Boolean, List and Map values only. Decoding must accept
     * items written by every earlier version (absent attributes mean "unknown", never an error).
     */
    public interface Codec<S> {
        S empty();

        Map<String, Object> encode(S value);

        S decode(Map<String, Object> attributes);
    }
}
