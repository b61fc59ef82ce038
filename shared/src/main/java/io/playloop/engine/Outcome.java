package io.playloop.engine;

import io.playloop.whatsapp.outbound.OutboundMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine decided for one inbound message.
 *
 * @param customer      the customer's new state (to persist)
 * @param consentChange a consent event to append to the history, if any
 * @param reply         the message to send back, empty when none may or need be sent
 * @param intent        what the message was understood as (welcome, points, help, start, stop, unknown, ...):
 *                      for logs and metrics
 * @param windowClosed  true when a reply was suppressed because the 24-hour window had closed
 */
public record Outcome(Customer customer, Optional<ConsentChange> consentChange, Optional<OutboundMessage> reply,
                      String intent, boolean windowClosed) {
    public Outcome {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(consentChange, "consentChange");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(intent, "intent");
    }
}
