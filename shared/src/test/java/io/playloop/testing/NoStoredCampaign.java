package io.playloop.testing;

import io.playloop.campaign.ActivePointer;
import io.playloop.campaign.CampaignStore;
import java.util.Optional;

/** A table without any pushed campaign: a {@code CampaignSource} over it plays its fallback. */
public final class NoStoredCampaign implements CampaignStore {
    @Override
    public Optional<ActivePointer> activePointer() {
        return Optional.empty();
    }

    @Override
    public Optional<String> versionJson(String campaignId, int version) {
        return Optional.empty();
    }
}
