package io.playloop.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tier gives.
 *
 * @param multiplier  applied to points from earning rules ({@code points.earn}), not to prizes or
 *                    challenge rewards; results are rounded down
 * @param earlyAccess an early-access message per language, if the tier has one
 */
public record Perks(BigDecimal multiplier, Optional<LocalizedText> earlyAccess) {
    /** No perks. */
    public static final Perks NONE = new Perks(BigDecimal.ONE, Optional.empty());

    public Perks {
        multiplier = Decimals.normalize(multiplier == null ? BigDecimal.ONE : multiplier);
        Objects.requireNonNull(earlyAccess, "earlyAccess");
    }

    /** {@code points} times the multiplier, rounded down. */
    public long apply(long points) {
        return multiplier.multiply(BigDecimal.valueOf(points)).setScale(0, RoundingMode.DOWN).longValueExact();
    }
}
