package io.playloop.whatsapp.outbound;

/**
 * Meta's answer to an accepted send. Accepted is not delivered: failures can still come later as a
 * {@code failed} status webhook.
 *
 * @param wamid the id of the message we sent ({@code messages[0].id})
 * @param waId  {@code contacts[0].wa_id}, which can differ from the number we sent to; may be null
 */
public record SendResult(String wamid, String waId) {
}
