package io.playloop.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Reads the WhatsApp secrets from one Secrets Manager secret holding JSON
 * {@code {"appSecret":..., "verifyToken":..., "accessToken":...}}.
 *
 * <p>Fetched lazily on first use (never during a SnapStart snapshot) and kept for five minutes, so a
 * rotated secret is picked up without a redeploy and a warm function does not call Secrets Manager
 * per request.
 */
public final class SecretsManagerSecrets implements Secrets {
    static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final SecretsManagerClient client;
    private final String secretId;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    private volatile Cached cached;

    public SecretsManagerSecrets(SecretsManagerClient client, String secretId, Clock clock) {
        this.client = client;
        this.secretId = secretId;
        this.clock = clock;
    }

    @Override
    public String appSecret() {
        return current().appSecret();
    }

    @Override
    public String verifyToken() {
        return current().verifyToken();
    }

    @Override
    public String accessToken() {
        return current().accessToken();
    }

    private StaticSecrets current() {
        Cached c = cached;
        Instant now = clock.instant();
        if (c == null || now.isAfter(c.fetchedAt().plus(CACHE_FOR))) {
            synchronized (this) {
                c = cached;
                if (c == null || now.isAfter(c.fetchedAt().plus(CACHE_FOR))) {
                    c = new Cached(fetch(), now);
                    cached = c;
                }
            }
        }
        return c.values();
    }

    private StaticSecrets fetch() {
        String json = client.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build()).secretString();
        try {
            JsonNode node = mapper.readTree(json);
            return new StaticSecrets(field(node, "appSecret"), field(node, "verifyToken"), field(node, "accessToken"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("secret " + secretId + " is not JSON with appSecret, verifyToken and accessToken");
        }
    }

    private String field(JsonNode node, String name) {
        String v = node.path(name).asText("");
        if (v.isEmpty()) {
            throw new IllegalStateException("secret " + secretId + " has no '" + name + "'");
        }
        return v;
    }

    private record Cached(StaticSecrets values, Instant fetchedAt) {
    }
}
