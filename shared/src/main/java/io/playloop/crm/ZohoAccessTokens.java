package io.playloop.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Zoho access tokens, minted from the refresh token at {@code {accounts}/oauth/v2/token} with
 * {@code grant_type=refresh_token} and kept until a minute before they expire (Zoho gives an hour).
 *
 * <p>Zoho caps how many access tokens one refresh token may hold and how often it may mint them, so a
 * token is reused for as long as it lives and refreshed only when it is about to expire or Zoho rejected
 * it ({@link #refreshAfterRejection}). The cache lives as long as the warm Lambda container.
 */
final class ZohoAccessTokens {
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);
    private static final Duration TOKEN_RATE_LIMIT_WAIT = Duration.ofMinutes(1);

    private final URI tokenEndpoint;
    private final CrmSecrets secrets;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    private String token;
    private Instant refreshAt = Instant.MIN;

    ZohoAccessTokens(String accountsUrl, CrmSecrets secrets, HttpClient http, Duration requestTimeout, Clock clock) {
        this.tokenEndpoint = URI.create(HubSpotSink.stripSlash(Objects.requireNonNull(accountsUrl, "accountsUrl"))
                + "/oauth/v2/token");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token that is not about to expire, refreshed first when needed. */
    synchronized String current() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            refresh();
        }
        return token;
    }

    /**
     * A fresh token after Zoho refused {@code rejected} (revoked, or deleted because too many were
     * minted). When another call already replaced it, that newer token is returned without a refresh.
     */
    synchronized String refreshAfterRejection(String rejected) {
        if (token == null || token.equals(rejected)) {
            refresh();
        }
        return token;
    }

    private void refresh() {
        String form = "grant_type=refresh_token"
                + "&refresh_token=" + encode(secrets.zohoRefreshToken())
                + "&client_id=" + encode(secrets.zohoClientId())
                + "&client_secret=" + encode(secrets.zohoClientSecret());
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        Instant askedAt = clock.instant();
        HttpResponse<byte[]> response = HttpCalls.send(http, request, ZohoSink.NAME);
        int status = response.statusCode();
        if (HttpCalls.retryableStatus(status)) {
            throw CrmSyncException.retryable(ZohoSink.NAME, status, HttpCalls.retryAfter(response, clock),
                    "token refresh: HTTP " + status);
        }
        JsonNode json = HttpCalls.readJson(mapper, response.body());
        String accessToken = json.path("access_token").asText(null);
        if (status / 100 == 2 && accessToken != null && !accessToken.isBlank()) {
            long expiresIn = json.path("expires_in").asLong(3600);
            token = accessToken;
            refreshAt = askedAt.plusSeconds(expiresIn).minus(EXPIRY_MARGIN);
            return;
        }
        // Zoho answers a refused refresh with HTTP 200 and {"error":"invalid_code"}; a burst of refreshes
        // with 400 {"error":"Access Denied","error_description":"You have made too many requests ..."}.
        String error = json.path("error").asText("");
        String description = json.path("error_description").asText("");
        if (description.toLowerCase(Locale.ROOT).contains("too many requests")) {
            throw CrmSyncException.retryable(ZohoSink.NAME, status, TOKEN_RATE_LIMIT_WAIT,
                    "token refresh throttled by Zoho: " + description);
        }
        throw CrmSyncException.permanent(ZohoSink.NAME, status, "token refresh refused (" + (error.isEmpty()
                ? "HTTP " + status : error) + "): check the Zoho client id, client secret and refresh token and the "
                + "accounts URL of the data centre");
    }

    private static String encode(String value) {
        if (value == null || value.isBlank()) {
            throw CrmSyncException.permanent(ZohoSink.NAME, 0, "a Zoho secret is missing (client id, client secret "
                    + "or refresh token)");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
