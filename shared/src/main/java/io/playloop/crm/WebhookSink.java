package io.playloop.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.whatsapp.webhook.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * POSTs the contact as JSON to a configured URL, signed like Meta signs its webhooks.
 *
 * <p>Headers: {@code X-PlayLoop-Signature: sha256=<hex HMAC-SHA256 of the raw body under the shared
 * secret>}, {@code X-PlayLoop-Timestamp} (epoch seconds, also inside the signed body as {@code sentAt},
 * so a receiver can refuse old replays), {@code X-PlayLoop-Delivery} (customer key and version: the
 * idempotency key, the same on every retry of one state). A receiver verifies the signature over the
 * bytes as received, drops a delivery id it has seen, and ignores a {@code contact.version} lower than
 * the last it stored: that is how a stale update never overwrites a newer one at this end.
 *
 * <p>2xx is delivered; 429, 408, 5xx and no answer are retryable (429 honours Retry-After); any other
 * answer is not.
 */
public final class WebhookSink implements CrmSink {
    /** The signature header. */
    public static final String SIGNATURE_HEADER = "X-PlayLoop-Signature";
    /** The timestamp header (epoch seconds). */
    public static final String TIMESTAMP_HEADER = "X-PlayLoop-Timestamp";
    /** The idempotency header: customer key and version. */
    public static final String DELIVERY_HEADER = "X-PlayLoop-Delivery";
    /** The event name in the body. */
    public static final String EVENT = "contact.updated";
    /** The event name of an erasure: the receiver deletes what it holds on the customer. */
    public static final String ERASED_EVENT = "customer.erased";

    private final URI url;
    private final Supplier<String> signingSecret;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param url            where to POST
     * @param signingSecret  the shared HMAC secret, asked for on every call (rotation)
     * @param http           a client with a connect timeout
     * @param requestTimeout how long one request may take
     * @param clock          the timestamp
     */
    public WebhookSink(String url, Supplier<String> signingSecret, HttpClient http, Duration requestTimeout,
            Clock clock) {
        this.url = URI.create(Objects.requireNonNull(url, "url"));
        this.signingSecret = Objects.requireNonNull(signingSecret, "signingSecret");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void push(CrmContact contact) {
        Instant now = clock.instant();
        post(body(contact, now), contact.deliveryId(), now);
    }

    /**
     * Tells the receiver the customer was erased: {@code {"event":"customer.erased","deliveryId":"<key>:erased",
     * "sentAt":...,"customerKey":"<key>"}}, signed like every delivery; the receiver deletes what it holds on them.
     */
    @Override
    public void erase(String customerKey) {
        Instant now = clock.instant();
        ObjectNode root = mapper.createObjectNode();
        root.put("event", ERASED_EVENT);
        root.put("deliveryId", customerKey + ":erased");
        root.put("sentAt", now.getEpochSecond());
        root.put("customerKey", customerKey);
        try {
            post(mapper.writeValueAsBytes(root), customerKey + ":erased", now);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }

    private void post(byte[] body, String deliveryId, Instant now) {
        String secret = signingSecret.get();
        if (secret == null || secret.isEmpty()) {
            throw CrmSyncException.permanent(name(), 0, "no webhook signing secret is configured");
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(SIGNATURE_HEADER, WebhookSignature.sign(body, secret))
                .header(TIMESTAMP_HEADER, Long.toString(now.getEpochSecond()))
                .header(DELIVERY_HEADER, deliveryId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = HttpCalls.send(http, request, name());
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        if (HttpCalls.retryableStatus(status)) {
            throw CrmSyncException.retryable(name(), status, HttpCalls.retryAfter(response, clock),
                    "HTTP " + status + ": " + HttpCalls.excerpt(response.body()));
        }
        throw CrmSyncException.permanent(name(), status, "HTTP " + status + ": " + HttpCalls.excerpt(response.body()));
    }

    /**
     * The body: {@code {"event":"contact.updated","deliveryId":...,"sentAt":...,"contact":{...}}} with
     * every field of {@link CrmContact} under its record name, nulls included, Unicode as UTF-8.
     */
    byte[] body(CrmContact c, Instant sentAt) {
        ObjectNode root = mapper.createObjectNode();
        root.put("event", EVENT);
        root.put("deliveryId", c.deliveryId());
        root.put("sentAt", sentAt.getEpochSecond());
        ObjectNode contact = root.putObject("contact");
        contact.put("customerKey", c.customerKey());
        contact.put("phone", c.phoneE164());
        contact.put("displayName", c.displayName());
        contact.put("language", c.language());
        contact.put("pointsBalance", c.pointsBalance());
        contact.put("pointsEarned", c.pointsEarned());
        contact.put("tierId", c.tierId());
        contact.put("tierName", c.tierName());
        ArrayNode badges = contact.putArray("badgeIds");
        c.badgeIds().forEach(badges::add);
        contact.put("optedIn", c.optedIn());
        contact.put("lastGame", c.lastGame());
        contact.put("lastGameAt", c.lastGameAt() == null ? null : c.lastGameAt().toString());
        contact.put("campaignId", c.campaignId());
        contact.put("version", c.version());
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }
}
