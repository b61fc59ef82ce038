package io.playloop.crm;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds the enabled sinks and the {@link CrmSync} over them from configuration: the reward function's one call. */
public final class CrmSinks {
    private CrmSinks() {
    }

    /** The sinks {@code config} enables, in its order, sharing one HTTP client. */
    public static List<CrmSink> fromConfig(CrmConfig config, CrmSecrets secrets, HttpClient http, Clock clock) {
        List<CrmSink> sinks = new ArrayList<>();
        for (String name : config.sinks()) {
            switch (name) {
                case "hubspot" -> sinks.add(new HubSpotSink(config.hubspotBaseUrl(), config.hubspotIdProperty(),
                        secrets::hubspotAccessToken, http, config.requestTimeout(), clock));
                case "zoho" -> sinks.add(new ZohoSink(config.zohoApiBaseUrl(), config.zohoApiVersion(),
                        config.zohoAccountsUrl(), secrets, http, config.requestTimeout(), clock));
                case "webhook" -> sinks.add(new WebhookSink(config.webhookUrl(), secrets::webhookSigningSecret, http,
                        config.requestTimeout(), clock));
                default -> throw new IllegalArgumentException("unknown sink " + name);
            }
        }
        return sinks;
    }

    /**
     * A ready {@link CrmSync}: the enabled sinks over a JDK HTTP client (2 s to connect, the configured
     * request timeout), real sleeps, a delivery log of the last 10,000 sink-customer pairs.
     */
    public static CrmSync sync(CrmConfig config, CrmSecrets secrets, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CrmConfig.CONNECT_TIMEOUT).build();
        return new CrmSync(fromConfig(config, secrets, http, clock), config.retryPolicy(),
                new InMemoryDeliveryLog(10_000), clock, new Random(), Sleeper.SYSTEM);
    }
}
