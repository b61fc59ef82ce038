package io.playloop.store;

import io.playloop.engine.WalletEntry;
import io.playloop.outreach.Schedule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One visit's writes, in one transaction: the new schedule (version-checked), expired or granted points (version-
 * checked, with their ledger entries), rewards whose expiry is recorded, the campaign's spend and the number's reach.
 *
 * @param customerKey     whose visit
 * @param schedule        the schedule to store
 * @param scheduleVersion the version read (0 = none stored)
 * @param points          a points change, if any
 * @param rewardsExpired  rewards to mark EXPIRED (reward record and coupon, only while still ISSUED)
 * @param spend           the estimated fee to add to the campaign's spend, if any (refused past the budget)
 * @param reach           a change of the number's unique-customer count in the current hour, if any
 * @param wonCodesExpired coupon codes won on the wheel to mark EXPIRED (only while still ISSUED)
 */
public record SchedulerClaim(String customerKey, Schedule schedule, long scheduleVersion, Optional<PointsWrite> points,
                             List<WalletEntry> rewardsExpired, Optional<Spend> spend, Optional<Reach> reach,
                             List<String> wonCodesExpired) {
    /** A claim that expires no code won on the wheel. */
    public SchedulerClaim(String customerKey, Schedule schedule, long scheduleVersion, Optional<PointsWrite> points,
                          List<WalletEntry> rewardsExpired, Optional<Spend> spend, Optional<Reach> reach) {
        this(customerKey, schedule, scheduleVersion, points, rewardsExpired, spend, reach, List.of());
    }

    public SchedulerClaim {
        Objects.requireNonNull(customerKey, "customerKey");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(points, "points");
        rewardsExpired = List.copyOf(rewardsExpired);
        wonCodesExpired = List.copyOf(wonCodesExpired);
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(reach, "reach");
    }

    /**
     * Money in millionths of the fee table's currency.
     *
     * @param limitMicros the campaign's budget; empty = no limit (a refund is never limited)
     */
    public record Spend(String campaignId, long micros, Optional<Long> limitMicros) {
    }

    /** {@code delta} unique customers in the UTC hour starting at {@code hourEpochSecond}. */
    public record Reach(String phoneNumberId, long hourEpochSecond, int delta) {
    }
}
