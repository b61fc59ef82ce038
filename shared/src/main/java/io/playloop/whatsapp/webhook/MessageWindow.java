package io.playloop.whatsapp.webhook;

import io.playloop.store.InboundReceipt;
import io.playloop.whatsapp.inbound.InboundMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The time rule at the door, and PlayLoop's only guard against replays: a message is queued only while the receipt
 * that makes it exactly-once is sure to exist for every later copy of it.
 *
 * <p>The signature carries no time, so a captured webhook can be posted again at any time, and Meta itself
 * redelivers for up to 7 days. The receipt of a message lives {@link InboundReceipt#RETENTION} (8 days) from its
 * processing. So:
 * <ul>
 *   <li>a message sent more than {@link #STALE_AFTER} (7 days 12 hours) ago is acknowledged and not queued
 *       ({@link IgnoreReason#STALE}): Meta has stopped redelivering it, and its receipt may already be gone, so
 *       applying it could apply it twice (a replayed SPIN would spin again);</li>
 *   <li>a message whose timestamp is more than {@link #FUTURE_TOLERANCE} (1 hour) ahead of our clock is refused
 *       ({@link RefuseReason#FUTURE_TIMESTAMP}). This bound is what makes the first rule enough: the first copy is
 *       processed at P, no earlier than its timestamp less an hour, so its receipt lives until at least timestamp +
 *       7 days 23 hours; every later copy is queued no later than timestamp + 7 days 12 hours, which leaves 11 hours
 *       for it to wait in the queue. Without the bound a message dated a year ahead would be accepted for a year
 *       while its receipt lives 8 days.</li>
 * </ul>
 * The game function does not check the age again: a first copy may legitimately wait in the queue for days behind
 * an outage, and must still be applied.
 */
public final class MessageWindow {
    /** The receipts' lifetime less a 12-hour margin for a copy that waits in the queue. */
    public static final Duration STALE_AFTER = InboundReceipt.RETENTION.minus(Duration.ofHours(12));
    /** Clock skew tolerated between Meta and us. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    private MessageWindow() {
    }

    /** What the time rule says of a message sent at {@code sentAt}. */
    public enum Verdict {
        CURRENT,
        STALE,
        FUTURE
    }

    public static Verdict of(Instant sentAt, Instant now) {
        if (sentAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return Verdict.FUTURE;
        }
        if (sentAt.isBefore(now.minus(STALE_AFTER))) {
            return Verdict.STALE;
        }
        return Verdict.CURRENT;
    }

    /** {@code parsed} with its stale messages moved to the ignored and its future ones to the refused. */
    public static ParsedWebhook apply(ParsedWebhook parsed, Instant now) {
        List<InboundMessage> current = new ArrayList<>(parsed.messages().size());
        List<Ignored> ignored = new ArrayList<>(parsed.ignored());
        List<Refused> refused = new ArrayList<>(parsed.refused());
        for (InboundMessage m : parsed.messages()) {
            switch (of(m.sentAt(), now)) {
                case CURRENT -> current.add(m);
                case STALE -> ignored.add(new Ignored(IgnoreReason.STALE, m.wamid()));
                case FUTURE -> refused.add(Refused.of(RefuseReason.FUTURE_TIMESTAMP, m.wamid(), m.customerKey()));
            }
        }
        return new ParsedWebhook(current, ignored, parsed.failures(), refused);
    }
}
