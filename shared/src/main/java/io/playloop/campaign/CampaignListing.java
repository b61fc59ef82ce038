package io.playloop.campaign;

import java.util.List;

/**
 * A campaign in the table with its versions, oldest first.
 *
 * @param campaignId    the campaign
 * @param name          its name in the latest version
 * @param latestVersion the highest version number
 * @param versions      every version
 */
public record CampaignListing(String campaignId, String name, int latestVersion, List<StoredVersion> versions) {
    public CampaignListing {
        versions = List.copyOf(versions);
    }
}
