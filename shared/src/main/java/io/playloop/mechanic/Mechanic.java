package io.playloop.mechanic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A game as one unit: what it reads from the campaign, the commands it answers, the slice of customer state it owns,
 * its texts and its rule. The engine routes a message to it, composes its reply and collects its writes and events;
 * it never names a mechanic. Implementations are plain Java (no AWS types) and are registered in {@link Mechanics}.
 *
 * @param <C> its campaign configuration, read from its section
 * @param <S> the slice of customer state it owns ({@link Void} when none)
 */
public interface Mechanic<C, S> {
    /** Its id: also its campaign section's name, its event tag and the prefix of its wallet items. Lower case. */
    String id();

    /**
     * Reads and validates its campaign section (a neutral tree from YAML or JSON). Every problem is reported with its
     * path relative to the section ({@code prizes[1].weight}); the returned value is then ignored.
     */
    C readConfig(JsonNode section, ConfigProblems problems);

    /** The commands it answers: each is typed (keywords per language) or tapped ({@code cmd:<ID>}). */
    List<CommandSpec> commands();

    /** The customer-state slice it owns and how it is stored, if any. */
    Optional<Slice<S>> slice();

    /** Its texts with en/fr/ar defaults (a campaign may override them in its section's {@code texts}). */
    TextSpec texts();

    /** The sort-key prefixes of its campaign counters (budgets) under {@code CAMPAIGN#<campaign>}: kept, anonymous. */
    default List<String> counterPrefixes() {
        return List.of();
    }

    /**
     * Its rule: answers one routed command.
     *
     * @param command the command the message asked for
     * @param turn    who, when, in which language and zone, with which capabilities
     * @param config  its configuration in the active campaign
     * @param state   its slice as read ({@link Slice#empty()} when the customer has none yet)
     */
    Step<S> answer(CommandSpec command, Turn turn, C config, S state);

    /**
     * How a reward it issued is named in the customer's wallet listing (REWARDS), by the item id it gave
     * {@link Turn.Wallet#issue}; empty when it does not know it (e.g. removed from the campaign).
     */
    default Optional<String> rewardName(String itemId, String language, C config) {
        return Optional.empty();
    }
}
