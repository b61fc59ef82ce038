/**
 * The daily scratch card: one scratch per customer-local day, a weighted draw over the campaign's prizes with
 * budgets per day and in total (the wheel's {@code Wheel}, {@code PrizeBudget} and {@code BudgetClaim}); a discount
 * goes to the customer's wallet with a coupon code, bonus points through the ledger, and "try again" costs nothing.
 *
 * <p>It reaches the rest of PlayLoop only through the {@link io.playloop.mechanic.Mechanic} SPI: its section
 * {@code scratch:} in the campaign, its command SCRATCH ({@code cmd:SCRATCH}, keywords scratch / gratter / اكشط), its
 * slice {@code CUSTOMER#<key>} / {@code SCRATCH} ({@code last}, {@code version}), its budgets
 * {@code CAMPAIGN#<campaign>} / {@code SCRATCH_BUDGET#<prizeId>} ({@code d<yyyy-mm-dd>}, {@code total}) and its texts
 * ({@link io.playloop.mechanic.scratch.ScratchTexts}).
 */
package io.playloop.mechanic.scratch;
