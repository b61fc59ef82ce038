package io.playloop.outreach;

/**
 * The classes of proactive messages, highest first, with what each does when the customer's contact budget is
 * used up.
 */
public enum Priority {
    /** About something the customer did (a code that could not be sent, an order): waits for the budget. */
    TRANSACTIONAL(WhenOverBudget.DEFER),
    /** A reward about to expire: worth waiting for the budget if it frees up in time. */
    EXPIRING_REWARD(WhenOverBudget.DEFER),
    /** Nudges, leaderboard results, birthday bonuses: dropped rather than piled up. */
    PROMOTIONAL(WhenOverBudget.SKIP);

    private final WhenOverBudget whenOverBudget;

    Priority(WhenOverBudget whenOverBudget) {
        this.whenOverBudget = whenOverBudget;
    }

    /** The class's policy when the budget is used up. */
    public WhenOverBudget whenOverBudget() {
        return whenOverBudget;
    }

    /** Over budget: wait for it to free up, or drop the message. */
    public enum WhenOverBudget {
        DEFER,
        SKIP
    }
}
