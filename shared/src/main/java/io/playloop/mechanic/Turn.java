package io.playloop.mechanic;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Everything a mechanic's rule may know and do for one message, besides its configuration and its slice.
 *
 * @param customerKey the customer
 * @param campaignId  the active campaign (the partition of its counters)
 * @param eventId     the message's wamid (or the shop's event id): the step's identity, for records and ledger lines
 * @param language    the customer's language (en, fr, ar)
 * @param zone        the customer's time zone (their phone's country, a CRM override, else the campaign's)
 * @param campaignZone the campaign's time zone (the day of its budgets)
 * @param now         the processing time
 * @param sentAt      when the customer sent the message
 * @param random      the random source of draws
 * @param exhausted   tokens of {@link ItemWrite.Conflict#exhausted} the table refused on an earlier try of this message
 * @param points      the points ledger, within its caps
 * @param wallet      the customer's wallet (REWARDS lists it; shop orders use its coupons)
 * @param texts       the mechanic's texts in this campaign
 */
public record Turn(String customerKey, String campaignId, String eventId, String language, ZoneId zone, ZoneId campaignZone, Instant now,
                   Instant sentAt, RandomGenerator random, Set<String> exhausted, Points points, Wallet wallet,
                   TextSpec.Rendered texts) {
    public Turn {
        Objects.requireNonNull(customerKey, "customerKey");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(campaignZone, "campaignZone");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(random, "random");
        exhausted = Set.copyOf(exhausted);
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(texts, "texts");
    }

    /** The customer's points, through the one ledger. */
    public interface Points {
        /** The live balance (after what this step granted). */
        long balance();

        /**
         * Grants points with the ledger reason {@code reason} (the cap key too), once per step and reason.
         *
         * @return the points granted: 0 when refused (points are off, or the grant was made before)
         */
        long grant(long points, String reason);
    }

    /** The customer's wallet of rewards with coupon codes. */
    public interface Wallet {
        /**
         * Issues a reward: a coupon code drawn from {@code codeFormat} ({@code X} a letter or digit, {@code #} a
         * digit), recorded once (no two customers share a code), valid for {@code validFor}.
         *
         * @param itemId the mechanic's own id of what was won (it gets its name back in {@link Mechanic#rewardName})
         * @return the reward issued, empty when the step may not issue one (one reward per step)
         */
        Optional<IssuedReward> issue(String itemId, String codeFormat, Duration validFor);
    }

    /** A reward in the wallet: its id, its coupon code and the end of its validity. */
    public record IssuedReward(String rewardId, String code, Instant validUntil) {
        public IssuedReward {
            Objects.requireNonNull(rewardId, "rewardId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(validUntil, "validUntil");
        }
    }
}
