package io.playloop.engine;

import io.playloop.whatsapp.inbound.InboundMessage;
import java.time.Instant;

/**
 * The game rules: plain Java, no I/O, no AWS types. Given the customer's state (or none for a first
 * contact) and one inbound message, decides the new state, the consent event and the reply.
 */
public final class Engine {
    private final MessageCatalog catalog;
    private final String businessName;
    private final String defaultLanguage;

    public Engine(MessageCatalog catalog, String businessName, String defaultLanguage) {
        this.catalog = catalog;
        this.businessName = businessName;
        this.defaultLanguage = defaultLanguage;
    }

    /**
     * Applies one inbound message.
     *
     * @param current the stored customer, or null on first contact
     * @param message the message (already deduplicated by the caller)
     * @param now     the processing time; a message older than 24 hours gets no free-form reply
     */
    public Outcome handle(Customer current, InboundMessage message, Instant now) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }
}
