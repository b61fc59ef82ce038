package io.playloop.campaign;

import java.util.Objects;

/**
 * Points for a referral that counts (the friend opted in and did a first qualifying action).
 *
 * @param points       to the referrer, per counted friend
 * @param friendPoints to the friend, once, when their referral counts (0 for none)
 * @param cap          the most the referrer earns from referrals per day/week
 */
public record ReferralRule(long points, long friendPoints, Cap cap) {
    public ReferralRule {
        Objects.requireNonNull(cap, "cap");
    }
}
