package io.playloop.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Points for the amount an order paid ({@code points.earn.order_amount}): {@code points} for every whole
 * {@code per} of the order's total, in the shop's currency, e.g. 1 point per 10 €.
 *
 * @param points points per step
 * @param per    the amount of one step (more than 0)
 * @param cap    the most this rule grants per day/week
 */
public record AmountRule(long points, BigDecimal per, Cap cap) {
    public AmountRule {
        Objects.requireNonNull(per, "per");
        Objects.requireNonNull(cap, "cap");
        if (per.signum() <= 0) {
            throw new IllegalArgumentException("per must be more than 0");
        }
    }

    /**
     * The points {@code total} earns: whole steps only (a 19.99 € order at 1 per 10 € earns 1); at most
     * {@link Long#MAX_VALUE} (a huge order at a tiny {@code per} saturates, the ledger caps a grant lower).
     */
    public long pointsFor(BigDecimal total) {
        if (total == null || total.signum() <= 0) {
            return 0;
        }
        BigDecimal earned = total.divide(per, 0, RoundingMode.DOWN).multiply(BigDecimal.valueOf(points));
        return earned.compareTo(LONG_MAX) >= 0 ? Long.MAX_VALUE : earned.longValue();
    }

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
}
