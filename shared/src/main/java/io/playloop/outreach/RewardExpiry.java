package io.playloop.outreach;

import io.playloop.engine.WalletEntry;
import java.time.Instant;
import java.util.List;

/** Rewards whose code stopped working: the scheduler marks their records EXPIRED once, at {@code validUntil}. */
public final class RewardExpiry {
    private RewardExpiry() {
    }

    /** The schedule's mark that the reward's expiry was recorded. */
    public static String id(WalletEntry entry) {
        return "expired:" + entry.rewardId();
    }

    /** The schedule's mark that a won code's expiry was recorded. */
    public static String wonId(io.playloop.engine.Reward won) {
        return "expired:won:" + won.spinId();
    }

    /** Codes won on the wheel, unused and past their validity, whose expiry is not yet recorded. */
    public static List<io.playloop.engine.Reward> wonDue(List<io.playloop.engine.Reward> won, Schedule schedule,
                                                        Instant now) {
        return won.stream()
                .filter(w -> w.code().isPresent() && !now.isBefore(w.validUntil())
                        && now.isBefore(w.validUntil().plus(java.time.Duration.ofDays(1))) && !schedule.isDone(wonId(w)))
                .toList();
    }

    /** How long the schedule remembers the mark (the expiry is looked for only until then). */
    public static Instant markKeptUntil(WalletEntry entry) {
        return entry.validUntil().plus(java.time.Duration.ofDays(1));
    }

    /** Unused rewards past their validity whose expiry is not yet recorded. */
    public static List<WalletEntry> due(List<WalletEntry> wallet, Schedule schedule, Instant now) {
        return wallet.stream()
                .filter(w -> w.usedAt().isEmpty() && !now.isBefore(w.validUntil())
                        && now.isBefore(markKeptUntil(w)) && !schedule.isDone(id(w)))
                .toList();
    }
}
