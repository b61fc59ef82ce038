package io.playloop.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's state as the engine sees it. Immutable: the engine returns a new one.
 *
 * @param key           BSUID when known, else wa_id; the partition of everything about this customer
 * @param waId          WhatsApp id (phone digits), or null in the BSUID-only era
 * @param bsuid         business-scoped user id, or null
 * @param name          profile name as last seen, or null
 * @param language      en, fr or ar
 * @param points        points balance
 * @param consent       proactive-message consent
 * @param firstSeenAt   first message time
 * @param lastInboundAt the last customer message time: the 24-hour window runs from here
 * @param version       optimistic-locking version; 0 for a customer not yet stored
 */
public record Customer(String key, String waId, String bsuid, String name, String language, long points,
                       Consent consent, Instant firstSeenAt, Instant lastInboundAt, long version) {

    public Customer {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a customer key must not be blank");
        }
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(consent, "consent");
    }

    /** The address to send to: '+' and the wa_id when known, else the BSUID. */
    public String address() {
        return waId != null && !waId.isBlank() ? "+" + waId : bsuid;
    }

    public Customer withName(String newName) {
        return new Customer(key, waId, bsuid, newName, language, points, consent, firstSeenAt, lastInboundAt, version);
    }

    public Customer withLanguage(String newLanguage) {
        return new Customer(key, waId, bsuid, name, newLanguage, points, consent, firstSeenAt, lastInboundAt, version);
    }

    public Customer withConsent(Consent newConsent) {
        return new Customer(key, waId, bsuid, name, language, points, newConsent, firstSeenAt, lastInboundAt, version);
    }

    public Customer withLastInboundAt(Instant at) {
        return new Customer(key, waId, bsuid, name, language, points, consent, firstSeenAt, at, version);
    }

    public Customer withPoints(long newPoints) {
        return new Customer(key, waId, bsuid, name, language, newPoints, consent, firstSeenAt, lastInboundAt, version);
    }
}
