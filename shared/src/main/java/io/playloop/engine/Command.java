package io.playloop.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The commands a customer can give by keyword or by tapping one of our buttons. The catalogue holds
 * their keywords and button titles per language under these names ({@code POINTS}, {@code HELP}, ...).
 */
public enum Command {
    /** Show the points balance. */
    POINTS,
    /** Explain the commands. */
    HELP,
    /** Consent to proactive messages (opt in). */
    START,
    /** Withdraw consent to proactive messages (opt out). */
    STOP;

    private static final Map<String, Command> BY_REPLY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Command::replyId, Function.identity()));

    /** The id PlayLoop puts on a reply button or list row for this command, e.g. {@code cmd:START}. */
    public String replyId() {
        return "cmd:" + name();
    }

    /** The intent this command is logged as. */
    public Intent intent() {
        return Intent.valueOf(name());
    }

    /**
     * The command whose {@link #replyId()} is exactly {@code id}. Ids come back from the customer's phone
     * and are untrusted: anything else, including other case or spacing, is no command.
     */
    public static Optional<Command> fromReplyId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(BY_REPLY_ID.get(id));
    }
}
