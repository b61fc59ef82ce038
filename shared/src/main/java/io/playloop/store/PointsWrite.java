package io.playloop.store;

import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.PointsAccount;
import java.util.List;
import java.util.Objects;

/**
 * A change of a customer's points, written in the same transaction as the inbound receipt.
 *
 * @param account         the account after the change (the store keeps its recent entries only)
 * @param expectedVersion the version read (0 = no points item yet)
 * @param entries         the new ledger entries, each written once ({@code LEDGER#<KIND>#<eventId>})
 */
public record PointsWrite(PointsAccount account, long expectedVersion, List<LedgerEntry> entries) {
    public PointsWrite {
        Objects.requireNonNull(account, "account");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a points write needs at least one ledger entry");
        }
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative");
        }
    }
}
