package io.playloop.engine;

import io.playloop.games.quiz.OptionIds;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A customer's request to delete their data, in two steps: ERASE ("DELETE MY DATA") answers with the question and
 * two buttons; only a tap on the confirm button erases (after the reply saying so has gone: the engine marks the
 * outcome, the game hands the erasure to the reward function). The buttons' ids are signed for this customer with
 * the quiz's key ({@link OptionIds#signPayload}): {@code erase:<asked at, base-36 epoch seconds>:<c|x>:<mac>}. A
 * forged, altered or another customer's id, one older than {@link #CONFIRM_WITHIN}, or one asked before this
 * customer's first message (a button from before an earlier erasure) does nothing: it is read as plain text.
 */
final class ErasurePlay {
    /** How long the confirm button stays good. */
    static final Duration CONFIRM_WITHIN = Duration.ofHours(24);
    /** Meta's timestamps and our clock may differ by this much. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);
    private static final String PREFIX = "erase:";
    private static final String CONFIRM = "c";
    private static final String CANCEL = "x";

    private ErasurePlay() {
    }

    /** Whether a tapped id looks like one of ours (it still has to verify). */
    static boolean looksLikeAnswer(String replyId) {
        return replyId != null && replyId.startsWith(PREFIX);
    }

    /** The question, with its buttons signed for this customer at {@code now}. */
    static OutboundMessage ask(Replies replies, OptionIds ids, String customerKey, String language, String to,
                               Instant now) {
        String asked = PREFIX + Long.toString(now.getEpochSecond(), 36) + ":";
        return replies.eraseAsk(language, to, ids.signPayload(customerKey, asked + CONFIRM),
                ids.signPayload(customerKey, asked + CANCEL));
    }

    /**
     * What a tapped id says for this customer: {@link Intent#ERASE_CONFIRM} or {@link Intent#ERASE_CANCEL}; empty when
     * it does not verify, is too old, or was asked of an earlier customer with the same number.
     */
    static Optional<Intent> answer(OptionIds ids, Customer customer, String replyId, Instant now) {
        Optional<String> payload = ids.verifyPayload(customer.key(), replyId);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = payload.get().split(":", -1);
        if (parts.length != 3 || !parts[0].equals("erase") || !parts[1].matches("[0-9a-z]{1,12}")) {
            return Optional.empty();
        }
        Instant asked = Instant.ofEpochSecond(Long.parseLong(parts[1], 36));
        boolean fresh = !asked.isAfter(now.plus(CLOCK_SLACK)) && !asked.plus(CONFIRM_WITHIN).isBefore(now);
        boolean thisCustomer = customer.firstSeenAt() == null || !asked.isBefore(customer.firstSeenAt().minus(CLOCK_SLACK));
        if (!fresh || !thisCustomer) {
            return Optional.empty();
        }
        return switch (parts[2]) {
            case CONFIRM -> Optional.of(Intent.ERASE_CONFIRM);
            case CANCEL -> Optional.of(Intent.ERASE_CANCEL);
            default -> Optional.empty();
        };
    }
}
