package io.playloop.outreach;

import io.playloop.campaign.Campaign;
import io.playloop.engine.Customer;
import io.playloop.engine.CustomerZones;
import io.playloop.engine.Progress;
import io.playloop.ledger.PointsAccount;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the scheduler knows of one customer: the profile, the points account and the progress, as the game
 * stored them, looked at {@code asOf} (balances and "today" are read at that instant), and the prizes won on the
 * wheel and not used yet ({@code wonRewards}).
 */
public record CustomerView(Campaign campaign, Customer customer, PointsAccount points, Progress progress,
                           Instant asOf, java.util.List<io.playloop.engine.Reward> wonRewards) {
    /** A customer whose wheel holds no prize. */
    public CustomerView(Campaign campaign, Customer customer, PointsAccount points, Progress progress, Instant asOf) {
        this(campaign, customer, points, progress, asOf, java.util.List.of());
    }

    public CustomerView {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(asOf, "asOf");
        wonRewards = java.util.List.copyOf(wonRewards);
    }

    /**
     * The customer's time zone, for quiet hours and local dates: the {@code time_zone} attribute when it names a
     * zone, else the phone number's country (single-zone countries), else the campaign's zone.
     */
    public ZoneId zone() {
        return CustomerZones.of(customer.waId(), progress.attributes(), campaign.timeZone());
    }
}
