package io.playloop.sqs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Makes a customer key or a wamid usable as an SQS FIFO {@code MessageGroupId} /
 * {@code MessageDeduplicationId}.
 *
 * <p>SQS accepts at most 128 characters from {@code [A-Za-z0-9!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~]} and
 * rejects the whole entry otherwise. Today's ids fit (a wamid is base64 plus dots, a wa_id is digits),
 * but a BSUID may be up to 256 characters and Meta may change id formats. A rejected entry would fail
 * the webhook on every redelivery for seven days, so an id that does not fit is replaced by the
 * SHA-256 hex of its UTF-8 bytes: 64 allowed characters, and deterministic, so the same customer
 * always lands in the same group (order kept) and a redelivered wamid gets the same deduplication id.
 */
public final class SqsIds {
    /** The longest group or deduplication id SQS accepts. */
    public static final int MAX_LENGTH = 128;

    private SqsIds() {
    }

    /** The id itself when SQS accepts it, else its SHA-256 hex. */
    public static String of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("an SQS group or deduplication id needs a non-empty value");
        }
        return acceptable(value) ? value : sha256Hex(value);
    }

    /** True when SQS takes {@code value} as it is. */
    public static boolean acceptable(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // Printable ASCII without the space: exactly the alphanumerics and punctuation SQS lists.
            if (c < '!' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /** The SHA-256 of {@code value}'s UTF-8 bytes in lower-case hex: 64 characters SQS always accepts. */
    public static String sha256Hex(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
