package io.playloop.games.referral;

import java.util.Collection;

/**
 * A referrer's progress toward a "refer N friends" goal: "2 of 3 joined".
 *
 * @param joined  referrals that counted
 * @param pending friends who came with the code but have not yet qualified
 * @param target  the goal
 */
public record ReferralProgress(int joined, int pending, int target) {
    public ReferralProgress {
        if (joined < 0 || pending < 0 || target < 1) {
            throw new IllegalArgumentException("joined, pending >= 0 and target >= 1");
        }
    }

    /** Progress from the referrer's referral records. */
    public static ReferralProgress of(Collection<Referral> referrals, int target) {
        int joined = (int) referrals.stream().filter(r -> r.state() == ReferralState.QUALIFIED).count();
        int pending = (int) referrals.stream().filter(r -> r.state() == ReferralState.PENDING).count();
        return new ReferralProgress(joined, pending, target);
    }

    /** Whether the goal is reached. */
    public boolean complete() {
        return joined >= target;
    }

    /** Joined, capped at the target: the "2" in "2 of 3 joined" (never "4 of 3"). */
    public int shownJoined() {
        return Math.min(joined, target);
    }
}
