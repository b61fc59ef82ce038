package io.playloop.mechanic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a mechanic's answer decided: the reply, its slice's new value, the items to write in the same transaction and
 * what happened, as events (their ids are given by the engine).
 *
 * @param reply    the reply's body and buttons, empty when the mechanic has nothing to say
 * @param newState the slice's new value, empty when it did not change
 * @param writes   other items to write with the step (records, budgets)
 * @param events   what happened (a game played, a reward issued…); points granted through {@link Turn.Points} and
 *                 rewards through {@link Turn.Wallet} are reported by the engine, not here
 */
public record Step<S>(Optional<Reply> reply, Optional<S> newState, List<ItemWrite> writes, List<DomainEvent> events) {
    public Step {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(newState, "newState");
        writes = List.copyOf(writes);
        events = List.copyOf(events);
    }

    /**
     * A reply: a body and up to three buttons, each a command id ({@code PLAY}, {@code REWARDS}, or a mechanic's own);
     * the engine titles them and drops those of mechanics that are off.
     */
    public record Reply(String body, List<String> buttons) {
        public Reply {
            Objects.requireNonNull(body, "body");
            buttons = List.copyOf(buttons);
        }
    }
}
