package io.playloop.whatsapp.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code failed} status: Meta accepted a message we sent, then could not deliver it. Several refusals come only
 * this way (131049 per-user marketing limit, 131050 stopped marketing, often 131047 window closed).
 *
 * @param wamid     the id Meta gave the message when we sent it
 * @param recipient {@code recipient_id}
 * @param code      {@code errors[0].code}, 0 when absent
 * @param at        the status's timestamp
 */
public record DeliveryFailure(String wamid, String recipient, int code, Instant at) {
    public DeliveryFailure {
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(at, "at");
    }
}
