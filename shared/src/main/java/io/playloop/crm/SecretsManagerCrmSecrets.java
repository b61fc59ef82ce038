package io.playloop.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The CRM tokens from the deployment's Secrets Manager secret (the same JSON as the WhatsApp secrets, with the
 * optional keys {@value #HUBSPOT_ACCESS_TOKEN}, {@value #ZOHO_CLIENT_ID}, {@value #ZOHO_CLIENT_SECRET},
 * {@value #ZOHO_REFRESH_TOKEN} and {@value #WEBHOOK_SIGNING_SECRET}), read at most every 5 minutes so a rotation
 * is picked up. A key that is absent reads as null: the sink that needs it reports it as a permanent error.
 */
public final class SecretsManagerCrmSecrets implements CrmSecrets {
    static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final SecretsManagerClient client;
    private final String secretId;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile JsonNode cached;
    private volatile Instant fetchedAt;

    public SecretsManagerCrmSecrets(SecretsManagerClient client, String secretId, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String hubspotAccessToken() {
        return value(HUBSPOT_ACCESS_TOKEN);
    }

    @Override
    public String zohoClientId() {
        return value(ZOHO_CLIENT_ID);
    }

    @Override
    public String zohoClientSecret() {
        return value(ZOHO_CLIENT_SECRET);
    }

    @Override
    public String zohoRefreshToken() {
        return value(ZOHO_REFRESH_TOKEN);
    }

    @Override
    public String webhookSigningSecret() {
        return value(WEBHOOK_SIGNING_SECRET);
    }

    private String value(String key) {
        String v = secret().path(key).asText("");
        return v.isEmpty() ? null : v;
    }

    private synchronized JsonNode secret() {
        Instant now = clock.instant();
        if (cached == null || now.isAfter(fetchedAt.plus(CACHE_FOR))) {
            String json = client.getSecretValue(b -> b.secretId(secretId)).secretString();
            try {
                cached = mapper.readTree(json);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("secret " + secretId + " is not JSON", e);
            }
            fetchedAt = now;
        }
        return cached;
    }
}
