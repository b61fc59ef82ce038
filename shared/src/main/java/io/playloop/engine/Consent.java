package io.playloop.engine;

import java.time.Instant;

/**
 * Whether the customer agreed to proactive (business-initiated) messages, and the event that set it.
 *
 * @param proactive true after START (or the welcome's button), false after STOP or before any answer
 * @param changedAt when the customer's message that changed it was sent, or null if never asked
 * @param wamid     the message that changed it, or null
 */
public record Consent(boolean proactive, Instant changedAt, String wamid) {
    /** A customer who has not answered yet: no proactive messages. */
    public static final Consent NONE = new Consent(false, null, null);
}
