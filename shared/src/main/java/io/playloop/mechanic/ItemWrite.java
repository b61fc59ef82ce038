package io.playloop.mechanic;

import java.util.Map;
import java.util.Objects;

/**
 * An item a step writes besides its slice, in the same transaction, said without AWS types. What a refusal of its
 * condition means is {@link Conflict}: the store maps it, so no caller counts transaction actions.
 */
public sealed interface ItemWrite {
    /** Whose partition the item is in. */
    enum Scope {
        /** {@code CUSTOMER#<owner>}: the customer's partition (erased and exported with them). */
        CUSTOMER,
        /** {@code CAMPAIGN#<owner>}: the campaign's partition (counters that name no one). */
        CAMPAIGN
    }

    Scope scope();

    /** The customer key or campaign id of the partition. */
    String owner();

    String sortKey();

    Conflict onConflict();

    /** Put only if absent (a record written once per event). */
    record InsertOnce(Scope scope, String owner, String sortKey, Map<String, Object> attributes, Conflict onConflict)
            implements ItemWrite {
        public InsertOnce {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(sortKey, "sortKey");
            attributes = Map.copyOf(attributes);
            Objects.requireNonNull(onConflict, "onConflict");
        }
    }

    /**
     * ADD to counters (created at 0), only while each limited counter is below its limit: a budget or a stock the
     * table, not the decision, has the last word on.
     *
     * @param increments counter to amount added
     * @param limits     counter to the value it must still be below (counters without a limit are not checked)
     */
    record Add(Scope scope, String owner, String sortKey, Map<String, Long> increments, Map<String, Long> limits,
               Conflict onConflict) implements ItemWrite {
        public Add {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(sortKey, "sortKey");
            increments = Map.copyOf(increments);
            limits = Map.copyOf(limits);
            if (increments.isEmpty()) {
                throw new IllegalArgumentException("an Add adds to at least one counter");
            }
            Objects.requireNonNull(onConflict, "onConflict");
        }
    }

    /**
     * What a refused condition means.
     *
     * @param kind  the reaction
     * @param token for {@link Kind#EXHAUSTED}: what ran out, as the mechanic will recognise it in
     *              {@link Turn#exhausted()} on the retry
     */
    record Conflict(Kind kind, String token) {
        /** The step was applied before: a duplicate delivery. */
        public static final Conflict DUPLICATE = new Conflict(Kind.DUPLICATE, "");
        /** Something changed meanwhile: read again and decide again. */
        public static final Conflict RETRY = new Conflict(Kind.RETRY, "");

        public enum Kind { DUPLICATE, RETRY, EXHAUSTED }

        public Conflict {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(token, "token");
        }

        /** A budget or stock ran out: decide again without {@code token}. */
        public static Conflict exhausted(String token) {
            return new Conflict(Kind.EXHAUSTED, token);
        }
    }
}
