package io.playloop.testing;

import io.playloop.whatsapp.inbound.InboundMessage;
import java.time.Instant;

/** Builds inbound messages the way ingest lifts them out of Meta's webhooks. */
public final class Messages {
    public static final String PHONE_NUMBER_ID = "100000000000001";
    public static final String DISPLAY_NUMBER = "15550001111";

    private Messages() {
    }

    /** A typed text message from a customer keyed by wa_id. */
    public static InboundMessage text(String wamid, String waId, String name, String body, Instant sentAt) {
        return new InboundMessage(wamid, waId, waId, null, PHONE_NUMBER_ID, DISPLAY_NUMBER, name, sentAt, "text",
                body, null, null, null, null, false, null);
    }

    /** A tap on a reply button PlayLoop sent. */
    public static InboundMessage buttonReply(String wamid, String waId, String buttonId, String title,
                                             String contextId, Instant sentAt) {
        return new InboundMessage(wamid, waId, waId, null, PHONE_NUMBER_ID, DISPLAY_NUMBER, null, sentAt,
                "interactive", null, buttonId, title, contextId, DISPLAY_NUMBER, false, null);
    }
}
