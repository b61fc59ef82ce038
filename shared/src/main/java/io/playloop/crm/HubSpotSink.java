package io.playloop.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Pushes a contact to HubSpot with the CRM v3 batch upsert ({@code POST /crm/v3/objects/contacts/batch/upsert}),
 * one input per call, authenticated with a private-app token ({@code Authorization: Bearer ...}).
 *
 * <p>HubSpot cannot upsert by phone: the record is keyed by a unique custom contact property holding
 * the customer key ({@code playloop_customer_key} by default), which the team creates once in HubSpot
 * (Settings, Properties, Contact, single-line text, "require unique values"), together with the other
 * {@code playloop_*} properties this sink writes (see {@link #properties}). Values are sent as strings,
 * as HubSpot returns them; a property left null on the contact is left out, so it is not cleared.
 *
 * <p>Failures: 429 is retryable and says when (the {@code Retry-After} header, else the window its
 * {@code policyName} names: one second, ten seconds rolling, or the daily limit); 5xx, 408 and no answer
 * are retryable; 400, 401, 403, 404 and a 207 multi-status with errors are not (a missing property or
 * a revoked token needs a person). HubSpot has no conditional write on upsert: a stale version cannot be
 * refused there; {@code playloop_version} is written so workflows and reports can tell.
 */
public final class HubSpotSink implements CrmSink {
    /** The default unique property the contact is keyed by. */
    public static final String DEFAULT_ID_PROPERTY = "playloop_customer_key";
    /** HubSpot's public API base. */
    public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";
    static final String PATH = "/crm/v3/objects/contacts/batch/upsert";
    static final String GDPR_DELETE_PATH = "/crm/v3/objects/contacts/gdpr-delete";

    private static final Duration DAILY_LIMIT_WAIT = Duration.ofHours(1);

    private final URI endpoint;
    private final URI gdprDelete;
    private final String idProperty;
    private final Supplier<String> accessToken;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param baseUrl        {@code https://api.hubapi.com}, or a fake in tests
     * @param idProperty     the unique contact property holding the customer key
     * @param accessToken    the private-app token, asked for on every call (rotation)
     * @param http           a client with a connect timeout
     * @param requestTimeout how long one request may take
     * @param clock          reads a Retry-After given as a date
     */
    public HubSpotSink(String baseUrl, String idProperty, Supplier<String> accessToken, HttpClient http,
            Duration requestTimeout, Clock clock) {
        this.endpoint = URI.create(stripSlash(Objects.requireNonNull(baseUrl, "baseUrl")) + PATH);
        this.gdprDelete = URI.create(stripSlash(baseUrl) + GDPR_DELETE_PATH);
        this.idProperty = Objects.requireNonNull(idProperty, "idProperty");
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "hubspot";
    }

    @Override
    public void push(CrmContact contact) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + accessToken.get())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(contact)))
                .build();
        answer(HttpCalls.send(http, request, name()));
    }

    /**
     * Deletes the contact for good with HubSpot's GDPR delete ({@code POST /crm/v3/objects/contacts/gdpr-delete},
     * {@code {"objectId": customerKey, "idProperty": "playloop_customer_key"}}), which also removes its associations
     * and history. 204 is done; 404 (no such contact) is done too.
     */
    @Override
    public void erase(String customerKey) {
        ObjectNode body = mapper.createObjectNode();
        body.put("objectId", customerKey);
        body.put("idProperty", idProperty);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(gdprDelete)
                    .timeout(requestTimeout)
                    .header("Authorization", "Bearer " + accessToken.get())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a HubSpot body", e);
        }
        HttpResponse<byte[]> response = HttpCalls.send(http, request, name());
        if (response.statusCode() == 404) {
            return;
        }
        answer(response);
    }

    /** 2xx is done; 429 and 5xx are worth another try; anything else needs a person. */
    private void answer(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 207) {
            throw CrmSyncException.permanent(name(), status, "HubSpot refused the contact: " + firstError(response.body()));
        }
        if (status / 100 == 2) {
            return;
        }
        if (status == 429) {
            throw CrmSyncException.retryable(name(), status, rateLimitWait(response),
                    "rate limited: " + HttpCalls.excerpt(response.body()));
        }
        if (HttpCalls.retryableStatus(status)) {
            throw CrmSyncException.retryable(name(), status, HttpCalls.retryAfter(response, clock),
                    "HTTP " + status + ": " + HttpCalls.excerpt(response.body()));
        }
        throw CrmSyncException.permanent(name(), status, "HTTP " + status + ": " + HttpCalls.excerpt(response.body()));
    }

    /** The request body: {@code {"inputs":[{"idProperty":..., "id": customerKey, "properties": {...}}]}}. */
    byte[] body(CrmContact contact) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode input = root.putArray("inputs").addObject();
        input.put("idProperty", idProperty);
        input.put("id", contact.customerKey());
        input.set("properties", properties(contact));
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a HubSpot body", e);
        }
    }

    /**
     * The contact properties written: HubSpot's {@code phone}, {@code firstname}, {@code hs_language}
     * (its "preferred language" enumeration: en, fr, ar are among its options) and the custom
     * {@code playloop_points}, {@code playloop_points_earned}, {@code playloop_tier} (name),
     * {@code playloop_tier_id}, {@code playloop_badges} (semicolon-separated, the format of a
     * multiple-checkboxes property), {@code playloop_opted_in} ({@code true}/{@code false}),
     * {@code playloop_last_game}, {@code playloop_last_game_at} (ISO-8601 UTC), {@code playloop_campaign}
     * and {@code playloop_version}.
     */
    ObjectNode properties(CrmContact c) {
        ObjectNode p = mapper.createObjectNode();
        putIfPresent(p, "phone", c.phoneE164());
        putIfPresent(p, "firstname", c.displayName());
        putIfPresent(p, "hs_language", c.language());
        p.put("playloop_points", Long.toString(c.pointsBalance()));
        p.put("playloop_points_earned", Long.toString(c.pointsEarned()));
        putIfPresent(p, "playloop_tier", c.tierName());
        putIfPresent(p, "playloop_tier_id", c.tierId());
        p.put("playloop_badges", String.join(";", c.badgeIds()));
        p.put("playloop_opted_in", Boolean.toString(c.optedIn()));
        putIfPresent(p, "playloop_last_game", c.lastGame());
        putIfPresent(p, "playloop_last_game_at", c.lastGameAt() == null ? null : c.lastGameAt().toString());
        putIfPresent(p, "playloop_campaign", c.campaignId());
        p.put("playloop_version", Long.toString(c.version()));
        return p;
    }

    /**
     * How long HubSpot wants us to wait: its Retry-After header when sent, else the window of the limit
     * hit ({@code policyName}: SECONDLY one second, TEN_SECONDLY_ROLLING ten seconds, DAILY an hour at
     * least, which is longer than any budget, so the record goes back to its queue).
     */
    private Duration rateLimitWait(HttpResponse<byte[]> response) {
        Duration header = HttpCalls.retryAfter(response, clock);
        if (header != null) {
            return header;
        }
        String policy = HttpCalls.readJson(mapper, response.body()).path("policyName").asText("");
        switch (policy) {
            case "SECONDLY":
                return Duration.ofSeconds(1);
            case "DAILY":
                return DAILY_LIMIT_WAIT;
            default:
                return Duration.ofSeconds(10); // TEN_SECONDLY_ROLLING, and the safe guess when unnamed
        }
    }

    private String firstError(byte[] body) {
        JsonNode error = HttpCalls.readJson(mapper, body).path("errors").path(0);
        if (error.isMissingNode()) {
            return HttpCalls.excerpt(body);
        }
        return error.path("category").asText("error") + ": " + error.path("message").asText("");
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
