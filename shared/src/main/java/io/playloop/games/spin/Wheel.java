package io.playloop.games.spin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A prize wheel: prizes with integer weights. A draw picks a prize with probability weight / total
 * weight, using the random source it is given (seeded in tests).
 */
public final class Wheel {
    private final List<Slot> slots;
    private final long totalWeight;

    /**
     * One prize and its weight.
     *
     * @param weight how many chances out of the wheel's total weight; must be &gt; 0
     */
    public record Slot(Prize prize, int weight) {
    }

    private Wheel(List<Slot> slots) {
        this.slots = List.copyOf(slots);
        this.totalWeight = slots.stream().mapToLong(Slot::weight).sum();
    }

    /**
     * Builds a wheel, refusing an empty one, a missing prize, a weight that is not positive or a prize id
     * used twice, with every problem in the message (see {@link #problems}).
     *
     * @throws IllegalArgumentException listing every problem
     */
    public static Wheel of(List<Slot> slots) {
        List<String> problems = problems(slots);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid wheel: " + String.join("; ", problems));
        }
        return new Wheel(slots);
    }

    /** A builder that adds prizes in wheel order. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem with these slots, each as {@code prizes[i].field: reason} (e.g.
     * {@code prizes[2].weight: must be > 0, was 0}), for the campaign loader to prefix with its own path.
     * Empty when the wheel is valid.
     */
    public static List<String> problems(List<Slot> slots) {
        List<String> problems = new ArrayList<>();
        if (slots == null || slots.isEmpty()) {
            problems.add("prizes: a wheel needs at least one prize");
            return problems;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if (slot == null || slot.prize() == null) {
                problems.add("prizes[" + i + "]: missing prize");
                continue;
            }
            if (slot.weight() <= 0) {
                problems.add("prizes[" + i + "].weight: must be > 0, was " + slot.weight());
            }
            if (!ids.add(slot.prize().id())) {
                problems.add("prizes[" + i + "].id: '" + slot.prize().id() + "' is used by another prize");
            }
        }
        return problems;
    }

    /** The slots in wheel order. */
    public List<Slot> slots() {
        return slots;
    }

    /** The sum of the weights. */
    public long totalWeight() {
        return totalWeight;
    }

    /** The prize with this id, if the wheel has it. */
    public Optional<Prize> prize(String id) {
        return slots.stream().map(Slot::prize).filter(p -> p.id().equals(id)).findFirst();
    }

    /** Draws a prize: each with probability weight / total weight. Uses one {@code nextLong(bound)}. */
    public Prize draw(RandomGenerator random) {
        return drawAmong(random, prize -> true).orElseThrow();
    }

    /**
     * Draws among the prizes {@code eligible} accepts, by their weights (the same odds as re-spinning until
     * an eligible prize comes up); empty when none is eligible.
     */
    public Optional<Prize> drawAmong(RandomGenerator random, Predicate<Prize> eligible) {
        long total = 0;
        for (Slot slot : slots) {
            if (eligible.test(slot.prize())) {
                total += slot.weight();
            }
        }
        if (total == 0) {
            return Optional.empty();
        }
        long ticket = random.nextLong(total);
        for (Slot slot : slots) {
            if (eligible.test(slot.prize())) {
                if (ticket < slot.weight()) {
                    return Optional.of(slot.prize());
                }
                ticket -= slot.weight();
            }
        }
        throw new IllegalStateException("unreachable: the ticket is below the total weight");
    }

    /** Adds prizes in wheel order. */
    public static final class Builder {
        private final List<Slot> slots = new ArrayList<>();

        private Builder() {
        }

        /** Adds a prize with its weight. */
        public Builder add(Prize prize, int weight) {
            slots.add(new Slot(prize, weight));
            return this;
        }

        /** The wheel; see {@link Wheel#of}. */
        public Wheel build() {
            return Wheel.of(slots);
        }
    }
}
