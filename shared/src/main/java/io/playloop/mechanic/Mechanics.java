package io.playloop.mechanic;

import io.playloop.mechanic.scratch.ScratchCard;
import java.util.List;
import java.util.Optional;

/**
 * The registered mechanics: the one list a new game is added to. The campaign reader reads their sections, the engine
 * routes to them, the store loads and writes their slices, and the item registry ({@code store.ItemKind}) knows their
 * keys from here.
 */
public final class Mechanics {
    private static final List<Mechanic<?, ?>> ALL = List.of(
            new ScratchCard());

    private Mechanics() {
    }

    public static List<Mechanic<?, ?>> all() {
        return ALL;
    }

    public static Optional<Mechanic<?, ?>> find(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The mechanic whose slice is stored under this sort key in a customer's partition. */
    public static Optional<Mechanic<?, ?>> ownerOfSlice(String sortKey) {
        return ALL.stream().filter(m -> m.slice().filter(s -> s.sortKey().equals(sortKey)).isPresent()).findFirst();
    }

    /** The mechanic whose campaign counter this sort key is (under {@code CAMPAIGN#<campaign>}). */
    public static Optional<Mechanic<?, ?>> ownerOfCounter(String sortKey) {
        return ALL.stream().filter(m -> m.counterPrefixes().stream().anyMatch(sortKey::startsWith)).findFirst();
    }
}
