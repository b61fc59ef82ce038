package io.playloop.store;

import io.playloop.ledger.PointsAccount;
import java.util.Objects;

/**
 * A customer's points account as read from the table, with the version its conditional write checks.
 *
 * @param account the lots, points earned and the grants of the last 8 days
 * @param version the stored version; 0 when the customer has no points item yet
 */
public record PointsState(PointsAccount account, long version) {
    /** No points item yet. */
    public static final PointsState NONE = new PointsState(PointsAccount.empty(), 0);

    public PointsState {
        Objects.requireNonNull(account, "account");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }
}
