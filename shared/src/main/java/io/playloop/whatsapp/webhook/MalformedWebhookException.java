package io.playloop.whatsapp.webhook;

/**
 * The webhook body is not a WhatsApp webhook at all: not JSON, not a JSON object, or without
 * {@code object}. The ingest function answers 400; nothing is queued.
 */
public class MalformedWebhookException extends RuntimeException {
    public MalformedWebhookException(String message) {
        super(message);
    }

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
