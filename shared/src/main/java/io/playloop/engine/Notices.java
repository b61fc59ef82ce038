package io.playloop.engine;

import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.ListMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.TemplateMessage;
import io.playloop.whatsapp.outbound.TextMessage;
import java.util.List;

/**
 * Adds the step's notices (a badge, a tier-up, a challenge done, a friend who joined) to the one reply, as
 * paragraphs after its body, so a game step that has several things to say says them in one message: Meta
 * allows about one message every 6 seconds to the same customer, and a burst reads as spam. A notice that
 * would push the body past WhatsApp's limit (1,024 characters in an interactive message) is left out; what
 * it announced is still there under POINTS, BADGES or REFER.
 */
final class Notices {
    private static final String PARAGRAPH = "\n\n";

    private Notices() {
    }

    /** {@code reply} with {@code notices} appended to its body, as many as fit, in order. */
    static OutboundMessage append(OutboundMessage reply, List<String> notices) {
        OutboundMessage out = reply;
        for (String notice : notices) {
            if (notice == null || notice.isBlank()) {
                continue;
            }
            try {
                out = withBody(out, out.bodyText() + PARAGRAPH + notice);
            } catch (IllegalArgumentException tooLong) {
                // Over the body limit: keep the reply as it is; later, shorter notices may still fit.
            }
        }
        return out;
    }

    private static OutboundMessage withBody(OutboundMessage message, String body) {
        if (message instanceof TextMessage t) {
            return new TextMessage(t.to(), body, t.previewUrl());
        } else if (message instanceof ButtonMessage b) {
            return new ButtonMessage(b.to(), b.header(), body, b.footer(), b.buttons());
        } else if (message instanceof ListMessage l) {
            return new ListMessage(l.to(), l.header(), body, l.footer(), l.buttonLabel(), l.sections());
        } else if (message instanceof TemplateMessage) {
            // Refused like an over-long body: the caller keeps the reply as it is.
            throw new IllegalArgumentException("a template's text is fixed at Meta: no notice can be added to it");
        }
        throw new IllegalArgumentException("no body to add notices to: " + message.getClass().getSimpleName());
    }
}
