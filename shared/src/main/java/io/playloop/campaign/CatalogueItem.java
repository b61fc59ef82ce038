package io.playloop.campaign;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A reward customers buy with points ({@code rewards[]} in the campaign format).
 *
 * @param id          unique in the campaign; stock counters and reward records name it
 * @param name        per language (a list row title: at most 24 characters)
 * @param description per language (a list row description: at most 72 characters), if the campaign gives one
 * @param cost        points it takes (at least 1)
 * @param stock       how many the campaign hands out in total; empty for no limit
 * @param perCustomer how many one customer may redeem over the campaign; empty for no limit
 * @param validFor    how long a redeemed reward (its coupon) stays valid
 * @param coupon      where its coupon code comes from
 */
public record CatalogueItem(String id, LocalizedText name, Optional<LocalizedText> description, long cost,
                            OptionalLong stock, OptionalLong perCustomer, Duration validFor, CouponSource coupon) {
    public CatalogueItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(perCustomer, "perCustomer");
        Objects.requireNonNull(validFor, "validFor");
        Objects.requireNonNull(coupon, "coupon");
    }
}
