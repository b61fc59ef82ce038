package io.playloop.crm;

import io.playloop.config.EnvironmentVariables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where the CRM sync pushes and how hard it tries, read from the environment ({@code PLAYLOOP_CRM_*} in
 * {@link EnvironmentVariables}). A sink is enabled only when named in {@code PLAYLOOP_CRM_SINKS}; the
 * secrets it needs come from {@link CrmSecrets}.
 *
 * @param sinks             enabled sink names, in order: any of {@code hubspot}, {@code zoho}, {@code webhook}
 * @param hubspotBaseUrl    HubSpot API base
 * @param hubspotIdProperty the unique contact property keyed by the customer key
 * @param zohoApiBaseUrl    Zoho API base of the data centre
 * @param zohoAccountsUrl   Zoho accounts server of the same data centre
 * @param zohoApiVersion    Zoho CRM API version
 * @param webhookUrl        the webhook URL, or null when the webhook is disabled
 * @param maxAttempts       attempts per sink per sync
 * @param timeBudget        one sync's budget
 * @param requestTimeout    one request's timeout
 */
public record CrmConfig(List<String> sinks, String hubspotBaseUrl, String hubspotIdProperty, String zohoApiBaseUrl,
        String zohoAccountsUrl, String zohoApiVersion, String webhookUrl, int maxAttempts, Duration timeBudget,
        Duration requestTimeout) {

    /** The sink names {@code PLAYLOOP_CRM_SINKS} accepts. */
    public static final Set<String> KNOWN_SINKS = Set.of("hubspot", "zoho", "webhook");
    /** Connect timeout of the HTTP client. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    public CrmConfig {
        sinks = List.copyOf(sinks);
        for (String sink : sinks) {
            if (!KNOWN_SINKS.contains(sink)) {
                throw new IllegalArgumentException(EnvironmentVariables.CRM_SINKS + " names an unknown sink '" + sink
                        + "': use hubspot, zoho or webhook");
            }
        }
        if (sinks.contains("webhook") && (webhookUrl == null || webhookUrl.isBlank())) {
            throw new IllegalArgumentException("the webhook sink is enabled but " + EnvironmentVariables.CRM_WEBHOOK_URL
                    + " is not set");
        }
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Reads the process environment. */
    public static CrmConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Reads the given environment; unset values take their defaults. */
    public static CrmConfig fromEnvironment(Map<String, String> env) {
        Set<String> sinks = new LinkedHashSet<>();
        String listed = env.getOrDefault(EnvironmentVariables.CRM_SINKS, "");
        for (String part : listed.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                sinks.add(name);
            }
        }
        return new CrmConfig(new ArrayList<>(sinks),
                value(env, EnvironmentVariables.CRM_HUBSPOT_BASE_URL, HubSpotSink.DEFAULT_BASE_URL),
                value(env, EnvironmentVariables.CRM_HUBSPOT_ID_PROPERTY, HubSpotSink.DEFAULT_ID_PROPERTY),
                value(env, EnvironmentVariables.CRM_ZOHO_API_BASE_URL, ZohoSink.DEFAULT_API_BASE_URL),
                value(env, EnvironmentVariables.CRM_ZOHO_ACCOUNTS_URL, ZohoSink.DEFAULT_ACCOUNTS_URL),
                value(env, EnvironmentVariables.CRM_ZOHO_API_VERSION, ZohoSink.DEFAULT_API_VERSION),
                value(env, EnvironmentVariables.CRM_WEBHOOK_URL, null),
                (int) number(env, EnvironmentVariables.CRM_MAX_ATTEMPTS, RetryPolicy.DEFAULT.maxAttempts()),
                Duration.ofMillis(number(env, EnvironmentVariables.CRM_TIME_BUDGET_MS,
                        RetryPolicy.DEFAULT.timeBudget().toMillis())),
                Duration.ofMillis(number(env, EnvironmentVariables.CRM_REQUEST_TIMEOUT_MS, 5000)));
    }

    /** Whether the named sink is enabled. */
    public boolean enabled(String sink) {
        return sinks.contains(sink);
    }

    /** The retry policy: the default back-off, these attempts and budget, one attempt = connect + request. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, RetryPolicy.DEFAULT.baseDelay(), RetryPolicy.DEFAULT.maxDelay(),
                timeBudget, CONNECT_TIMEOUT.plus(requestTimeout));
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = value(env, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of 1 or more, was '" + value + "'");
        }
    }
}
