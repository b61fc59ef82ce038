package io.playloop.whatsapp.webhook;

import io.playloop.logging.Masking;
import java.util.Objects;

/**
 * One customer message refused at the door, as it may be logged.
 *
 * @param reason   why
 * @param wamid    the message id cut to a log-safe length ({@link Masking#id}), or null when it had none
 * @param customer the sender masked ({@link Masking#phone}), or null when unknown
 */
public record Refused(RefuseReason reason, String wamid, String customer) {
    public Refused {
        Objects.requireNonNull(reason, "reason");
    }

    /** A refusal of the message with these raw ids (masked and cut here). */
    public static Refused of(RefuseReason reason, String wamid, String customerKey) {
        return new Refused(reason, Masking.id(wamid), Masking.phone(customerKey));
    }
}
