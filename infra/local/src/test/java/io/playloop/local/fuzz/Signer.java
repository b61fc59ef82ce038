package io.playloop.local.fuzz;

import io.playloop.commerce.GenericCommerceWebhooks;
import io.playloop.commerce.ShopifyWebhooks;
import io.playloop.whatsapp.webhook.WebhookSignature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signs a case as its sender would: Meta with the app secret, the shop with the shop secret, at {@code now}. */
record Signer(String appSecret, String shopSecret) {

    Map<String, String> headers(FuzzCase c, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        switch (c.route()) {
            case WHATSAPP -> headers.put(WebhookSignature.HEADER, WebhookSignature.sign(c.body(), appSecret));
            case SHOPIFY -> {
                headers.put("X-Shopify-Topic", new String(c.body(), java.nio.charset.StandardCharsets.UTF_8)
                        .contains("\"refund_line_items\"") ? "refunds/create" : "orders/paid");
                headers.put("X-Shopify-Webhook-Id", "fuzz-" + Integer.toHexString(java.util.Arrays.hashCode(c.body())));
                headers.put("X-Shopify-Shop-Domain", "fuzz.myshopify.com");
                headers.put("X-Shopify-Api-Version", "2025-10");
                headers.put("X-Shopify-Hmac-Sha256", ShopifyWebhooks.sign(c.body(), shopSecret));
            }
            case GENERIC -> {
                long ts = now.getEpochSecond();
                headers.put("X-PlayLoop-Timestamp", Long.toString(ts));
                headers.put("X-PlayLoop-Signature", GenericCommerceWebhooks.sign(ts, c.body(), shopSecret));
            }
        }
        return headers;
    }
}
