package io.playloop.game;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignSource;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The engine of the active campaign: asks the {@link CampaignSource} (which caches the table read) and
 * builds a new {@link Engine} only when the campaign changed, since building one checks every reply.
 * Thread-safe.
 */
public final class CampaignEngines implements Supplier<Engine> {
    private final CampaignSource campaigns;
    private final MessageCatalog catalog;
    private final String businessName;
    private Engine engine;

    /**
     * @param campaigns    the active campaign
     * @param catalog      calling codes and scripts to languages
     * @param businessName the name the texts use for {@code {{business}}}
     */
    public CampaignEngines(CampaignSource campaigns, MessageCatalog catalog, String businessName) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.businessName = Objects.requireNonNull(businessName, "businessName");
    }

    @Override
    public synchronized Engine get() {
        Campaign campaign = campaigns.campaign();
        if (engine == null || engine.campaign() != campaign) {
            engine = new Engine(campaign, catalog, businessName);
        }
        return engine;
    }
}
