package io.playloop.campaign;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Meta's price per delivered template message, by category and by the recipient's country or region, so that
 * the scheduler can estimate what a proactive send costs and keep the campaign inside its money budget. Only
 * delivered templates are charged; free-form messages inside the 24-hour window cost nothing.
 *
 * @param currency ISO-4217 code the prices (and the campaign's money budget) are in
 * @param defaults price per category for regions without their own row
 * @param byRegion ISO-3166 alpha-2 region (upper case) to price per category
 */
public record FeeTable(String currency, Map<TemplateCategory, BigDecimal> defaults,
                       Map<String, Map<TemplateCategory, BigDecimal>> byRegion) {
    /** No prices: every message is estimated at zero. */
    public static final FeeTable NONE = new FeeTable("EUR", Map.of(), Map.of());

    public FeeTable {
        Objects.requireNonNull(currency, "currency");
        defaults = prices(defaults);
        Map<String, Map<TemplateCategory, BigDecimal>> regions = new TreeMap<>();
        byRegion.forEach((region, prices) -> regions.put(Objects.requireNonNull(region, "region"), prices(prices)));
        byRegion = Collections.unmodifiableMap(regions);
    }

    /**
     * The price of one delivered template of {@code category} to a customer in {@code regionCode}: the region's
     * own price, else the default, else zero.
     *
     * @param regionCode ISO-3166 alpha-2 upper case, e.g. {@code FR}; null or unknown takes the defaults
     */
    public BigDecimal fee(TemplateCategory category, String regionCode) {
        Objects.requireNonNull(category, "category");
        Map<TemplateCategory, BigDecimal> region = regionCode == null ? null : byRegion.get(regionCode);
        if (region != null && region.containsKey(category)) {
            return region.get(category);
        }
        return defaults.getOrDefault(category, BigDecimal.ZERO);
    }

    private static Map<TemplateCategory, BigDecimal> prices(Map<TemplateCategory, BigDecimal> prices) {
        Map<TemplateCategory, BigDecimal> copy = new EnumMap<>(TemplateCategory.class);
        prices.forEach((category, price) -> copy.put(Objects.requireNonNull(category, "category"),
                Objects.requireNonNull(price, "price")));
        return Collections.unmodifiableMap(copy);
    }
}
