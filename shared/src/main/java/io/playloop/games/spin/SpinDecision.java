package io.playloop.games.spin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** What {@link SpinRules#decide} decided for one SPIN request. */
public sealed interface SpinDecision {

    /** The customer spun too recently: no draw, nothing to write; the reply says when to come back. */
    record CoolingDown(Instant nextSpinAt) implements SpinDecision {
        public CoolingDown {
            Objects.requireNonNull(nextSpinAt, "nextSpinAt");
        }
    }

    /**
     * The wheel turned. The store records the spin (prize, time, day) and the customer's last-spin time
     * before replying, applying {@code claim} in the same transaction when present.
     *
     * @param prize         what the customer gets (a discount becomes a pending reward, points a grant)
     * @param day           the campaign-local day of the spin
     * @param claim         the budget to use, when the prize has one
     * @param exhaustedDraw the prize first drawn when its budget had run out (then {@code prize} is the
     *                      fallback); empty when the first draw stood. For metrics and the operator.
     * @param nextSpinAt    when this customer may spin again
     */
    record Spun(Prize prize, LocalDate day, Optional<BudgetClaim> claim, Optional<Prize> exhaustedDraw,
                Instant nextSpinAt) implements SpinDecision {
        public Spun {
            Objects.requireNonNull(prize, "prize");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(exhaustedDraw, "exhaustedDraw");
            Objects.requireNonNull(nextSpinAt, "nextSpinAt");
        }
    }
}
