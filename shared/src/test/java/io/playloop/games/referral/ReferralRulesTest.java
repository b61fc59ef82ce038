package io.playloop.games.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// Unit tier: whose friend a newcomer is, and when the referral counts.
class ReferralRulesTest {
    private static final String AMINA = "+966501234567";
    private static final String LEO = "+33612345678";
    private static final ReferralCode CODE = ReferralCode.of(AMINA, ReferralCodeTest.SECRET);
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final ReferralRules RULES = new ReferralRules(Optional.of(Duration.ofDays(30)));

    @Test
    void aNewFriend_isAttributedPending() {
        Attribution a = RULES.attribute(CODE, Optional.of(AMINA), LEO, false, Optional.empty(), T0);
        assertThat(a).isEqualTo(new Attribution.Attributed(Referral.pending(AMINA, LEO, CODE, T0)));
    }

    @Test
    void ownCode_existingCustomer_secondReferral_unknownCode_areRejectedWithTheirReason() {
        assertThat(RULES.attribute(CODE, Optional.of(AMINA), AMINA, true, Optional.empty(), T0))
                .isEqualTo(new Attribution.Rejected(RejectReason.SELF));
        assertThat(RULES.attribute(CODE, Optional.of(AMINA), LEO, true, Optional.empty(), T0))
                .isEqualTo(new Attribution.Rejected(RejectReason.EXISTING_CUSTOMER));
        Referral byOther = Referral.pending("+971500000000", LEO, CODE, T0.minusSeconds(60));
        assertThat(RULES.attribute(CODE, Optional.of(AMINA), LEO, true, Optional.of(byOther), T0))
                .isEqualTo(new Attribution.Rejected(RejectReason.ALREADY_REFERRED));
        assertThat(RULES.attribute(CODE, Optional.empty(), LEO, false, Optional.empty(), T0))
                .isEqualTo(new Attribution.Rejected(RejectReason.UNKNOWN_CODE));
    }

    @Test
    void theReferralCounts_onlyOnceTheFriendOptedIn_andPlayed() {
        Referral pending = Referral.pending(AMINA, LEO, CODE, T0);
        Instant later = T0.plus(Duration.ofHours(2));

        assertThat(RULES.advance(pending, new FriendStatus(true, false), later)).isInstanceOf(Qualification.Unchanged.class);
        assertThat(RULES.advance(pending, new FriendStatus(false, true), later)).isInstanceOf(Qualification.Unchanged.class);
        Qualification q = RULES.advance(pending, new FriendStatus(true, true), later);
        assertThat(q).isInstanceOf(Qualification.Qualified.class);
        Referral counted = ((Qualification.Qualified) q).referral();
        assertThat(counted.state()).isEqualTo(ReferralState.QUALIFIED);
        assertThat(counted.qualifiedAt()).contains(later);

        // A replayed event after it counted changes nothing: the referrer is not paid twice.
        assertThat(RULES.advance(counted, new FriendStatus(true, true), later.plusSeconds(5)))
                .isEqualTo(new Qualification.Unchanged(counted));
    }

    @Test
    void aFriendWhoNeverPlays_lapsesAfterThirtyDays() {
        Referral pending = Referral.pending(AMINA, LEO, CODE, T0);
        assertThat(RULES.advance(pending, new FriendStatus(true, true), T0.plus(Duration.ofDays(30))))
                .isInstanceOfSatisfying(Qualification.Expired.class,
                        e -> assertThat(e.referral().reason()).contains(RejectReason.EXPIRED));
        assertThat(ReferralRules.NO_LIMIT.advance(pending, new FriendStatus(true, true), T0.plus(Duration.ofDays(300))))
                .isInstanceOf(Qualification.Qualified.class);
    }

    @Test
    void progress_saysTwoOfThreeJoined_andNeverFourOfThree() {
        Referral joined = ((Qualification.Qualified) RULES.advance(Referral.pending(AMINA, LEO, CODE, T0),
                new FriendStatus(true, true), T0)).referral();
        Referral joined2 = ((Qualification.Qualified) RULES.advance(Referral.pending(AMINA, "+33700000000", CODE, T0),
                new FriendStatus(true, true), T0)).referral();
        Referral waiting = Referral.pending(AMINA, "+20100000000", CODE, T0);

        ReferralProgress p = ReferralProgress.of(List.of(joined, joined2, waiting), 3);
        assertThat(p).isEqualTo(new ReferralProgress(2, 1, 3));
        assertThat(p.complete()).isFalse();
        assertThat(new ReferralProgress(4, 0, 3).shownJoined()).isEqualTo(3);
    }
}
