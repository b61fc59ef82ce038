package io.playloop.ledger;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How many points an earning rule may grant a customer per local day and per local week. A pure
 * function over the ledger entries: it counts the {@link EntryKind#GRANT} entries whose reason is the
 * rule's id, in the customer's current day (midnight to midnight) and week (Monday 00:00 to Monday
 * 00:00) in the given time zone.
 *
 * <p>Policies: a reversal does not give cap back (the day's earning happened; a refund is not a reason
 * to earn more that day), and entries dated in a later period do not count against the current one.
 * A cap of 0 means the rule earns nothing.
 *
 * @param rule    the earning rule's id, as written in the grants' {@code reason}
 * @param perDay  the most the rule may grant in one local day, or empty for no daily cap
 * @param perWeek the most the rule may grant in one local week, or empty for no weekly cap
 */
public record EarningCap(String rule, OptionalLong perDay, OptionalLong perWeek) {

    public EarningCap {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("an earning cap needs the rule's id");
        }
        Objects.requireNonNull(perDay, "perDay");
        Objects.requireNonNull(perWeek, "perWeek");
        if (perDay.isPresent() && perDay.getAsLong() < 0 || perWeek.isPresent() && perWeek.getAsLong() < 0) {
            throw new IllegalArgumentException("caps of rule " + rule + " must not be negative");
        }
    }

    /** A rule without caps. */
    public static EarningCap none(String rule) {
        return new EarningCap(rule, OptionalLong.empty(), OptionalLong.empty());
    }

    /** A cap per local day only. */
    public static EarningCap perDay(String rule, long points) {
        return new EarningCap(rule, OptionalLong.of(points), OptionalLong.empty());
    }

    /** A cap per local week only. */
    public static EarningCap perWeek(String rule, long points) {
        return new EarningCap(rule, OptionalLong.empty(), OptionalLong.of(points));
    }

    /** Caps per local day and per local week. */
    public static EarningCap perDayAndWeek(String rule, long perDay, long perWeek) {
        return new EarningCap(rule, OptionalLong.of(perDay), OptionalLong.of(perWeek));
    }

    /**
     * How many points the rule may still grant at {@code now}: the smaller of what is left of the day's
     * and of the week's cap, never negative; {@link Long#MAX_VALUE} when the rule has no cap.
     */
    public long remaining(Collection<LedgerEntry> entries, Instant now, ZoneId zone) {
        long left = Long.MAX_VALUE;
        LocalDate today = now.atZone(zone).toLocalDate();
        if (perDay.isPresent()) {
            long used = granted(entries, startOf(today, zone), startOf(today.plusDays(1), zone));
            left = Math.min(left, Math.max(0, perDay.getAsLong() - used));
        }
        if (perWeek.isPresent()) {
            LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            long used = granted(entries, startOf(monday, zone), startOf(monday.plusWeeks(1), zone));
            left = Math.min(left, Math.max(0, perWeek.getAsLong() - used));
        }
        return left;
    }

    /** How much of {@code requested} the rule may grant now: {@code min(requested, remaining)}. */
    public long grantable(long requested, Collection<LedgerEntry> entries, Instant now, ZoneId zone) {
        return Math.max(0, Math.min(requested, remaining(entries, now, zone)));
    }

    /** The first instant of the customer's current week (Monday 00:00 in {@code zone}). */
    public static Instant startOfWeek(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return startOf(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), zone);
    }

    // atStartOfDay(zone), not LocalTime.MIDNIGHT: in zones whose clocks jump at midnight, the day starts
    // at the first instant that exists.
    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private long granted(Collection<LedgerEntry> entries, Instant from, Instant until) {
        long sum = 0;
        for (LedgerEntry e : entries) {
            if (e.kind() == EntryKind.GRANT && e.reason().equals(rule) && !e.at().isBefore(from)
                    && e.at().isBefore(until)) {
                sum += e.points();
            }
        }
        return sum;
    }
}
