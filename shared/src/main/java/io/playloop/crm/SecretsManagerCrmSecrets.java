package io.playloop.crm;

import io.playloop.config.SecretsManagerSecrets;
import java.util.Objects;

/**
 * The CRM tokens from the deployment's Secrets Manager secret (the same JSON as the WhatsApp secrets, with the
 * optional keys {@value #HUBSPOT_ACCESS_TOKEN}, {@value #ZOHO_CLIENT_ID}, {@value #ZOHO_CLIENT_SECRET},
 * {@value #ZOHO_REFRESH_TOKEN} and {@value #WEBHOOK_SIGNING_SECRET}), read through the function's
 * {@link SecretsManagerSecrets}: one cached read (refreshed every 5 minutes) serves both. A key that is absent
 * reads as null: the sink that needs it reports it as a permanent error.
 */
public final class SecretsManagerCrmSecrets implements CrmSecrets {
    private final SecretsManagerSecrets secret;

    public SecretsManagerCrmSecrets(SecretsManagerSecrets secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String hubspotAccessToken() {
        return secret.optional(HUBSPOT_ACCESS_TOKEN);
    }

    @Override
    public String zohoClientId() {
        return secret.optional(ZOHO_CLIENT_ID);
    }

    @Override
    public String zohoClientSecret() {
        return secret.optional(ZOHO_CLIENT_SECRET);
    }

    @Override
    public String zohoRefreshToken() {
        return secret.optional(ZOHO_REFRESH_TOKEN);
    }

    @Override
    public String webhookSigningSecret() {
        return secret.optional(WEBHOOK_SIGNING_SECRET);
    }
}
