package io.playloop.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.playloop.commerce.GenericCommerceWebhooks;
import io.playloop.commerce.ShopifyWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Posts the signed samples of events/commerce (or variants of them) to a local cloud's commerce route, dated
 * by the local cloud's clock: PlayLoop acknowledges without applying events more than 7 days old, and the
 * samples' own dates are fixed.
 */
public final class CommerceSamples {
    static final Path DIR = Path.of("../../events/commerce");
    public static final String SHOPIFY_ORDER = "shopify-orders-paid.json";
    static final String SHOPIFY_REFUND = "shopify-refunds-create.json";
    private static final Pattern DATES = Pattern.compile("(\"(?:occurred_at|created_at|processed_at|updated_at)\":\")"
            + "[^\"]*(\")");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Supplier<Instant> clock;

    /**
     * @param clock the local cloud's clock: samples are posted as if sent at its time
     */
    CommerceSamples(URI base, Supplier<Instant> clock) {
        this.base = base;
        this.clock = clock;
    }

    public static APIGatewayV2HTTPEvent sample(String file) {
        return EventLoader.loadApiGatewayHttpEvent(DIR.resolve(file).toString());
    }

    /** {@code body} with every date field (occurred_at, created_at, processed_at, updated_at) set to {@code at}. */
    public static String dated(String body, Instant at) {
        return DATES.matcher(body).replaceAll("$1" + at + "$2");
    }

    /** The sample as Shopify would send it now: its body dated now, signed with the local shop secret. */
    HttpResponse<String> postSample(String file) throws Exception {
        return postShopify(sample(file).getHeaders().get("x-shopify-topic"), sampleBody(file));
    }

    /** A sample's body, dated now. */
    String sampleBody(String file) {
        return dated(sample(file).getBody(), clock.get());
    }

    /** {@code body} on {@code topic}, signed with the local shop secret, triggered now. */
    HttpResponse<String> postShopify(String topic, String body) throws Exception {
        return post(body, shopifyHeaders(topic, body, LocalCloudOptions.DEFAULT_SHOP_SECRET));
    }

    /** A sample's body (dated now) with the signature of another secret. */
    HttpResponse<String> postShopifySignedWith(String file, String secret) throws Exception {
        String body = sampleBody(file);
        return post(body, shopifyHeaders(sample(file).getHeaders().get("x-shopify-topic"), body, secret));
    }

    /** A generic sample's body, dated and signed at {@code now} (the stored dates are long past). */
    HttpResponse<String> postGenericSignedAt(String file, Instant now, String secret) throws Exception {
        return postGeneric(dated(sample(file).getBody(), now), now, secret);
    }

    /** A generic event's body, signed at {@code now}. */
    HttpResponse<String> postGeneric(String body, Instant now, String secret) throws Exception {
        long ts = now.getEpochSecond();
        return post(body, new LinkedHashMap<>(Map.of(
                "X-PlayLoop-Timestamp", Long.toString(ts),
                "X-PlayLoop-Signature", GenericCommerceWebhooks.sign(ts, body.getBytes(StandardCharsets.UTF_8), secret))));
    }

    HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/webhooks/commerce"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    Map<String, String> shopifyHeaders(String topic, String body, String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Shopify-Topic", topic);
        headers.put("X-Shopify-Shop-Domain", "atelier-playloop.myshopify.com");
        headers.put("X-Shopify-Webhook-Id", UUID.nameUUIDFromBytes(body.getBytes(StandardCharsets.UTF_8)).toString());
        headers.put("X-Shopify-Triggered-At", clock.get().toString());
        headers.put("X-Shopify-Hmac-Sha256", ShopifyWebhooks.sign(body.getBytes(StandardCharsets.UTF_8), secret));
        return headers;
    }
}
