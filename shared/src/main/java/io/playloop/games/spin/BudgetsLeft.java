package io.playloop.games.spin;

import java.util.Map;

/**
 * How many more times each budgeted prize may be won right now, as read from the table before a spin. A
 * prize absent from the map has no budget. Build it with {@link SpinRules#budgetsLeft}.
 *
 * @param left prize id to how many wins are left (0 = exhausted)
 */
public record BudgetsLeft(Map<String, Long> left) {
    public BudgetsLeft {
        left = Map.copyOf(left);
    }

    /** No prize has a budget. */
    public static BudgetsLeft unlimited() {
        return new BudgetsLeft(Map.of());
    }

    /** True when the prize may be won now. */
    public boolean available(Prize prize) {
        return left.getOrDefault(prize.id(), Long.MAX_VALUE) > 0;
    }
}
