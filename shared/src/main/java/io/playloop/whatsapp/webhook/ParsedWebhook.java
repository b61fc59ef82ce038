package io.playloop.whatsapp.webhook;

import io.playloop.whatsapp.inbound.InboundMessage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a webhook POST contained: the customer messages to queue, in the order Meta listed them, and
 * every other part with the reason it needs no processing.
 *
 * @param messages one entry per {@code messages[]} item that is customer input
 * @param ignored  everything else (statuses, errors, other fields, group messages, ...)
 * @param failures {@code failed} statuses of messages we sent, to act on (the other statuses are ignored)
 * @param refused  customer messages refused at the door (bad ids, timestamps...), never queued
 */
public record ParsedWebhook(List<InboundMessage> messages, List<Ignored> ignored, List<DeliveryFailure> failures,
                            List<Refused> refused) {
    public ParsedWebhook {
        messages = List.copyOf(messages);
        ignored = List.copyOf(ignored);
        failures = List.copyOf(failures);
        refused = List.copyOf(refused);
    }

    public ParsedWebhook(List<InboundMessage> messages, List<Ignored> ignored, List<DeliveryFailure> failures) {
        this(messages, ignored, failures, List.of());
    }

    public ParsedWebhook(List<InboundMessage> messages, List<Ignored> ignored) {
        this(messages, ignored, List.of(), List.of());
    }

    /** How many parts were ignored, per reason (only reasons that occurred), in enum order. */
    public Map<IgnoreReason, Integer> ignoredByReason() {
        Map<IgnoreReason, Integer> counts = new EnumMap<>(IgnoreReason.class);
        for (Ignored i : ignored) {
            counts.merge(i.reason(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** How many messages were refused, per reason (only reasons that occurred), in enum order. */
    public Map<RefuseReason, Integer> refusedByReason() {
        Map<RefuseReason, Integer> counts = new EnumMap<>(RefuseReason.class);
        for (Refused r : refused) {
            counts.merge(r.reason(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** True when nothing in the webhook has to be queued. */
    public boolean hasNothingToQueue() {
        return messages.isEmpty();
    }
}
