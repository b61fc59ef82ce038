package io.playloop.engine;

import java.util.Optional;
import java.util.Set;

/**
 * What {@link IntentResolver} made of one inbound message.
 *
 * @param intent           what the message means
 * @param keywordLanguages the languages of the keyword that matched; empty when no keyword did (a tapped
 *                         id, unknown text, a non-text message)
 * @param tapped           true when the customer tapped a button or list row (consent source "button")
 * @param text             the customer's own words that were matched (typed text, or a tapped title), as
 *                         received; null for messages without text
 */
record Resolution(Intent intent, Set<String> keywordLanguages, boolean tapped, String text) {
    Resolution {
        keywordLanguages = Set.copyOf(keywordLanguages);
    }

    /** The command, when the intent is one. */
    Optional<Command> command() {
        return switch (intent) {
            case POINTS -> Optional.of(Command.POINTS);
            case HELP -> Optional.of(Command.HELP);
            case START -> Optional.of(Command.START);
            case STOP -> Optional.of(Command.STOP);
            default -> Optional.empty();
        };
    }
}
