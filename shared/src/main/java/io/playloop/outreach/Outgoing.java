package io.playloop.outreach;

import io.playloop.campaign.MessageTemplate;
import java.util.Objects;
import java.util.Optional;

/**
 * The one proactive message a visit decided to send.
 *
 * @param reminder the occurrence it announces
 * @param channel  free-form inside the window, template outside
 * @param template the approved template when {@code channel} is {@link Channel#TEMPLATE}
 */
public record Outgoing(DueReminder reminder, Channel channel, Optional<MessageTemplate> template) {
    public Outgoing {
        Objects.requireNonNull(reminder, "reminder");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
        if ((channel == Channel.TEMPLATE) != template.isPresent()) {
            throw new IllegalArgumentException("a template goes with the template channel, and only with it");
        }
    }
}
