package io.playloop.games.spin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One prize of a wheel.
 *
 * @param id     the campaign's id for it (letters, digits, '.', '_', '-'; at most 64): it names the budget
 *               counter in the table and the texts in the campaign
 * @param kind   what it gives
 * @param amount the percentage (1..100) of a discount, the points (1..1,000,000) of a bonus, 0 for try again
 */
public record Prize(String id, PrizeKind kind, int amount) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_BONUS_POINTS = 1_000_000;

    public Prize {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: must be 1 to 64 letters, digits, '.', '_' or '-', was "
                    + (id == null ? "missing" : "'" + id + "'"));
        }
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case PERCENT_DISCOUNT -> {
                if (amount < 1 || amount > 100) {
                    throw new IllegalArgumentException("amount: a discount must be 1 to 100 percent, was " + amount);
                }
            }
            case BONUS_POINTS -> {
                if (amount < 1 || amount > MAX_BONUS_POINTS) {
                    throw new IllegalArgumentException("amount: bonus points must be 1 to " + MAX_BONUS_POINTS
                            + ", was " + amount);
                }
            }
            case TRY_AGAIN -> {
                if (amount != 0) {
                    throw new IllegalArgumentException("amount: a try-again prize has no amount, was " + amount);
                }
            }
        }
    }

    /** A discount of {@code percent} percent. */
    public static Prize percentOff(String id, int percent) {
        return new Prize(id, PrizeKind.PERCENT_DISCOUNT, percent);
    }

    /** {@code points} bonus points. */
    public static Prize bonusPoints(String id, int points) {
        return new Prize(id, PrizeKind.BONUS_POINTS, points);
    }

    /** Nothing this time. */
    public static Prize tryAgain(String id) {
        return new Prize(id, PrizeKind.TRY_AGAIN, 0);
    }

    /** True for a prize that gives something (a discount or points). */
    public boolean wins() {
        return kind != PrizeKind.TRY_AGAIN;
    }
}
