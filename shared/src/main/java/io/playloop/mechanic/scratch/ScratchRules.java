package io.playloop.mechanic.scratch;

import io.playloop.games.spin.BudgetClaim;
import io.playloop.games.spin.Prize;
import io.playloop.games.spin.Wheel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The scratch card's pure rules: one card per customer-local day (the day in the customer's own zone, so a customer in
 * Dubai gets a new card at their midnight, not Paris's), then a weighted draw over the prizes; a prize whose budget
 * the table refused on an earlier try of the same message is drawn no more (another prize, or try again, comes out).
 */
final class ScratchRules {
    private ScratchRules() {
    }

    /** When the customer may scratch again, or empty when they may now. */
    static Optional<Instant> nextCardAt(Optional<Instant> lastScratchAt, Instant at, ZoneId zone) {
        if (lastScratchAt.isEmpty()) {
            return Optional.empty();
        }
        LocalDate last = lastScratchAt.get().atZone(zone).toLocalDate();
        LocalDate today = at.atZone(zone).toLocalDate();
        return today.isAfter(last) ? Optional.empty()
                : Optional.of(last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * Draws a prize among those not exhausted; a config always keeps one without a budget, so a draw never fails.
     *
     * @param exhausted ids of prizes the table refused for lack of budget
     */
    static ScratchConfig.ScratchPrize draw(ScratchConfig config, Set<String> exhausted, RandomGenerator random) {
        Wheel wheel = config.wheel();
        Prize drawn = exhausted.isEmpty() ? wheel.draw(random)
                : wheel.drawAmong(random, p -> !exhausted.contains(p.id())).orElseThrow(
                        () -> new IllegalStateException("every scratch prize is exhausted"));
        return config.prize(drawn.id()).orElseThrow();
    }

    /** The budget claim of a won prize on the campaign-local day, when it has a budget. */
    static Optional<BudgetClaim> claim(ScratchConfig.ScratchPrize prize, Instant at, ZoneId campaignZone) {
        if (!prize.budgeted()) {
            return Optional.empty();
        }
        return Optional.of(new BudgetClaim(prize.id(), at.atZone(campaignZone).toLocalDate(), prize.budget().perDay(),
                prize.budget().total()));
    }
}
