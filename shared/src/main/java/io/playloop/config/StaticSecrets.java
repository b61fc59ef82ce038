package io.playloop.config;

import java.util.Map;

/**
 * Secrets given as plain values: the local cloud and tests. Production reads Secrets Manager.
 *
 * @param shopSecret the commerce webhook secret; null or empty when the shop is not connected
 */
public record StaticSecrets(String appSecret, String verifyToken, String accessToken, String shopSecret)
        implements Secrets {

    /** The WhatsApp secrets without a shop secret (the commerce webhook then refuses to work). */
    public StaticSecrets(String appSecret, String verifyToken, String accessToken) {
        this(appSecret, verifyToken, accessToken, null);
    }

    @Override
    public String shopSecret() {
        if (shopSecret == null || shopSecret.isEmpty()) {
            return Secrets.super.shopSecret();
        }
        return shopSecret;
    }

    /** Reads PLAYLOOP_APP_SECRET, PLAYLOOP_VERIFY_TOKEN, PLAYLOOP_ACCESS_TOKEN and (optional) PLAYLOOP_SHOP_SECRET. */
    public static StaticSecrets fromEnvironment(Map<String, String> env) {
        return new StaticSecrets(
                require(env, EnvironmentVariables.APP_SECRET),
                require(env, EnvironmentVariables.VERIFY_TOKEN),
                env.getOrDefault(EnvironmentVariables.ACCESS_TOKEN, ""),
                env.get(EnvironmentVariables.SHOP_SECRET));
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("Neither " + EnvironmentVariables.SECRETS_ARN + " nor " + name
                    + " is set: PlayLoop cannot verify webhooks without its secrets");
        }
        return value;
    }

    @Override
    public String toString() {
        return "StaticSecrets[****]";
    }
}
