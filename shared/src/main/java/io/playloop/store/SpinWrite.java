package io.playloop.store;

import io.playloop.engine.SpinHistory;
import io.playloop.games.spin.BudgetClaim;
import java.util.Objects;
import java.util.Optional;

/**
 * A spin to record with the receipt: the customer's new wheel state and, for a budgeted prize, the claim
 * on its counter (a conditional update: the table refuses a win beyond the budget).
 *
 * @param history         the wheel state after the spin
 * @param expectedVersion the version read (0 = no spin item yet)
 * @param claim           the budget the prize uses, if it has one
 * @param campaignId      the campaign whose counters the claim updates
 */
public record SpinWrite(SpinHistory history, long expectedVersion, Optional<BudgetClaim> claim, String campaignId) {
    public SpinWrite {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(campaignId, "campaignId");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative");
        }
    }
}
