package io.playloop.game;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignSource;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.games.quiz.OptionIds;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The engine of the active campaign: asks the {@link CampaignSource} (which caches the table read) and
 * builds a new {@link Engine} only when the campaign changed, since building one checks every reply.
 * Thread-safe.
 */
public final class CampaignEngines implements Supplier<Engine> {
    /** What the quiz key is derived for (changing it closes every open question once). */
    public static final String OPTION_KEY_LABEL = "playloop/quiz-option-ids/v1";

    private final CampaignSource campaigns;
    private final MessageCatalog catalog;
    private final String businessName;
    private final Supplier<OptionIds> optionIds;
    private final Supplier<RandomGenerator> randoms;
    private Engine engine;

    /**
     * @param campaigns    the active campaign
     * @param catalog      calling codes and scripts to languages
     * @param businessName the name the texts use for {@code {{business}}}
     */
    public CampaignEngines(CampaignSource campaigns, MessageCatalog catalog, String businessName,
                           Supplier<OptionIds> optionIds, Supplier<RandomGenerator> randoms) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.businessName = Objects.requireNonNull(businessName, "businessName");
        this.optionIds = Objects.requireNonNull(optionIds, "optionIds");
        this.randoms = Objects.requireNonNull(randoms, "randoms");
    }

    /**
     * The quiz's option-id signer, derived from the Meta app secret the deployment already holds:
     * HMAC-SHA256(app secret, {@value #OPTION_KEY_LABEL}). No new secret to provision or rotate; rotating
     * the app secret only closes the questions open at that moment (their buttons no longer verify and get
     * the polite "closed" text).
     */
    public static OptionIds optionIdsFromAppSecret(String appSecret) {
        if (appSecret == null || appSecret.isEmpty()) {
            throw new IllegalStateException("the app secret is needed to sign quiz option ids");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new OptionIds(mac.doFinal(OPTION_KEY_LABEL.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public synchronized Engine get() {
        Campaign campaign = campaigns.campaign();
        if (engine == null || engine.campaign() != campaign) {
            engine = new Engine(campaign, catalog, businessName, optionIds, randoms);
        }
        return engine;
    }
}
