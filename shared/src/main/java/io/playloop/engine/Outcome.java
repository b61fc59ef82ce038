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
 * @param progress      what changed in the customer's progress (badges, challenges, tier, referrals, score)
 * @param erase         the customer confirmed they want their data deleted: erase them once the reply has gone
 * @param slices        SPI mechanics' slices that changed ({@link io.playloop.mechanic.Mechanic}), to write under the
 *                      version read
 * @param writes        other items SPI mechanics write with the step (records, budget claims)
 * @param events        what happened, numbered {@code <wamid or event id>#<n>} (see {@link OutcomeEvents}); stored
 *                      with the step's receipt
 */
public record Outcome(Customer customer, Optional<ConsentChange> consentChange, Optional<OutboundMessage> reply,
                      String intent, boolean windowClosed, Optional<LedgerResult.Applied> points,
                      Optional<QuizSession> quiz, Optional<SpinOutcome> spin, Optional<ProgressOutcome> progress,
                      boolean erase, java.util.List<io.playloop.mechanic.SliceChange> slices,
                      java.util.List<io.playloop.mechanic.ItemWrite> writes,
                      java.util.List<io.playloop.mechanic.DomainEvent> events) {
    /** An outcome without SPI mechanics' writes or events (what code written before them builds). */
    public Outcome(Customer customer, Optional<ConsentChange> consentChange, Optional<OutboundMessage> reply,
                   String intent, boolean windowClosed, Optional<LedgerResult.Applied> points,
                   Optional<QuizSession> quiz, Optional<SpinOutcome> spin, Optional<ProgressOutcome> progress,
                   boolean erase) {
        this(customer, consentChange, reply, intent, windowClosed, points, quiz, spin, progress, erase,
                java.util.List.of(), java.util.List.of(), java.util.List.of());
    }

    /** The same outcome with the SPI mechanics' slices, item writes and the step's events. */
    public Outcome with(java.util.List<io.playloop.mechanic.SliceChange> slices,
                        java.util.List<io.playloop.mechanic.ItemWrite> writes,
                        java.util.List<io.playloop.mechanic.DomainEvent> events) {
        return new Outcome(customer, consentChange, reply, intent, windowClosed, points, quiz, spin, progress, erase,
                slices, writes, events);
    }

    /** An outcome that erases no one. */
    public Outcome(Customer customer, Optional<ConsentChange> consentChange, Optional<OutboundMessage> reply,
                   String intent, boolean windowClosed, Optional<LedgerResult.Applied> points,
                   Optional<QuizSession> quiz, Optional<SpinOutcome> spin, Optional<ProgressOutcome> progress) {
        this(customer, consentChange, reply, intent, windowClosed, points, quiz, spin, progress, false);
    }

    public Outcome {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(quiz, "quiz");
        Objects.requireNonNull(spin, "spin");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(consentChange, "consentChange");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(intent, "intent");
        slices = java.util.List.copyOf(slices);
        writes = java.util.List.copyOf(writes);
        events = java.util.List.copyOf(events);
    }

    /** An outcome that changes no points. */
    public Outcome(Customer customer, Optional<ConsentChange> consentChange, Optional<OutboundMessage> reply,
                   String intent, boolean windowClosed) {
        this(customer, consentChange, reply, intent, windowClosed, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * A change of the customer's progress, to store with the receipt.
     *
     * @param progress    the progress item's new value
     * @param badges      badge ids awarded now (records inserted once)
     * @param completions challenge completion ids now ({@code <challenge>#<period>}, records inserted once)
     * @param attributed  a referral started by this message (the referrer's record, inserted once)
     * @param qualified   a referral that counts from now (the referrer's record, moved from PENDING once)
     * @param score       this week's score item, when it changed
     * @param codeClaim   the referral code shown for the first time (its {@code CODE#} record, claimed once)
     * @param redemption  a reward bought from the catalogue (records, stock claim), if any
     * @param couponsUsed rewards whose coupon an order used (their coupon records are marked used)
     */
    public record ProgressOutcome(Progress progress, java.util.List<String> badges, java.util.List<String> completions,
                                  Optional<io.playloop.games.referral.Referral> attributed,
                                  Optional<io.playloop.games.referral.Referral> qualified,
                                  Optional<io.playloop.games.leaderboard.ScoreItem> score,
                                  Optional<io.playloop.games.referral.ReferralCode> codeClaim,
                                  Optional<Redemption> redemption, java.util.List<WalletEntry> couponsUsed) {
        public ProgressOutcome {
            Objects.requireNonNull(progress, "progress");
            badges = java.util.List.copyOf(badges);
            completions = java.util.List.copyOf(completions);
            Objects.requireNonNull(attributed, "attributed");
            Objects.requireNonNull(qualified, "qualified");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(codeClaim, "codeClaim");
            Objects.requireNonNull(redemption, "redemption");
            couponsUsed = java.util.List.copyOf(couponsUsed);
        }
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
