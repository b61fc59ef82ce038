package io.playloop.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

// Unit tier: caps per local day and week, as a customer earning on keywords or quizzes meets them.
class EarningCapTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final Instant FAR = Instant.parse("2027-01-01T00:00:00Z");

    private static List<LedgerEntry> grants(String rule, long points, String... instants) {
        PointsAccount account = PointsAccount.empty();
        List<LedgerEntry> out = new ArrayList<>();
        int i = 0;
        for (String at : instants) {
            LedgerResult r = account.grant(points, rule, rule + "-" + i++, Instant.parse(at), FAR);
            account = r.account();
            out.addAll(r.entries());
        }
        return out;
    }

    @Test
    void dailyCap_countsOnlyTodaysGrantsOfThatRule() {
        EarningCap cap = EarningCap.perDay("keyword", 30);
        List<LedgerEntry> entries = new ArrayList<>(grants("keyword", 10, "2026-03-04T08:00:00Z", "2026-03-04T12:00:00Z"));
        entries.addAll(grants("quiz.correct", 50, "2026-03-04T13:00:00Z"));
        entries.addAll(grants("keyword", 10, "2026-03-03T12:00:00Z"));   // yesterday

        assertThat(cap.remaining(entries, Instant.parse("2026-03-04T15:00:00Z"), PARIS)).isEqualTo(10);
        assertThat(cap.grantable(25, entries, Instant.parse("2026-03-04T15:00:00Z"), PARIS)).isEqualTo(10);
    }

    @Test
    void dailyCap_resetsAtTheCustomersMidnight_notAtUtcMidnight() {
        EarningCap cap = EarningCap.perDay("keyword", 30);
        // 22:30 UTC on 3 March is already 01:30 on 4 March in Riyadh (UTC+3) ...
        List<LedgerEntry> entries = grants("keyword", 30, "2026-03-03T22:30:00Z");

        // ... so at 20:59 UTC on 4 March (23:59 in Riyadh) the day's cap is used up,
        assertThat(cap.remaining(entries, Instant.parse("2026-03-04T20:59:00Z"), RIYADH)).isZero();
        // and at 21:00 UTC (midnight in Riyadh) a new day starts.
        assertThat(cap.remaining(entries, Instant.parse("2026-03-04T21:00:00Z"), RIYADH)).isEqualTo(30);
        // In Paris (UTC+1) the same grant was on 3 March: 4 March is untouched.
        assertThat(cap.remaining(entries, Instant.parse("2026-03-04T10:00:00Z"), PARIS)).isEqualTo(30);
    }

    @Test
    void weeklyCap_runsFromMondayMidnightInTheCustomersZone() {
        EarningCap cap = EarningCap.perWeek("quiz.correct", 100);
        // Sunday 8 March 2026 23:30 in Paris = 22:30 UTC; Monday 9 March 00:30 in Paris = 23:30 UTC on the 8th.
        List<LedgerEntry> entries = grants("quiz.correct", 40, "2026-03-08T22:30:00Z", "2026-03-08T23:30:00Z");

        assertThat(cap.remaining(entries, Instant.parse("2026-03-08T22:45:00Z"), PARIS)).isEqualTo(60);
        assertThat(cap.remaining(entries, Instant.parse("2026-03-15T22:59:00Z"), PARIS)).isEqualTo(60);
        assertThat(cap.remaining(entries, Instant.parse("2026-03-15T23:00:00Z"), PARIS)).isEqualTo(100);
        assertThat(EarningCap.startOfWeek(Instant.parse("2026-03-11T12:00:00Z"), PARIS))
                .isEqualTo(Instant.parse("2026-03-08T23:00:00Z"));
    }

    @Test
    void dayAndWeekCaps_theTighterOneWins() {
        EarningCap cap = EarningCap.perDayAndWeek("keyword", 20, 50);
        List<LedgerEntry> mondayToWednesday = grants("keyword", 15,
                "2026-03-09T09:00:00Z", "2026-03-10T09:00:00Z", "2026-03-11T09:00:00Z");

        // Wednesday afternoon: 5 left today (20 - 15) and 5 left this week (50 - 45).
        assertThat(cap.remaining(mondayToWednesday, Instant.parse("2026-03-11T12:00:00Z"), PARIS)).isEqualTo(5);
        // Monday afternoon, with only Monday's grant: the day is the limit (5), not the week (35).
        assertThat(cap.remaining(mondayToWednesday.subList(0, 1), Instant.parse("2026-03-09T12:00:00Z"), PARIS))
                .isEqualTo(5);
        // Thursday: a fresh day (20), but the week has only 5 left.
        assertThat(cap.remaining(mondayToWednesday, Instant.parse("2026-03-12T12:00:00Z"), PARIS)).isEqualTo(5);
        assertThat(EarningCap.none("keyword").remaining(mondayToWednesday, Instant.parse("2026-03-12T12:00:00Z"), PARIS))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void weekStartsOnTheRightDay_acrossTheSpringDaylightSavingChange() {
        // Paris changes to summer time on Sunday 29 March 2026; the next week starts Monday 30 March 00:00 CEST.
        assertThat(EarningCap.startOfWeek(Instant.parse("2026-04-01T12:00:00Z"), PARIS))
                .isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    }
}
