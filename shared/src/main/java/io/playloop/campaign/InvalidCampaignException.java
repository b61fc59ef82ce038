package io.playloop.campaign;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A campaign file that cannot be played, with every problem found (not just the first). The message
 * lists them one per line, ready to print; there is nothing useful in the stack trace.
 */
public final class InvalidCampaignException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<Problem> problems;

    public InvalidCampaignException(String source, List<Problem> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file or resource the campaign came from. */
    public String source() {
        return source;
    }

    /** Every problem, in the order of the file. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(String source, List<Problem> problems) {
        return source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n  "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
    }
}
