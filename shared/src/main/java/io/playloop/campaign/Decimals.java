package io.playloop.campaign;

import java.math.BigDecimal;

/** Keeps decimals comparable with equals: 1.50 and 1.5 become the same value, 100 stays plain. */
final class Decimals {
    private Decimals() {
    }

    static BigDecimal normalize(BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
