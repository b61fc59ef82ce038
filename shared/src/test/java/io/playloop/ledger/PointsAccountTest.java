package io.playloop.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

// Unit tier: the ledger's rules as a customer meets them (earning, spending, expiry, refunds, replays).
class PointsAccountTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private static PointsAccount applied(LedgerResult result) {
        assertThat(result).isInstanceOf(LedgerResult.Applied.class);
        return result.account();
    }

    private static Instant day(int n) {
        return T0.plus(DAY.multipliedBy(n));
    }

    @Test
    void spending_takesTheLotsThatExpireFirst_soTheCustomerLosesNothingToExpiry() {
        PointsAccount account = PointsAccount.empty();
        account = applied(account.grant(50, "quiz.correct", "wamid.late", T0, day(90)));
        account = applied(account.grant(30, "keyword", "wamid.soon", day(1), day(10)));

        LedgerResult spent = account.spend(40, "reward:coffee", "spend-1", day(2));

        LedgerEntry entry = spent.entries().get(0);
        assertThat(entry.kind()).isEqualTo(EntryKind.SPEND);
        assertThat(entry.lots()).containsExactly(new LotShare("wamid.soon", 30), new LotShare("wamid.late", 10));
        assertThat(spent.account().balance(day(2))).isEqualTo(40);
        // Day 10: the soon-expiring lot was used up, so nothing expires and the customer keeps 40.
        assertThat(spent.account().balance(day(11))).isEqualTo(40);
    }

    @Test
    void spendingMoreThanTheBalance_isRefused_withTheBalance_andChangesNothing() {
        PointsAccount account = applied(PointsAccount.empty().grant(25, "quiz.correct", "wamid.1", T0, day(30)));

        LedgerResult result = account.spend(40, "reward:coffee", "spend-1", day(1));

        assertThat(result).isEqualTo(new LedgerResult.InsufficientBalance(account, 25, 40));
        assertThat(result.changed()).isFalse();
        assertThat(result.account()).isSameAs(account);
    }

    @Test
    void expiredPoints_cannotBeSpent_evenBeforeAnExpiryRunRecordedThem() {
        PointsAccount account = applied(PointsAccount.empty().grant(25, "quiz.correct", "wamid.1", T0, day(30)));

        assertThat(account.balance(day(30).minusSeconds(1))).isEqualTo(25);
        assertThat(account.balance(day(30))).isZero();
        assertThat(account.spend(10, "reward:coffee", "spend-1", day(30)))
                .isEqualTo(new LedgerResult.InsufficientBalance(account, 0, 10));
    }

    @Test
    void expiry_recordsTheUnusedRemainderOfEachLot_andKeepsThePointsEarned() {
        PointsAccount account = PointsAccount.empty();
        account = applied(account.grant(50, "quiz.correct", "wamid.1", T0, day(30)));
        account = applied(account.grant(20, "keyword", "wamid.2", T0, day(60)));
        account = applied(account.spend(35, "reward:coffee", "spend-1", day(1)));

        LedgerResult expired = account.expire(day(30));

        assertThat(expired.entries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.EXPIRE);
            assertThat(e.points()).isEqualTo(-15);
            assertThat(e.lots()).containsExactly(new LotShare("wamid.1", 15));
        });
        assertThat(expired.account().balance(day(30))).isEqualTo(20);
        assertThat(expired.account().earnedTotal()).isEqualTo(70);
        assertThat(expired.account().expire(day(30)).changed()).isFalse();
    }

    @Test
    void aGrantAfterExpiry_recordsTheExpiryFirst_soBalanceAndLedgerAgree() {
        PointsAccount account = applied(PointsAccount.empty().grant(50, "quiz.correct", "wamid.1", T0, day(30)));

        LedgerResult result = account.grant(10, "keyword", "wamid.2", day(31), day(61));

        assertThat(result.entries()).extracting(LedgerEntry::kind).containsExactly(EntryKind.EXPIRE, EntryKind.GRANT);
        assertThat(result.account().balance(day(31))).isEqualTo(10)
                .isEqualTo(result.account().entries().stream().mapToLong(LedgerEntry::points).sum());
    }

    @Test
    void aRedeliveredMessage_grantsNothingMore() {
        LedgerResult first = PointsAccount.empty().grant(10, "quiz.correct", "wamid.1", T0, day(30));

        LedgerResult again = first.account().grant(10, "quiz.correct", "wamid.1", T0.plusSeconds(5), day(30));

        assertThat(again).isInstanceOf(LedgerResult.AlreadyApplied.class);
        assertThat(again.account()).isSameAs(first.account());
        assertThat(((LedgerResult.AlreadyApplied) again).existing()).contains(first.entries().get(0));
        assertThat(again.account().balance(T0)).isEqualTo(10);
    }

    @Test
    void aDoubleTappedRewardButton_spendsOnce() {
        PointsAccount account = applied(PointsAccount.empty().grant(100, "quiz.correct", "wamid.1", T0, day(30)));
        account = applied(account.spend(60, "reward:coffee", "wamid.tap", day(1)));

        LedgerResult again = account.spend(60, "reward:coffee", "wamid.tap", day(1));

        assertThat(again).isInstanceOf(LedgerResult.AlreadyApplied.class);
        assertThat(again.account().balance(day(1))).isEqualTo(40);
    }

    @Test
    @DisplayName("a refund takes back what is left of the order's points, and the tier no longer counts them")
    void refundOfAnUnspentGrant() {
        PointsAccount account = applied(PointsAccount.empty().grant(100, "order", "order-42", T0, day(365)));
        account = applied(account.grant(30, "quiz.correct", "wamid.1", T0, day(30)));

        LedgerResult refunded = account.reverse("order-42", "refund:r-1", day(2));

        assertThat(refunded.account().balance(day(2))).isEqualTo(30);
        assertThat(refunded.account().earnedTotal()).isEqualTo(30);
        assertThat(refunded.entries()).singleElement().satisfies(e -> {
            assertThat(e.points()).isEqualTo(-100);
            assertThat(e.earned()).isEqualTo(-100);
            assertThat(e.notRecovered()).isZero();
        });
    }

    @Test
    @DisplayName("a refund after the points were spent takes nothing from other points; the reward stays bought")
    void refundOfASpentGrant_neverTakesFromOtherLots() {
        PointsAccount account = applied(PointsAccount.empty().grant(100, "order", "order-42", T0, day(30)));
        account = applied(account.grant(50, "quiz.correct", "wamid.1", T0, day(365)));
        account = applied(account.spend(80, "reward:bag", "spend-1", day(1)));   // 80 from order-42's lot

        LedgerResult refunded = account.reverse("order-42", "refund:r-1", day(2));

        LedgerEntry reversal = refunded.entries().get(0);
        assertThat(reversal.points()).isEqualTo(-20);         // what was left of the order's lot
        assertThat(reversal.notRecovered()).isEqualTo(80);    // spent before the refund: not clawed back
        assertThat(refunded.account().balance(day(2))).isEqualTo(50);  // the quiz points are untouched
        assertThat(refunded.account().earnedTotal()).isEqualTo(50);    // the order no longer counts for tiers
    }

    @Test
    void refundOfAFullySpentGrant_recordsTheReversal_withoutGoingBelowZero() {
        PointsAccount account = applied(PointsAccount.empty().grant(100, "order", "order-42", T0, day(30)));
        account = applied(account.spend(100, "reward:bag", "spend-1", day(1)));

        LedgerResult refunded = account.reverse("order-42", "refund:r-1", day(2));

        assertThat(refunded.entries()).singleElement().satisfies(e -> {
            assertThat(e.points()).isZero();
            assertThat(e.lots()).isEmpty();
            assertThat(e.notRecovered()).isEqualTo(100);
        });
        assertThat(refunded.account().balance(day(2))).isZero();
        assertThat(refunded.account().earnedTotal()).isZero();
    }

    @Test
    void aRefundProcessedTwice_takesBackOnce() {
        PointsAccount account = applied(PointsAccount.empty().grant(100, "order", "order-42", T0, day(30)));
        account = applied(account.grant(40, "quiz.correct", "wamid.1", T0, day(30)));
        account = applied(account.reverse("order-42", "refund:r-1", day(1)));

        LedgerResult again = account.reverse("order-42", "refund:r-1", day(1));

        assertThat(again).isInstanceOf(LedgerResult.AlreadyApplied.class);
        assertThat(again.account().balance(day(1))).isEqualTo(40);
        assertThat(again.account().earnedTotal()).isEqualTo(40);
    }

    @Test
    void refundOfAnOrderThatEarnedNothing_isReported_andChangesNothing() {
        PointsAccount account = applied(PointsAccount.empty().grant(40, "quiz.correct", "wamid.1", T0, day(30)));

        assertThat(account.reverse("order-99", "refund:r-1", day(1)))
                .isEqualTo(new LedgerResult.UnknownGrant(account, "order-99"));
    }

    @Test
    void aTrimmedAccount_stillRefusesToGrantTwiceForAnEventWhoseLotItHolds() {
        PointsAccount account = applied(PointsAccount.empty().grant(40, "quiz.correct", "wamid.1", T0, day(30)));
        PointsAccount trimmed = account.withEntriesSince(day(20));

        assertThat(trimmed.entries()).isEmpty();
        assertThat(trimmed.grant(40, "quiz.correct", "wamid.1", T0, day(30)))
                .isEqualTo(new LedgerResult.AlreadyApplied(trimmed, java.util.Optional.empty()));
        assertThat(trimmed.reverse("wamid.1", "fraud", day(21)).account().earnedTotal()).isZero();
    }

    @Test
    void aRefundArrivingAfterThePointsExpired_takesNothing_butTheTierNoLongerCountsThem() {
        PointsAccount account = applied(PointsAccount.empty().grant(100, "order", "order-42", T0, day(30)));
        PointsAccount trimmed = account.withEntriesSince(day(10));   // as read back from the table

        LedgerResult refunded = trimmed.reverse("order-42", "refund:r-1", day(31));

        assertThat(refunded.entries()).extracting(LedgerEntry::kind).containsExactly(EntryKind.EXPIRE, EntryKind.REVERSE);
        assertThat(refunded.entries().get(1).notRecovered()).isEqualTo(100);
        assertThat(refunded.account().balance(day(31))).isZero();
        assertThat(refunded.account().earnedTotal()).isZero();
    }

    @Test
    void pointsThatNeverExpire_areNotOfferedAsTheNextToExpire() {
        PointsAccount account = applied(PointsAccount.empty().grant(40, "welcome", "wamid.1", T0, Lot.NEVER));
        account = applied(account.grant(10, "quiz.correct", "wamid.2", T0, day(30)));

        assertThat(account.nextToExpire(day(1))).map(Lot::id).contains("wamid.2");
        assertThat(account.expire(day(1000)).account().balance(day(1000))).isEqualTo(40);
    }

    @Test
    void badGrants_areRefusedWithTheReason() {
        PointsAccount account = PointsAccount.empty();
        assertThatThrownBy(() -> account.grant(0, "quiz.correct", "wamid.1", T0, day(1)))
                .hasMessageContaining("points must be between 1 and");
        assertThatThrownBy(() -> account.grant(5, "quiz.correct", "wamid.1", T0, T0))
                .hasMessageContaining("must expire after it is granted");
        assertThatThrownBy(() -> account.grant(5, "quiz.correct", " ", T0, day(1)))
                .hasMessageContaining("must not be blank");
    }

    @Test
    void lotsComeBackInSpendingOrder_whateverOrderTheStoreReadThemIn() {
        Lot late = new Lot("a", 10, 10, T0, day(90));
        Lot soon = new Lot("b", 10, 5, T0, day(10));

        PointsAccount readLateFirst = new PointsAccount(List.of(late, soon), 20, List.of());

        assertThat(readLateFirst).isEqualTo(new PointsAccount(List.of(soon, late), 20, List.of()));
        assertThat(readLateFirst.lots()).containsExactly(soon, late);
    }
}
