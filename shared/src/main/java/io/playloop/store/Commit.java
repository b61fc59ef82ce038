package io.playloop.store;

import io.playloop.engine.ConsentChange;
import io.playloop.engine.Customer;
import java.util.Optional;

/**
 * One atomic write: the receipt, the customer's new state, and the consent event.
 *
 * @param receipt         the receipt to create (condition: no live receipt for its wamid)
 * @param customer        the new state; written only if the stored version equals {@code expectedVersion}
 * @param expectedVersion the version read (0 = the customer must not exist yet)
 * @param consentChange   a consent event to append, if any
 * @param spin            a spin to record (wheel state, budget claim), if the wheel turned
 * @param quiz            a new quiz session to store, if it changed
 * @param points          a points change (account and new ledger entries), if any
 * @param progress        a progress change (badges, completions, referral records, score, code claim), if any
 * @param schedule        the outreach schedule with an earlier next look, if the step brought one (its
 *                        {@code version} is the one read)
 * @param order           the shop order this step applied, if it is a paid order: recorded on the customer's side
 *                        ({@link Keys#customerOrder}), so an erasure finds the order's link
 * @param step            SPI mechanics' slices and items, and the step's events (stored on the receipt)
 */
public record Commit(InboundReceipt receipt, Customer customer, long expectedVersion,
                     Optional<ConsentChange> consentChange, Optional<PointsWrite> points,
                     Optional<QuizWrite> quiz, Optional<SpinWrite> spin, Optional<ProgressWrite> progress,
                     Optional<io.playloop.outreach.Schedule> schedule, Optional<ShopOrder> order,
                     StepItems.StepWrites step) {
    /** A commit without SPI mechanics' writes or events. */
    public Commit(InboundReceipt receipt, Customer customer, long expectedVersion,
                  Optional<ConsentChange> consentChange, Optional<PointsWrite> points,
                  Optional<QuizWrite> quiz, Optional<SpinWrite> spin, Optional<ProgressWrite> progress,
                  Optional<io.playloop.outreach.Schedule> schedule, Optional<ShopOrder> order) {
        this(receipt, customer, expectedVersion, consentChange, points, quiz, spin, progress, schedule, order,
                StepItems.StepWrites.NONE);
    }

    /** A paid shop order, as its link {@link Keys#shopOrder} names it. */
    public record ShopOrder(String source, String orderId) {
        public ShopOrder {
            java.util.Objects.requireNonNull(source, "source");
            java.util.Objects.requireNonNull(orderId, "orderId");
        }
    }

    public Commit {
        java.util.Objects.requireNonNull(order, "order");
        java.util.Objects.requireNonNull(step, "step");
        java.util.Objects.requireNonNull(schedule, "schedule");
        java.util.Objects.requireNonNull(progress, "progress");
        java.util.Objects.requireNonNull(spin, "spin");
        java.util.Objects.requireNonNull(points, "points");
        java.util.Objects.requireNonNull(quiz, "quiz");
    }

    /** A commit of no shop order. */
    public Commit(InboundReceipt receipt, Customer customer, long expectedVersion,
                  Optional<ConsentChange> consentChange, Optional<PointsWrite> points,
                  Optional<QuizWrite> quiz, Optional<SpinWrite> spin, Optional<ProgressWrite> progress,
                  Optional<io.playloop.outreach.Schedule> schedule) {
        this(receipt, customer, expectedVersion, consentChange, points, quiz, spin, progress, schedule,
                Optional.empty());
    }

    /** A commit that leaves the schedule alone. */
    public Commit(InboundReceipt receipt, Customer customer, long expectedVersion,
                  Optional<ConsentChange> consentChange, Optional<PointsWrite> points,
                  Optional<QuizWrite> quiz, Optional<SpinWrite> spin, Optional<ProgressWrite> progress) {
        this(receipt, customer, expectedVersion, consentChange, points, quiz, spin, progress, Optional.empty());
    }

    /** A commit that leaves progress alone. */
    public Commit(InboundReceipt receipt, Customer customer, long expectedVersion,
                  Optional<ConsentChange> consentChange, Optional<PointsWrite> points,
                  Optional<QuizWrite> quiz, Optional<SpinWrite> spin) {
        this(receipt, customer, expectedVersion, consentChange, points, quiz, spin, Optional.empty());
    }

    /** A commit that leaves the quiz alone. */
    public Commit(InboundReceipt receipt, Customer customer, long expectedVersion,
                  Optional<ConsentChange> consentChange, Optional<PointsWrite> points) {
        this(receipt, customer, expectedVersion, consentChange, points, Optional.empty(), Optional.empty());
    }

    /** A commit without a spin. */
    public Commit(InboundReceipt receipt, Customer customer, long expectedVersion,
                  Optional<ConsentChange> consentChange, Optional<PointsWrite> points, Optional<QuizWrite> quiz) {
        this(receipt, customer, expectedVersion, consentChange, points, quiz, Optional.empty());
    }

    /** A commit that changes no points. */
    public Commit(InboundReceipt receipt, Customer customer, long expectedVersion,
                  Optional<ConsentChange> consentChange) {
        this(receipt, customer, expectedVersion, consentChange, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
