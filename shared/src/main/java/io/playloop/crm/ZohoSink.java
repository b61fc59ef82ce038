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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Pushes a contact to Zoho CRM with the records upsert ({@code POST {api}/crm/{version}/Contacts/upsert},
 * body {@code {"data":[{...}],"duplicate_check_fields":["Phone"]}}, header
 * {@code Authorization: Zoho-oauthtoken <token>}).
 *
 * <p>Set-up the team does once in Zoho: mark the Contacts field Phone "Do not allow duplicate values"
 * (only system or unique fields may be duplicate-check fields), and create the custom fields this sink
 * writes (see {@link #record}). Base URLs are per data centre: API {@code https://www.zohoapis.com},
 * {@code .eu}, {@code .in}, {@code .com.au}, {@code .jp}, {@code .com.cn}; accounts
 * {@code https://accounts.zoho.com}, {@code .eu}, {@code .in}... A token minted in one data centre is
 * refused in another.
 *
 * <p>Failures: 401 {@code INVALID_TOKEN} refreshes the token once and repeats the call once; 429, 5xx,
 * 408 and no answer are retryable; an error on the record itself ({@code data[0].status = error}, e.g.
 * {@code INVALID_DATA}, {@code MANDATORY_NOT_FOUND}, {@code DUPLICATE_DATA}) is not, nor is any other 4xx.
 * Zoho's {@code If-Unmodified-Since} compares with the record's modified time, which a salesperson's edit
 * moves too, so it cannot refuse a stale PlayLoop version: {@code PlayLoop_Version} is written instead.
 */
public final class ZohoSink implements CrmSink {
    static final String NAME = "zoho";
    /** US data centre API base. */
    public static final String DEFAULT_API_BASE_URL = "https://www.zohoapis.com";
    /** US data centre accounts server. */
    public static final String DEFAULT_ACCOUNTS_URL = "https://accounts.zoho.com";
    /** The CRM API version in the path; the upsert shape is the same from v2 to v8. */
    public static final String DEFAULT_API_VERSION = "v7";

    private static final DateTimeFormatter ZOHO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    private final URI endpoint;
    private final String contacts;
    private final ZohoAccessTokens tokens;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param apiBaseUrl     the data centre's API base, e.g. {@code https://www.zohoapis.eu}
     * @param apiVersion     e.g. {@code v7}
     * @param accountsUrl    the data centre's accounts server, e.g. {@code https://accounts.zoho.eu}
     * @param secrets        client id, client secret and refresh token
     * @param http           a client with a connect timeout
     * @param requestTimeout how long one request may take
     * @param clock          token expiry and Retry-After dates
     */
    public ZohoSink(String apiBaseUrl, String apiVersion, String accountsUrl, CrmSecrets secrets, HttpClient http,
            Duration requestTimeout, Clock clock) {
        this.contacts = HubSpotSink.stripSlash(Objects.requireNonNull(apiBaseUrl, "apiBaseUrl"))
                + "/crm/" + Objects.requireNonNull(apiVersion, "apiVersion") + "/Contacts";
        this.endpoint = URI.create(contacts + "/upsert");
        this.tokens = new ZohoAccessTokens(accountsUrl, secrets, http, requestTimeout, clock);
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void push(CrmContact contact) {
        if (contact.phoneE164() == null) {
            throw CrmSyncException.permanent(NAME, 0, "Zoho contacts are matched by Phone and this customer has none "
                    + "(known by a business-scoped user id only)");
        }
        byte[] body = body(contact);
        String token = tokens.current();
        HttpResponse<byte[]> response = post(body, token);
        if (response.statusCode() == 401 && "INVALID_TOKEN".equals(code(HttpCalls.readJson(mapper, response.body())))) {
            response = post(body, tokens.refreshAfterRejection(token));
        }
        interpret(response);
    }

    /**
     * Deletes the customer's contacts: finds them by the PlayLoop key field
     * ({@code GET .../Contacts/search?criteria=(PlayLoop_Customer_Key:equals:<key>)}, 204 when none), then deletes
     * them ({@code DELETE .../Contacts?ids=<id>,<id>}); each record must answer {@code success}. Found none: done.
     */
    @Override
    public void erase(String customerKey) {
        String criteria = "(PlayLoop_Customer_Key:equals:" + customerKey.replaceAll("([(),\\\\])", "\\\\$1") + ")";
        URI search = URI.create(contacts + "/search?fields=id&criteria="
                + java.net.URLEncoder.encode(criteria, java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<byte[]> found = call("GET", search);
        if (found.statusCode() == 204) {
            return;
        }
        if (found.statusCode() / 100 != 2) {
            interpret(found);
        }
        java.util.List<String> ids = new java.util.ArrayList<>();
        HttpCalls.readJson(mapper, found.body()).path("data").forEach(record -> {
            String id = record.path("id").asText("");
            if (id.matches("[0-9]{1,30}")) {
                ids.add(id);
            }
        });
        if (ids.isEmpty()) {
            return;
        }
        HttpResponse<byte[]> deleted = call("DELETE", URI.create(contacts + "?ids=" + String.join(",", ids)));
        JsonNode records = HttpCalls.readJson(mapper, deleted.body()).path("data");
        if (!records.isArray() || records.isEmpty()) {
            interpret(deleted);
            return;
        }
        for (JsonNode record : records) {
            if (!"success".equalsIgnoreCase(record.path("status").asText())) {
                throw CrmSyncException.permanent(NAME, deleted.statusCode(), "Zoho refused to delete a contact: "
                        + code(record) + " " + record.path("message").asText(""));
            }
        }
    }

    /** A bodiless call with the current token, refreshed and repeated once when Zoho says INVALID_TOKEN. */
    private HttpResponse<byte[]> call(String method, URI uri) {
        String token = tokens.current();
        HttpResponse<byte[]> response = HttpCalls.send(http, bodiless(method, uri, token), NAME);
        if (response.statusCode() == 401 && "INVALID_TOKEN".equals(code(HttpCalls.readJson(mapper, response.body())))) {
            response = HttpCalls.send(http, bodiless(method, uri, tokens.refreshAfterRejection(token)), NAME);
        }
        return response;
    }

    private HttpRequest bodiless(String method, URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Authorization", "Zoho-oauthtoken " + token)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
    }

    private HttpResponse<byte[]> post(byte[] body, String token) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Authorization", "Zoho-oauthtoken " + token)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpCalls.send(http, request, NAME);
    }

    private void interpret(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode json = HttpCalls.readJson(mapper, response.body());
        JsonNode record = json.path("data").path(0);
        if (record.isObject()) {
            // Zoho reports per record, whatever the HTTP status (200, 201, 202 or 400).
            if ("success".equalsIgnoreCase(record.path("status").asText())) {
                return;
            }
            throw CrmSyncException.permanent(NAME, status, "Zoho refused the contact: " + code(record) + " "
                    + record.path("message").asText("") + " " + record.path("details"));
        }
        if (HttpCalls.retryableStatus(status)) {
            throw CrmSyncException.retryable(NAME, status, HttpCalls.retryAfter(response, clock),
                    "HTTP " + status + ": " + HttpCalls.excerpt(response.body()));
        }
        throw CrmSyncException.permanent(NAME, status, "HTTP " + status + (status / 100 == 2
                ? " without a per-record status" : "") + ": " + HttpCalls.excerpt(response.body()));
    }

    /** The request body, one record, Phone as the duplicate check. */
    byte[] body(CrmContact contact) {
        ObjectNode root = mapper.createObjectNode();
        root.putArray("data").add(record(contact));
        root.putArray("duplicate_check_fields").add("Phone");
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a Zoho body", e);
        }
    }

    /**
     * The record: Zoho's {@code Phone} (E.164) and {@code Last_Name} (mandatory on Contacts: the WhatsApp
     * name, else the customer key), and the custom fields {@code PlayLoop_Customer_Key},
     * {@code PlayLoop_Language}, {@code PlayLoop_Points}, {@code PlayLoop_Points_Earned} (numbers),
     * {@code PlayLoop_Tier}, {@code PlayLoop_Tier_Id}, {@code PlayLoop_Badges} (semicolon-separated text),
     * {@code PlayLoop_Opted_In} (boolean), {@code PlayLoop_Last_Game}, {@code PlayLoop_Last_Game_At}
     * (date-time, {@code 2026-11-23T10:15:00+00:00}), {@code PlayLoop_Campaign} and
     * {@code PlayLoop_Version} (number). A value null on the contact is left out, so it is not cleared.
     */
    ObjectNode record(CrmContact c) {
        ObjectNode r = mapper.createObjectNode();
        r.put("Phone", c.phoneE164());
        r.put("Last_Name", c.displayName() != null && !c.displayName().isBlank() ? c.displayName() : c.customerKey());
        r.put("PlayLoop_Customer_Key", c.customerKey());
        putIfPresent(r, "PlayLoop_Language", c.language());
        r.put("PlayLoop_Points", c.pointsBalance());
        r.put("PlayLoop_Points_Earned", c.pointsEarned());
        putIfPresent(r, "PlayLoop_Tier", c.tierName());
        putIfPresent(r, "PlayLoop_Tier_Id", c.tierId());
        r.put("PlayLoop_Badges", String.join(";", c.badgeIds()));
        r.put("PlayLoop_Opted_In", c.optedIn());
        putIfPresent(r, "PlayLoop_Last_Game", c.lastGame());
        putIfPresent(r, "PlayLoop_Last_Game_At", c.lastGameAt() == null ? null
                : ZOHO_DATE_TIME.format(c.lastGameAt().truncatedTo(ChronoUnit.SECONDS)));
        putIfPresent(r, "PlayLoop_Campaign", c.campaignId());
        r.put("PlayLoop_Version", c.version());
        return r;
    }

    private static String code(JsonNode node) {
        return node.path("code").asText("");
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
