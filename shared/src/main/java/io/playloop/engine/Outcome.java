package io.playloop.engine;

import io.playloop.games.quiz.QuizSession;
import io.playloop.games.spin.BudgetClaim;
import io.playloop.ledger.LedgerResult;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine decided for one inbound message.
 *
 * @param customer      the customer's new state (to persist)
 * @param consentChange a consent event to append to the history, if any
 * @param reply         the message to send back, empty when none may or need be sent
 * @param intent        what the message was understood as (welcome, points, help, start, stop, unknown, ...):
 *                      for logs and metrics
 * @param windowClosed  true when a reply was suppressed because the 24-hour window had closed
 * @param quiz          the quiz session to store, when it changed
 * @param spin          the spin to record (new wheel state and budget claim), when the wheel turned
 * @param points        the points change to store with the receipt (new account and ledger entries), if any
 */
public record Outcome(Customer customer, Optional<ConsentChange> consentChange, Optional<OutboundMessage> reply,
                      String intent, boolean windowClosed, Optional<LedgerResult.Applied> points,
                      Optional<QuizSession> quiz, Optional<SpinOutcome> spin) {
    public Outcome {
        Objects.requireNonNull(quiz, "quiz");
        Objects.requireNonNull(spin, "spin");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(consentChange, "consentChange");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(intent, "intent");
    }

    /** An outcome that changes no points. */
    public Outcome(Customer customer, Optional<ConsentChange> consentChange, Optional<OutboundMessage> reply,
                   String intent, boolean windowClosed) {
        this(customer, consentChange, reply, intent, windowClosed, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * A spin to record before the reply.
     *
     * @param history the wheel state after the spin
     * @param claim   the prize's budget claim, if it has a budget
     */
    public record SpinOutcome(SpinHistory history, Optional<BudgetClaim> claim) {
        public SpinOutcome {
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(claim, "claim");
        }
    }
}
