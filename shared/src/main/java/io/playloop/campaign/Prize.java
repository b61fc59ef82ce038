package io.playloop.campaign;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * A slot of the wheel.
 *
 * @param id       unique in the wheel; draws and pending rewards name it
 * @param name     shown when won and in the REWARDS list (a list row title: at most 24 characters)
 * @param kind     what it gives
 * @param value    the percentage (e.g. 12.5) for a discount, the points for bonus points, 0 for try again
 * @param weight   relative chance; 0 pauses the prize
 * @param budget   how many times it may be won
 * @param validFor how long a won discount stays usable (a pending reward); zero for other kinds
 */
public record Prize(String id, LocalizedText name, PrizeKind kind, BigDecimal value, long weight, Budget budget,
                    Duration validFor) {
    public static final Duration DEFAULT_VALID_FOR = Duration.ofDays(30);

    public Prize {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(validFor, "validFor");
        value = Decimals.normalize(value);
    }

    /** The points a bonus-points prize adds (0 for other kinds). */
    public long bonusPoints() {
        return kind == PrizeKind.BONUS_POINTS ? value.longValueExact() : 0;
    }
}
