package io.playloop.engine;

import io.playloop.games.quiz.QuizSession;
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
 * @param points        the points change to store with the receipt (new account and ledger entries), if any
 */
public record Outcome(Customer customer, Optional<ConsentChange> consentChange, Optional<OutboundMessage> reply,
                      String intent, boolean windowClosed, Optional<LedgerResult.Applied> points,
                      Optional<QuizSession> quiz) {
    public Outcome {
        Objects.requireNonNull(quiz, "quiz");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(consentChange, "consentChange");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(intent, "intent");
    }

    /** An outcome that changes no points. */
    public Outcome(Customer customer, Optional<ConsentChange> consentChange, Optional<OutboundMessage> reply,
                   String intent, boolean windowClosed) {
        this(customer, consentChange, reply, intent, windowClosed, Optional.empty(), Optional.empty());
    }
}
