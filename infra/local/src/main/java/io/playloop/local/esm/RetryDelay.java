package io.playloop.local.esm;

import io.playloop.definitions.QueueDefinition;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How long a record that failed stays invisible before the event-source mapping receives it again.
 *
 * <p>On AWS that is the queue's visibility timeout (180 s for the inbound queue): a failed record
 * waits minutes. Locally the default is 2 seconds, a deliberate deviation so a session or a test sees
 * retries and dead-lettering at once; {@code from-template} keeps the template's visibility timeout.
 *
 * @param fixed the delay, or null to keep the queue's visibility timeout
 */
public record RetryDelay(Duration fixed) {
    public static final RetryDelay FROM_TEMPLATE = new RetryDelay(null);
    public static final RetryDelay DEFAULT = new RetryDelay(Duration.ofSeconds(2));

    public RetryDelay {
        if (fixed != null && (fixed.isNegative() || fixed.toSeconds() > 43_200)) {
            throw new IllegalArgumentException("a retry delay must be between PT0S and PT12H (SQS's visibility limit), got " + fixed);
        }
    }

    /** Parses an ISO-8601 duration ({@code PT2S}), whole seconds ({@code 2} or {@code 2s}), or {@code from-template}. */
    public static RetryDelay parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("from-template")) {
            return FROM_TEMPLATE;
        }
        try {
            if (t.matches("\\d+")) {
                return new RetryDelay(Duration.ofSeconds(Long.parseLong(t)));
            }
            if (t.matches("(?i)\\d+s")) {
                return new RetryDelay(Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1))));
            }
            return new RetryDelay(Duration.parse(t));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a retry delay: use an ISO-8601 duration such as PT2S,"
                    + " a number of seconds, or from-template");
        }
    }

    /** The visibility timeout (whole seconds, SQS's unit) a failed record gets, or -1 to leave the queue's. */
    public int visibilitySeconds() {
        return fixed == null ? -1 : (int) Math.max(0, (fixed.toMillis() + 999) / 1000);
    }

    /** The delay a record of {@code queue} actually waits. */
    public Duration effective(QueueDefinition queue) {
        return fixed == null ? Duration.ofSeconds(queue.visibilityTimeoutSeconds()) : Duration.ofSeconds(visibilitySeconds());
    }

    @Override
    public String toString() {
        return fixed == null ? "from-template" : fixed.toString();
    }
}
