package io.playloop.engine;

import io.playloop.games.referral.ReferralCode;
import java.util.Objects;
import java.util.Optional;

/**
 * Which slices of a customer's state one message needs read, decided from the message and the campaign alone
 * (before anything is read: see {@link Engine#readPlan}). The profile, the points and the progress are always read
 * (every step may earn, and progress reacts to every step); the rest only when the message asks for it.
 *
 * @param quiz  the quiz session: QUIZ, an answer, or text the quiz may take as a typed answer
 * @param spin  the wheel: SPIN, REWARDS (it lists the wheel's prizes), a shop event (coupons used)
 * @param board the week's board: TOP
 * @param code  the referral code the message carries, whose holder is read
 * @param slices the sort keys of the registered mechanics' slices the message is routed to (see
 *               {@link io.playloop.mechanic.Mechanic#slice})
 */
public record ReadPlan(boolean quiz, boolean spin, boolean board, Optional<ReferralCode> code,
                       java.util.Set<String> slices) {
    /** Every slice: priming, and the re-run of a step whose plan missed a slice it wrote. */
    public static final ReadPlan ALL = new ReadPlan(true, true, true, Optional.empty(), java.util.Set.of());
    /** A shop event: points, progress and the wheel (coupons it used), no code. */
    public static final ReadPlan COMMERCE = new ReadPlan(false, true, false, Optional.empty(), java.util.Set.of());

    public ReadPlan {
        Objects.requireNonNull(code, "code");
        slices = java.util.Set.copyOf(slices);
    }

    /** A plan of the built-in slices only (no registered mechanic's slice). */
    public ReadPlan(boolean quiz, boolean spin, boolean board, Optional<ReferralCode> code) {
        this(quiz, spin, board, code, java.util.Set.of());
    }

    /** Whether the outcome writes only slices this plan read (a write of an unread slice would start from nothing). */
    public boolean covers(Outcome outcome) {
        return (quiz || outcome.quiz().isEmpty()) && (spin || outcome.spin().isEmpty())
                && outcome.slices().stream().allMatch(change -> slices.contains(change.sortKey()));
    }

    /** This plan with every slice read, keeping the code. */
    public ReadPlan everything() {
        return new ReadPlan(true, true, true, code, slices);
    }
}
