package io.playloop.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw
 * request body keyed with the app secret.
 *
 * <p>The HMAC is always computed over the bytes exactly as they arrived. Meta escapes non-ASCII
 * characters (<code>&#92;u00e9</code>) and slashes ({@code \/}) in what it signs, so parsing the JSON and writing
 * it again yields different bytes and a signature that no longer matches.
 */
public final class WebhookSignature {
    /** The header Meta sends (API Gateway HTTP API lower-cases it: look it up case-insensitively). */
    public static final String HEADER = "X-Hub-Signature-256";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";
    private static final int DIGEST_HEX_LENGTH = 64;

    private WebhookSignature() {
    }

    /**
     * Checks a signature header against the body, in constant time.
     *
     * <p>Tolerates surrounding spaces, any case in the {@code sha256=} prefix and in the hex digits.
     * A missing, empty or garbled header, or a missing secret, is simply not valid.
     *
     * @param body        the raw request body, byte for byte as received (base64-decoded if API
     *                    Gateway encoded it)
     * @param headerValue the value of {@code X-Hub-Signature-256}, or null when absent
     * @param appSecret   the Meta app secret
     * @return true only when the header carries the HMAC-SHA256 of {@code body} under {@code appSecret}
     */
    public static boolean verify(byte[] body, String headerValue, String appSecret) {
        if (body == null || headerValue == null || appSecret == null || appSecret.isEmpty()) {
            return false;
        }
        byte[] presented = parse(headerValue);
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body, appSecret), presented);
    }

    /**
     * Signs a body the way Meta does: {@code sha256=} followed by 64 lowercase hex digits. For tests,
     * the local cloud and tools that post webhooks.
     */
    public static String sign(byte[] body, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook signature needs a non-empty app secret");
        }
        return PREFIX + HexFormat.of().formatHex(hmac(body, secret));
    }

    /** The 32 digest bytes named by a header value, or null when it is not {@code sha256=<64 hex>}. */
    private static byte[] parse(String headerValue) {
        String value = headerValue.strip();
        if (value.length() != PREFIX.length() + DIGEST_HEX_LENGTH
                || !value.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)) {
            return null;
        }
        String hex = value.substring(PREFIX.length());
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            boolean asciiHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!asciiHex) {
                return null; // Character.digit would accept non-ASCII digits such as U+0663
            }
        }
        return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
    }

    private static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
