package io.playloop.engine;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A reward bought from the catalogue, to write with the step: the reward and coupon records, and one unit
 * claimed from the item's stock (a conditional ADD the table refuses past the stock).
 *
 * @param campaignId the campaign whose stock counter is claimed
 * @param entry      the reward as the customer's wallet holds it
 * @param stock      the item's stock, when it has one
 * @param pool       the coupon pool its code comes from, when it is not generated (the reward function hands
 *                   one out)
 */
public record Redemption(String campaignId, WalletEntry entry, OptionalLong stock, java.util.Optional<String> pool) {
    public Redemption {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(pool, "pool");
    }
}
