package io.playloop.whatsapp.webhook;

import java.util.Objects;

/**
 * One part of a webhook that was acknowledged without producing an inbound message.
 *
 * @param reason why it was ignored
 * @param detail a short, log-safe hint (a field name, a status, a wamid, an error code); never a
 *               customer's phone number; may be null
 */
public record Ignored(IgnoreReason reason, String detail) {
    public Ignored {
        Objects.requireNonNull(reason, "reason");
    }
}
