package io.playloop.engine;

import io.playloop.campaign.Command;
import java.util.Optional;

/**
 * The ids PlayLoop puts on reply buttons and list rows for commands ({@code cmd:QUIZ}) and language
 * choices ({@code lang:fr}). Ids come back from the customer's phone and are untrusted: only an exact
 * id PlayLoop sends means anything; other case, spacing or values are no command.
 */
public final class CommandIds {
    private static final String COMMAND_PREFIX = "cmd:";
    private static final String LANGUAGE_PREFIX = "lang:";

    private CommandIds() {
    }

    /** The id of the button or row that gives {@code command}, e.g. {@code cmd:START}. */
    public static String of(Command command) {
        return COMMAND_PREFIX + command.name();
    }

    /** The command whose id is exactly {@code id}. */
    public static Optional<Command> command(String id) {
        if (id == null || !id.startsWith(COMMAND_PREFIX)) {
            return Optional.empty();
        }
        return Command.fromName(id.substring(COMMAND_PREFIX.length()));
    }

    /** The id of the button that picks {@code language}, e.g. {@code lang:fr}. */
    public static String ofLanguage(String language) {
        return LANGUAGE_PREFIX + language;
    }

    /** The language code an id names ({@code lang:fr} → fr), unchecked: the caller checks it is offered. */
    public static Optional<String> language(String id) {
        if (id == null || !id.startsWith(LANGUAGE_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(id.substring(LANGUAGE_PREFIX.length()));
    }
}
