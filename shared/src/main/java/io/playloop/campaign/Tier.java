package io.playloop.campaign;

import java.util.Objects;

/**
 * A tier. Tiers count points earned, never the balance: spending points does not lower a tier.
 *
 * @param id        unique in the campaign
 * @param name      per language
 * @param threshold points earned to reach it (strictly increasing along the list)
 * @param perks     what it gives
 */
public record Tier(String id, LocalizedText name, long threshold, Perks perks) {
    public Tier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(perks, "perks");
    }
}
