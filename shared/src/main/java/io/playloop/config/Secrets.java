package io.playloop.config;

/**
 * The three WhatsApp secrets and the shop's webhook secret. Implementations may cache and refresh (secret rotation), so callers ask
 * every time they need a value instead of keeping it.
 */
public interface Secrets {
    /** The Meta app secret that signs webhooks (X-Hub-Signature-256). */
    String appSecret();

    /** The verify token typed into Meta's dashboard for the GET handshake. */
    String verifyToken();

    /** The system-user access token used to call the Graph API. */
    String accessToken();

    /**
     * The secret the shop signs {@code POST /webhooks/commerce} with (Shopify's {@code X-Shopify-Hmac-Sha256} or
     * PlayLoop's {@code X-PlayLoop-Signature}).
     *
     * @throws IllegalStateException when none is configured (the default, for implementations that predate it):
     *                               the commerce webhook then answers 500 and the shop retries
     */
    default String shopSecret() {
        throw new IllegalStateException("no shop secret is configured: add \"shopSecret\" to the PlayLoop secret");
    }
}
