package io.playloop.whatsapp.outbound;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An interactive message with 1 to 3 reply buttons (titles at most 20 characters and unique, ids at
 * most 256 characters and unique).
 *
 * @param header optional text header (at most 60), or null
 * @param footer optional footer (at most 60), or null
 */
public record ButtonMessage(String to, String header, String body, String footer, List<Button> buttons)
        implements OutboundMessage {

    /** One reply button: the id comes back in {@code interactive.button_reply.id}. */
    public record Button(String id, String title) {
        public Button {
            Limits.required(id, "button.id", Limits.BUTTON_ID);
            if (!id.equals(id.strip())) {
                throw new IllegalArgumentException("button.id must not start or end with spaces");
            }
            Limits.required(title, "button.title", Limits.BUTTON_TITLE);
        }
    }

    public ButtonMessage {
        Limits.recipient(to);
        Limits.optional(header, "interactive.header.text", Limits.HEADER_TEXT);
        Limits.required(body, "interactive.body.text", Limits.INTERACTIVE_BODY);
        Limits.optional(footer, "interactive.footer.text", Limits.FOOTER_TEXT);
        if (buttons == null || buttons.isEmpty() || buttons.size() > Limits.MAX_BUTTONS) {
            throw new IllegalArgumentException("a button message needs 1 to " + Limits.MAX_BUTTONS + " buttons, got "
                    + (buttons == null ? 0 : buttons.size()));
        }
        buttons = List.copyOf(buttons);
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Button b : buttons) {
            if (!ids.add(b.id())) {
                throw new IllegalArgumentException("button ids must be unique: " + b.id());
            }
            if (!titles.add(b.title())) {
                throw new IllegalArgumentException("button titles must be unique: " + b.title());
            }
        }
    }

    @Override
    public String bodyText() {
        return body;
    }
}
