package io.playloop.whatsapp.outbound;

/** A plain text message (body at most 4,096 characters). */
public record TextMessage(String to, String body, boolean previewUrl) implements OutboundMessage {
    public TextMessage {
        Limits.recipient(to);
        Limits.required(body, "text.body", Limits.TEXT_BODY);
    }

    public TextMessage(String to, String body) {
        this(to, body, false);
    }

    @Override
    public String bodyText() {
        return body;
    }
}
