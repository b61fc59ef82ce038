package io.playloop.campaign;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The wheel. A draw picks a prize with probability weight / total weight; a prize whose budget is spent
 * turns the draw into the wheel's first try-again prize (the loader guarantees one exists when any prize
 * has a budget).
 *
 * @param cooldown time a customer waits between two spins
 * @param cost     points a spin costs (0: free)
 * @param prizes   2 to 10 prizes
 */
public record Spin(Duration cooldown, long cost, List<Prize> prizes) {
    public static final Duration DEFAULT_COOLDOWN = Duration.ofDays(1);

    public Spin {
        Objects.requireNonNull(cooldown, "cooldown");
        prizes = List.copyOf(prizes);
    }

    /** The sum of the weights (positive, the loader checks). */
    public long totalWeight() {
        return prizes.stream().mapToLong(Prize::weight).sum();
    }

    /** The prize with this id (ids from the table are untrusted). */
    public Optional<Prize> prize(String id) {
        return prizes.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The prize a draw lands on when the drawn prize's budget is spent. */
    public Optional<Prize> exhaustedFallback() {
        return prizes.stream().filter(p -> p.kind() == PrizeKind.TRY_AGAIN).findFirst();
    }
}
