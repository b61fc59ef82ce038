package io.playloop.scheduler;

import io.playloop.campaign.Campaign;
import io.playloop.engine.Customer;
import io.playloop.engine.CustomerZones;
import io.playloop.engine.Progress;
import io.playloop.ledger.PointsAccount;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the scheduler knows of one customer: the profile, the points account and the progress, as the game
 * stored them, looked at {@code asOf} (balances and "today" are read at that instant).
 */
public record CustomerView(Campaign campaign, Customer customer, PointsAccount points, Progress progress,
                           Instant asOf) {
    /** A customer attribute (set from the shop's customer event) that overrides the zone of the phone number. */
    public static final String TIME_ZONE_ATTRIBUTE = "time_zone";

    public CustomerView {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * The customer's time zone, for quiet hours and local dates: the {@code time_zone} attribute when it names a
     * zone, else the phone number's country (single-zone countries), else the campaign's zone.
     */
    public ZoneId zone() {
        String override = progress.attributes().get(TIME_ZONE_ATTRIBUTE);
        if (override != null && !override.isBlank()) {
            try {
                return ZoneId.of(override.trim());
            } catch (DateTimeException e) {
                // A bad attribute must not stop the customer's reminders: fall back to the phone's country.
            }
        }
        return CustomerZones.of(customer.waId(), campaign.timeZone());
    }
}
