package io.playloop.game;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignSource;
import io.playloop.engine.Engine;
import io.playloop.text.LanguageDefaults;
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
    /** What the referral-code key is derived for. */
    public static final String REFERRAL_KEY_LABEL = "playloop/referral-codes/v1";

    private final CampaignSource campaigns;
    private final LanguageDefaults catalog;
    private final String businessName;
    private final Supplier<OptionIds> optionIds;
    private final Supplier<RandomGenerator> randoms;
    private final Supplier<byte[]> referralSecret;
    private Engine engine;

    /**
     * @param campaigns    the active campaign
     * @param catalog      calling codes and scripts to languages
     * @param businessName the name the texts use for {@code {{business}}}
     */
    public CampaignEngines(CampaignSource campaigns, LanguageDefaults catalog, String businessName,
                           Supplier<OptionIds> optionIds, Supplier<RandomGenerator> randoms) {
        this(campaigns, catalog, businessName, optionIds, randoms, randomSecret());
    }

    /**
     * @param referralSecret the key referral codes are derived from, asked when a message first needs it
     *                       ({@link #referralSecretFromAppSecret})
     */
    public CampaignEngines(CampaignSource campaigns, LanguageDefaults catalog, String businessName,
                           Supplier<OptionIds> optionIds, Supplier<RandomGenerator> randoms,
                           Supplier<byte[]> referralSecret) {
        this.referralSecret = Objects.requireNonNull(referralSecret, "referralSecret");
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
        return new OptionIds(derive(appSecret, OPTION_KEY_LABEL, "sign quiz option ids"));
    }

    /**
     * The referral-code key, HMAC-SHA256(app secret, {@value #REFERRAL_KEY_LABEL}): codes reveal nothing
     * about a phone number without it. A code, once shown, is kept on the customer's progress and in its
     * {@code CODE#} record, but its check characters verify only under the key that made it: rotating the
     * app secret makes codes shared before the rotation unrecognised in new messages (the link still opens
     * the chat). Rotate it between campaigns, not during one.
     */
    public static byte[] referralSecretFromAppSecret(String appSecret) {
        return derive(appSecret, REFERRAL_KEY_LABEL, "derive referral codes");
    }

    /** HMAC-SHA256(app secret, label): a key for one purpose, changing when the app secret rotates. */
    private static byte[] derive(String appSecret, String label, String purpose) {
        if (appSecret == null || appSecret.isEmpty()) {
            throw new IllegalStateException("the app secret is needed to " + purpose);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static Supplier<byte[]> randomSecret() {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return () -> secret;
    }

    @Override
    public synchronized Engine get() {
        Campaign campaign = campaigns.campaign();
        if (engine == null || engine.campaign() != campaign) {
            engine = new Engine(campaign, catalog, businessName, optionIds, randoms, referralSecret);
        }
        return engine;
    }
}
