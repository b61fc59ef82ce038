package io.playloop.campaign;

import java.time.Instant;
import java.util.Objects;

/**
 * Which stored campaign version plays.
 *
 * @param campaignId  the campaign
 * @param version     its version
 * @param revision    how many times the pointer was set; the condition of the next change
 * @param activatedAt when it was set
 */
public record ActivePointer(String campaignId, int version, long revision, Instant activatedAt) {
    public ActivePointer {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(activatedAt, "activatedAt");
    }

    /** Whether both point to the same campaign version (the revision may differ after a re-activation). */
    public boolean sameVersionAs(ActivePointer other) {
        return other != null && campaignId.equals(other.campaignId) && version == other.version;
    }
}
