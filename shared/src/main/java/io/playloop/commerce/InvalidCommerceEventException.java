package io.playloop.commerce;

import java.util.List;

/**
 * A signed shop event that cannot become a {@link CommerceEvent}: not JSON, a required field missing or
 * malformed, an invalid phone number. Every problem found is listed (field name first), so the shop's
 * developer fixes them in one go; nothing is queued.
 */
public final class InvalidCommerceEventException extends RuntimeException {
    private final List<String> problems;

    public InvalidCommerceEventException(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid event needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidCommerceEventException(String problem) {
        this(List.of(problem));
    }

    /** What is wrong, one entry per field, e.g. {@code "total: required (a decimal amount such as \"59.90\")"}. */
    public List<String> problems() {
        return problems;
    }
}
