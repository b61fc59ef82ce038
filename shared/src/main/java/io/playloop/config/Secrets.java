package io.playloop.config;

/**
 * The three WhatsApp secrets. Implementations may cache and refresh (secret rotation), so callers ask
 * every time they need a value instead of keeping it.
 */
public interface Secrets {
    /** The Meta app secret that signs webhooks (X-Hub-Signature-256). */
    String appSecret();

    /** The verify token typed into Meta's dashboard for the GET handshake. */
    String verifyToken();

    /** The system-user access token used to call the Graph API. */
    String accessToken();
}
