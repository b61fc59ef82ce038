package io.playloop.ledger;

import java.util.List;
import java.util.Optional;

/**
 * What an operation on a {@link PointsAccount} did. Every result carries the account to keep: the new
 * one when something changed, the same one otherwise. Refusals are results, not exceptions, because
 * they are ordinary game situations ("not enough points") that the customer is told about.
 */
public sealed interface LedgerResult {

    /** The account after the operation (the unchanged account when nothing was applied). */
    PointsAccount account();

    /** The entries the operation added, in order; empty when nothing changed. */
    List<LedgerEntry> entries();

    /** True when the operation added entries (the store then has something to write). */
    default boolean changed() {
        return !entries().isEmpty();
    }

    /**
     * The operation was applied. Besides its own entry this may hold {@link EntryKind#EXPIRE} entries
     * first: every operation at instant {@code at} first expires the lots that are due by then, so that
     * the balance and the entries agree after every step. {@code entries} is empty for an
     * {@link PointsAccount#expire} with nothing due.
     */
    record Applied(PointsAccount account, List<LedgerEntry> entries) implements LedgerResult {
        public Applied {
            entries = List.copyOf(entries);
        }
    }

    /**
     * This event was applied before (a redelivered message, a double tap, a retried webhook): nothing
     * changed. {@code existing} is the entry it produced then, so the reply can say the same thing again;
     * empty when the account holds the event's lot but no longer its entry (a trimmed account).
     */
    record AlreadyApplied(PointsAccount account, Optional<LedgerEntry> existing) implements LedgerResult {
        @Override
        public List<LedgerEntry> entries() {
            return List.of();
        }
    }

    /** A spend asked for more than the live lots hold: nothing changed. */
    record InsufficientBalance(PointsAccount account, long available, long requested) implements LedgerResult {
        @Override
        public List<LedgerEntry> entries() {
            return List.of();
        }
    }

    /**
     * A reversal named an event that granted nothing this account knows of (no live lot, no grant
     * entry): nothing changed. The store must load the grant's entry when its lot is gone; see the
     * package documentation.
     */
    record UnknownGrant(PointsAccount account, String eventId) implements LedgerResult {
        @Override
        public List<LedgerEntry> entries() {
            return List.of();
        }
    }
}
