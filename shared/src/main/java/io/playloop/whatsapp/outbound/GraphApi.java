package io.playloop.whatsapp.outbound;

/** Sends messages through the WhatsApp Cloud API's {@code POST /{version}/{phone-number-id}/messages}. */
public interface GraphApi {
    /**
     * Sends one message.
     *
     * @return what Meta answered: the new wamid and the wa_id it resolved
     * @throws GraphApiException when Meta refuses the message or cannot be reached
     */
    SendResult send(OutboundMessage message);
}
