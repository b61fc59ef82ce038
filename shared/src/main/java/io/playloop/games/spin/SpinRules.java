package io.playloop.games.spin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The rules of a spin-the-wheel game: the wheel, the cooldown per customer, and the prize budgets.
 * {@link #decide} is pure: it reads what the store read and returns what the store must write.
 *
 * <h2>When a drawn prize's budget has run out</h2>
 * {@link WhenExhausted#REDRAW} draws again among the prizes that may still be won, by their weights (the
 * same odds as spinning again until such a prize comes up): a customer still wins something when only
 * the big prizes are gone. {@link WhenExhausted#TRY_AGAIN} gives the wheel's try-again prize instead, so
 * that the odds of the other prizes never rise as budgets run out. Either way the customer is never told
 * they "won" a prize that is not there. So that a spin always ends, a wheel with budgets must keep a prize
 * without a budget, and {@code TRY_AGAIN} needs a try-again prize without one.
 *
 * @param wheel         the prizes and their weights
 * @param cooldown      the wait between two spins of one customer
 * @param zone          the campaign's time zone: it fixes the day of daily budgets and of
 *                      {@link Cooldown#oncePerLocalDay()}
 * @param budgets       prize id to budget; prizes absent here have none
 * @param whenExhausted what a spin gives when the drawn prize's budget has run out
 */
public record SpinRules(Wheel wheel, Cooldown cooldown, ZoneId zone, Map<String, PrizeBudget> budgets,
                        WhenExhausted whenExhausted) {

    /** What a spin gives when the drawn prize's budget has run out. */
    public enum WhenExhausted {
        /** Draw again among the prizes that may still be won. */
        REDRAW,
        /** Give the wheel's try-again prize. */
        TRY_AGAIN
    }

    public SpinRules {
        Objects.requireNonNull(wheel, "wheel");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(whenExhausted, "whenExhausted");
        budgets = Map.copyOf(budgets);
        List<String> problems = problems(wheel, budgets, whenExhausted);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid spin rules: " + String.join("; ", problems));
        }
    }

    /**
     * Every problem with these budgets on this wheel, each as {@code budgets.<prize id>: reason} or
     * {@code prizes: reason}; empty when the rules are valid.
     */
    public static List<String> problems(Wheel wheel, Map<String, PrizeBudget> budgets, WhenExhausted whenExhausted) {
        List<String> problems = new ArrayList<>();
        budgets.forEach((id, budget) -> {
            Optional<Prize> prize = wheel.prize(id);
            if (prize.isEmpty()) {
                problems.add("budgets." + id + ": no prize with this id on the wheel");
            } else if (prize.get().kind() == PrizeKind.TRY_AGAIN) {
                problems.add("budgets." + id + ": a try-again prize needs no budget");
            }
        });
        boolean anyUnbudgeted = wheel.slots().stream().anyMatch(s -> !budgets.containsKey(s.prize().id()));
        boolean unbudgetedTryAgain = wheel.slots().stream().map(Wheel.Slot::prize)
                .anyMatch(p -> p.kind() == PrizeKind.TRY_AGAIN && !budgets.containsKey(p.id()));
        if (!budgets.isEmpty() && !anyUnbudgeted) {
            problems.add("prizes: every prize has a budget; keep one without (e.g. try again) so that a spin "
                    + "always has an outcome");
        }
        if (whenExhausted == WhenExhausted.TRY_AGAIN && !budgets.isEmpty() && !unbudgetedTryAgain) {
            problems.add("prizes: 'try again when a budget runs out' needs a try-again prize on the wheel");
        }
        return problems;
    }

    /** The campaign-local day of an instant: the day of daily budgets. */
    public LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /**
     * What each budgeted prize has left, from the counters the store read for today's campaign-local day.
     *
     * @param usedToday   prize id to wins on today's counter (absent = 0)
     * @param usedInTotal prize id to wins in total (absent = 0)
     */
    public BudgetsLeft budgetsLeft(Map<String, Long> usedToday, Map<String, Long> usedInTotal) {
        Map<String, Long> left = new HashMap<>();
        budgets.forEach((id, budget) ->
                left.put(id, budget.left(usedToday.getOrDefault(id, 0L), usedInTotal.getOrDefault(id, 0L))));
        return new BudgetsLeft(left);
    }

    /**
     * Decides one spin: refuses during the cooldown (no draw), otherwise draws a prize and, when its
     * budget has run out, falls back as {@link #whenExhausted} says.
     *
     * @param lastSpinAt  the customer's last spin, empty if they never spun
     * @param now         the time of the request
     * @param budgetsLeft what the budgets had left when read (see {@link #budgetsLeft})
     * @param random      the random source (seeded in tests)
     */
    public SpinDecision decide(Optional<Instant> lastSpinAt, Instant now, BudgetsLeft budgetsLeft,
                               RandomGenerator random) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(budgetsLeft, "budgetsLeft");
        if (lastSpinAt.isPresent()) {
            Instant next = cooldown.nextSpinAt(lastSpinAt.get(), zone);
            if (now.isBefore(next)) {
                return new SpinDecision.CoolingDown(next);
            }
        }
        LocalDate day = day(now);
        Instant nextSpinAt = cooldown.nextSpinAt(now, zone);
        Prize drawn = wheel.draw(random);
        if (budgetsLeft.available(drawn)) {
            return new SpinDecision.Spun(drawn, day, claim(drawn, day), Optional.empty(), nextSpinAt);
        }
        Prize fallback = switch (whenExhausted) {
            case REDRAW -> wheel.drawAmong(random, budgetsLeft::available).orElseThrow(
                    () -> new IllegalStateException("a wheel with budgets keeps a prize without one"));
            case TRY_AGAIN -> wheel.slots().stream().map(Wheel.Slot::prize)
                    .filter(p -> p.kind() == PrizeKind.TRY_AGAIN && !budgets.containsKey(p.id()))
                    .findFirst().orElseThrow();
        };
        return new SpinDecision.Spun(fallback, day, claim(fallback, day), Optional.of(drawn), nextSpinAt);
    }

    private Optional<BudgetClaim> claim(Prize prize, LocalDate day) {
        PrizeBudget budget = budgets.get(prize.id());
        return budget == null ? Optional.empty()
                : Optional.of(new BudgetClaim(prize.id(), day, budget.perDay(), budget.total()));
    }
}
