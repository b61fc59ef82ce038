package io.playloop.store;

import io.playloop.engine.Customer;
import java.util.Optional;

/**
 * The state read before processing one inbound message.
 *
 * @param customer the stored customer, empty on first contact
 * @param points   the points account ({@link PointsState#NONE} when there is none yet)
 * @param spin     the wheel ({@link SpinState#NONE} when never spun)
 * @param quiz     the quiz session ({@link QuizState#NONE} when never played)
 * @param receipt  the live receipt of this wamid, empty when it was never processed (or its record expired)
 * @param progress the customer's progress ({@link ProgressState#NONE} when none)
 * @param codeHolder who holds the referral code the message carries, when it carries one the table knows
 * @param schedule the customer's outreach schedule ({@link io.playloop.outreach.Schedule#NONE} when none, or when
 *                 not read: a planned load leaves it out)
 * @param lastIn   the profile's hint of the last message applied ({@link StoreItems#lastInHint}), when it has one
 * @param slices   SPI mechanics' slices read for this message, by sort key (only those stored)
 */
public record Snapshot(Optional<Customer> customer, Optional<InboundReceipt> receipt, PointsState points,
                       QuizState quiz, SpinState spin, ProgressState progress,
                       Optional<io.playloop.engine.CodeHolder> codeHolder, io.playloop.outreach.Schedule schedule,
                       Optional<String> lastIn, java.util.Map<String, io.playloop.mechanic.StoredSlice> slices) {
    /** A snapshot without SPI mechanics' slices. */
    public Snapshot(Optional<Customer> customer, Optional<InboundReceipt> receipt, PointsState points,
                    QuizState quiz, SpinState spin, ProgressState progress,
                    Optional<io.playloop.engine.CodeHolder> codeHolder, io.playloop.outreach.Schedule schedule,
                    Optional<String> lastIn) {
        this(customer, receipt, points, quiz, spin, progress, codeHolder, schedule, lastIn, java.util.Map.of());
    }

    public Snapshot {
        slices = java.util.Map.copyOf(slices);
        java.util.Objects.requireNonNull(lastIn, "lastIn");
        java.util.Objects.requireNonNull(schedule, "schedule");
        java.util.Objects.requireNonNull(progress, "progress");
        java.util.Objects.requireNonNull(codeHolder, "codeHolder");
        java.util.Objects.requireNonNull(spin, "spin");
        java.util.Objects.requireNonNull(points, "points");
        java.util.Objects.requireNonNull(quiz, "quiz");
    }

    /** A snapshot without a last-message hint. */
    public Snapshot(Optional<Customer> customer, Optional<InboundReceipt> receipt, PointsState points,
                    QuizState quiz, SpinState spin, ProgressState progress,
                    Optional<io.playloop.engine.CodeHolder> codeHolder, io.playloop.outreach.Schedule schedule) {
        this(customer, receipt, points, quiz, spin, progress, codeHolder, schedule, Optional.empty());
    }

    /** Whether the customer's last applied message was {@code wamid} (then its receipt is worth reading). */
    public boolean lastInWas(String wamid) {
        return lastIn.isPresent() && lastIn.get().equals(StoreItems.lastInHint(wamid));
    }

    /** A snapshot of a customer the scheduler has not seen. */
    public Snapshot(Optional<Customer> customer, Optional<InboundReceipt> receipt, PointsState points,
                    QuizState quiz, SpinState spin, ProgressState progress,
                    Optional<io.playloop.engine.CodeHolder> codeHolder) {
        this(customer, receipt, points, quiz, spin, progress, codeHolder, io.playloop.outreach.Schedule.NONE);
    }

    /** A snapshot of a customer without progress, of a message without a referral code. */
    public Snapshot(Optional<Customer> customer, Optional<InboundReceipt> receipt, PointsState points,
                    QuizState quiz, SpinState spin) {
        this(customer, receipt, points, quiz, spin, ProgressState.NONE, Optional.empty());
    }

    /** A snapshot of a customer who never played the quiz. */
    public Snapshot(Optional<Customer> customer, Optional<InboundReceipt> receipt, PointsState points) {
        this(customer, receipt, points, QuizState.NONE);
    }

    /** A snapshot of a customer who never spun. */
    public Snapshot(Optional<Customer> customer, Optional<InboundReceipt> receipt, PointsState points,
                    QuizState quiz) {
        this(customer, receipt, points, quiz, SpinState.NONE);
    }

    /** A snapshot of a customer without a points item. */
    public Snapshot(Optional<Customer> customer, Optional<InboundReceipt> receipt) {
        this(customer, receipt, PointsState.NONE);
    }
}
