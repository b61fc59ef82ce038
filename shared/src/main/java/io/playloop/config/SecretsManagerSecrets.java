package io.playloop.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Reads the secrets from one Secrets Manager secret holding JSON
 * {@code {"appSecret":..., "verifyToken":..., "accessToken":..., "shopSecret":...}} ({@code shopSecret} may be
 * absent while no shop is connected: only the commerce webhook needs it).
 *
 * <p>Fetched lazily on first use (never during a SnapStart snapshot) and kept for five minutes, so a
 * rotated secret is picked up without a redeploy and a warm function does not call Secrets Manager
 * per request.
 */
public final class SecretsManagerSecrets implements Secrets {
    static final Duration CACHE_FOR = Duration.ofMinutes(5);
    /**
     * The value template.yaml stores in appSecret and accessToken until the team puts the real ones. It
     * is public (the template is), so a value still equal to it is refused, never used: nobody can sign
     * a webhook with a string printed in this repository. Each value is checked when asked for, so the
     * verification handshake (verify token only) already works before the other two are set.
     */
    public static final String PLACEHOLDER = "REPLACE_ME";

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
        return usable("appSecret", current().appSecret());
    }

    @Override
    public String verifyToken() {
        return usable("verifyToken", current().verifyToken());
    }

    @Override
    public String accessToken() {
        return usable("accessToken", current().accessToken());
    }

    @Override
    public String shopSecret() {
        String value;
        try {
            value = current().shopSecret();
        } catch (IllegalStateException absent) {
            throw new IllegalStateException("secret " + secretId + " has no 'shopSecret': add the shop's webhook secret"
                    + " with `aws secretsmanager put-secret-value`", absent);
        }
        return usable("shopSecret", value);
    }

    /**
     * Another key of the same secret (e.g. a CRM token), from the same cached read; null when the secret has no
     * such key, or still holds the placeholder.
     */
    public String optional(String name) {
        current();
        String v = cached.node().path(name).asText("");
        return v.isEmpty() || PLACEHOLDER.equals(v) ? null : v;
    }

    private String usable(String name, String value) {
        if (PLACEHOLDER.equals(value)) {
            throw new IllegalStateException("secret " + secretId + " still holds the placeholder for '" + name
                    + "': put the real value with `aws secretsmanager put-secret-value`");
        }
        return value;
    }

    private StaticSecrets current() {
        Cached c = cached;
        Instant now = clock.instant();
        if (c == null || now.isAfter(c.fetchedAt().plus(CACHE_FOR))) {
            synchronized (this) {
                c = cached;
                if (c == null || now.isAfter(c.fetchedAt().plus(CACHE_FOR))) {
                    c = fetch(now);
                    cached = c;
                }
            }
        }
        return c.values();
    }

    private Cached fetch(Instant now) {
        String json = client.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build()).secretString();
        try {
            JsonNode node = mapper.readTree(json);
            return new Cached(new StaticSecrets(field(node, "appSecret"), field(node, "verifyToken"),
                    field(node, "accessToken"), node.path("shopSecret").asText("")), node, now);
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

    private record Cached(StaticSecrets values, JsonNode node, Instant fetchedAt) {
    }
}
