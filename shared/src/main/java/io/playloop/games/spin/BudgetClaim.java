package io.playloop.games.spin;

import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * The budget a won prize uses: one win of {@code prizeId} on {@code day}. The store applies it with one
 * conditional update of the prize's counter item, in the same transaction as the spin record and the
 * customer's last-spin time:
 *
 * <pre>
 * UpdateItem  pk = CAMPAIGN#&lt;campaign&gt;, sk = SPIN_BUDGET#&lt;prizeId&gt;
 *   ADD  #day :one, #total :one                            (#day = "d" + day, e.g. d2026-03-04)
 *   IF   (attribute_not_exists(#day) OR #day &lt; :dayLimit)    -- only when dayLimit is present
 *   AND  (attribute_not_exists(#total) OR #total &lt; :totalLimit) -- only when totalLimit is present
 * </pre>
 *
 * If the condition fails, another spin won the last unit first: the store re-reads the counters and asks
 * {@link SpinRules#decide} again (a new draw with the new budgets), a bounded number of times. Two Lambdas
 * can therefore never give more than the budget: the table, not the decision, has the last word.
 *
 * @param prizeId    the prize won
 * @param day        the campaign-local day whose counter is used
 * @param dayLimit   the daily budget, if any
 * @param totalLimit the overall budget, if any
 */
public record BudgetClaim(String prizeId, LocalDate day, OptionalLong dayLimit, OptionalLong totalLimit) {
}
