package io.playloop.config;

import java.util.Map;

/** Secrets given as plain values: the local cloud and tests. Production reads Secrets Manager. */
public record StaticSecrets(String appSecret, String verifyToken, String accessToken) implements Secrets {

    /** Reads PLAYLOOP_APP_SECRET, PLAYLOOP_VERIFY_TOKEN and PLAYLOOP_ACCESS_TOKEN. */
    public static StaticSecrets fromEnvironment(Map<String, String> env) {
        return new StaticSecrets(
                require(env, EnvironmentVariables.APP_SECRET),
                require(env, EnvironmentVariables.VERIFY_TOKEN),
                env.getOrDefault(EnvironmentVariables.ACCESS_TOKEN, ""));
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
