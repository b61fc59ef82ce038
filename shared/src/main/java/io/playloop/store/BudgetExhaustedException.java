package io.playloop.store;

/**
 * A spin's prize budget ran out between the decision and the write (another spin won the last unit):
 * nothing was written; decide the spin again with that prize exhausted.
 */
public final class BudgetExhaustedException extends RuntimeException {
    private final String prizeId;

    public BudgetExhaustedException(String prizeId) {
        super("the budget of prize " + prizeId + " is used up");
        this.prizeId = prizeId;
    }

    /** The prize whose budget is used up. */
    public String prizeId() {
        return prizeId;
    }
}
