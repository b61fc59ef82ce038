package io.playloop.engine;

import java.util.List;

/**
 * A message catalogue that cannot be used. The message lists every problem found, one per line, each
 * with its JSON path (e.g. {@code languages.fr.buttons.START: has 23 characters; ...}).
 */
public final class CatalogException extends IllegalArgumentException {
    private final List<String> problems;

    public CatalogException(String source, List<String> problems) {
        super("message catalogue " + source + " is invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code path: reason}. */
    public List<String> problems() {
        return problems;
    }
}
