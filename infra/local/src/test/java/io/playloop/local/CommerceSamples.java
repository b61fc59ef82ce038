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

/** Posts the signed samples of events/commerce (or variants of them) to a local cloud's commerce route. */
public final class CommerceSamples {
    static final Path DIR = Path.of("../../events/commerce");
    public static final String SHOPIFY_ORDER = "shopify-orders-paid.json";
    static final String SHOPIFY_REFUND = "shopify-refunds-create.json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    CommerceSamples(URI base) {
        this.base = base;
    }

    public static APIGatewayV2HTTPEvent sample(String file) {
        return EventLoader.loadApiGatewayHttpEvent(DIR.resolve(file).toString());
    }

    /** The sample exactly as stored: its body and Shopify's headers (signature included). */
    HttpResponse<String> postSample(String file) throws Exception {
        APIGatewayV2HTTPEvent event = sample(file);
        return post(event.getBody(), shopifyHeaders(event.getHeaders()));
    }

    /** A sample's body with the signature of another secret. */
    HttpResponse<String> postShopifySignedWith(String file, String secret) throws Exception {
        APIGatewayV2HTTPEvent event = sample(file);
        Map<String, String> headers = shopifyHeaders(event.getHeaders());
        headers.put("X-Shopify-Hmac-Sha256", ShopifyWebhooks.sign(event.getBody().getBytes(StandardCharsets.UTF_8), secret));
        return post(event.getBody(), headers);
    }

    /** A generic sample's body, signed now (the stored timestamp is long past). */
    HttpResponse<String> postGenericSignedAt(String file, Instant now, String secret) throws Exception {
        String body = sample(file).getBody();
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

    private static Map<String, String> shopifyHeaders(Map<String, String> sample) {
        Map<String, String> headers = new LinkedHashMap<>();
        sample.forEach((k, v) -> {
            if (k.startsWith("x-shopify-")) {
                headers.put(k, v);
            }
        });
        return headers;
    }
}
