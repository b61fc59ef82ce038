package io.playloop.local.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request the fuzzer posts, before it is signed: the route, the exact body bytes, and the mutations that made it
 * (so a failing case can be read and replayed).
 */
record FuzzCase(Route route, byte[] body, List<String> mutations) {

    /** Where a case goes and how it is signed. */
    enum Route {
        /** Meta's webhook, {@code X-Hub-Signature-256} with the app secret. */
        WHATSAPP("/webhooks/whatsapp"),
        /** A Shopify webhook ({@code X-Shopify-Hmac-Sha256}, base64) on the shop route. */
        SHOPIFY("/webhooks/commerce"),
        /** PlayLoop's generic shop format ({@code X-PlayLoop-Timestamp} + signature over "ts.body"). */
        GENERIC("/webhooks/commerce");

        final String path;

        Route(String path) {
            this.path = path;
        }
    }

    /** A short, printable description: route, size, mutations and the body's first characters. */
    String describe() {
        String text = new String(body, 0, Math.min(body.length, 240), StandardCharsets.UTF_8)
                .replaceAll("[\\p{Cntrl}\\p{Cs}\\uFFFE\\uFFFF]", "?");
        return route + " " + body.length + " B " + mutations + " " + text;
    }
}
