package io.playloop.campaign;

import java.util.Optional;

/** Where the game function finds the active campaign: the table, or a fake in tests. */
public interface CampaignStore {
    /** The active pointer, or empty when no campaign was ever activated. */
    Optional<ActivePointer> activePointer();

    /** The canonical JSON of a stored version, or empty if there is no such version. */
    Optional<String> versionJson(String campaignId, int version);
}
