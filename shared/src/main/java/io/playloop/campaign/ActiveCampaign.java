package io.playloop.campaign;

import java.util.Objects;
import java.util.Optional;

/**
 * The campaign that plays and where it came from.
 *
 * @param campaign the campaign
 * @param pointer  the table's active pointer it was read through; empty for the bundled demo
 */
public record ActiveCampaign(Campaign campaign, Optional<ActivePointer> pointer) {
    public ActiveCampaign {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(pointer, "pointer");
    }

    /** Whether this is the demo bundled in the jar because the table names no campaign. */
    public boolean isBundledDemo() {
        return pointer.isEmpty();
    }
}
