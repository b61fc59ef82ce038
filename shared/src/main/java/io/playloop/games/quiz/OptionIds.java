package io.playloop.games.quiz;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed ids for quiz buttons and list rows. A tapped button's id comes back from WhatsApp as untrusted
 * input; the signature proves PlayLoop made it, for this customer and this sending of the question.
 *
 * <p>Format: {@code q:<questionId>:<round in base 36>:<option>:<mac>}, e.g. {@code q:capital-fr:1k:b:Xy3_a9Qz}.
 * The mac is the first 6 bytes (48 bits, 8 base64url characters) of HMAC-SHA256 over the customer's key
 * and the id's payload. Ids with the bank's 40-character limits stay under 110 characters, inside
 * Meta's 200 for list rows and 256 for buttons. 48 bits make a guessed id succeed once in 2.8e14 tries,
 * and a customer can only try by sending messages.
 *
 * <p>Verification never throws on bad input and compares macs in constant time.
 */
public final class OptionIds {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 6;
    private static final int MAX_ID = 256;
    private static final Pattern ROUND = Pattern.compile("[0-9a-z]{1,12}");
    private static final Pattern PAYLOAD = Pattern.compile("[0-9a-z:_.-]{1,120}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /**
     * @param key the signing key, at least 16 bytes (e.g. from the secret the game function already
     *            holds); copied
     */
    public OptionIds(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("an option-id key needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * The signed id of one option of one sending of a question to one customer.
     *
     * @throws IllegalArgumentException when an id or option breaks the {@link Question} rules or the round
     *                                  is not positive
     */
    public String sign(String customerKey, String questionId, long round, String option) {
        requireCustomerKey(customerKey);
        requireToken(questionId, "questionId");
        requireToken(option, "option");
        if (round < 1) {
            throw new IllegalArgumentException("round must be positive, was " + round);
        }
        String payload = "q:" + questionId + ":" + Long.toString(round, 36) + ":" + option;
        return payload + ":" + mac(customerKey, payload);
    }

    /**
     * What a tapped id says, if this key signed it for this customer; empty for anything else (tampered,
     * truncated, another customer's, another format, too long).
     */
    public Optional<OptionRef> verify(String customerKey, String id) {
        if (customerKey == null || customerKey.isBlank() || id == null || id.length() > MAX_ID) {
            return Optional.empty();
        }
        String[] parts = id.split(":", -1);
        if (parts.length != 5 || !parts[0].equals("q") || !Question.ID.matcher(parts[1]).matches()
                || !ROUND.matcher(parts[2]).matches() || !Question.ID.matcher(parts[3]).matches()) {
            return Optional.empty();
        }
        String payload = id.substring(0, id.lastIndexOf(':'));
        byte[] expected = mac(customerKey, payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = parts[4].getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        long round = Long.parseLong(parts[2], 36);   // at most 12 base-36 digits: fits in a long
        return round < 1 ? Optional.empty() : Optional.of(new OptionRef(parts[1], round, parts[3]));
    }

    /**
     * Another PlayLoop button of this customer signed with the same key: {@code <payload>:<mac>}. The payload names
     * its own purpose (e.g. {@code erase:...}), never {@code q:}, so it cannot pass for a quiz option nor the reverse.
     *
     * @throws IllegalArgumentException when the payload is a quiz's or holds characters ids must not
     */
    public String signPayload(String customerKey, String payload) {
        requireCustomerKey(customerKey);
        if (payload == null || payload.startsWith("q:") || !PAYLOAD.matcher(payload).matches()) {
            throw new IllegalArgumentException("a signed payload is 1 to 120 of a-z 0-9 : _ - ., not a quiz's: "
                    + payload);
        }
        return payload + ":" + mac(customerKey, payload);
    }

    /**
     * The payload of an id {@link #signPayload} made for this customer; empty for anything else (tampered, another
     * customer's, a quiz option, too long). Never throws on bad input; compares in constant time.
     */
    public Optional<String> verifyPayload(String customerKey, String id) {
        if (customerKey == null || customerKey.isBlank() || id == null || id.length() > MAX_ID) {
            return Optional.empty();
        }
        int cut = id.lastIndexOf(':');
        if (cut <= 0) {
            return Optional.empty();
        }
        String payload = id.substring(0, cut);
        if (payload.startsWith("q:") || !PAYLOAD.matcher(payload).matches()) {
            return Optional.empty();
        }
        byte[] expected = mac(customerKey, payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = id.substring(cut + 1).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) ? Optional.of(payload) : Optional.empty();
    }

    // NUL never occurs in a customer key (a BSUID or digits), so key and payload cannot be confused.
    private String mac(String customerKey, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] full = mac.doFinal((customerKey + "\u0000" + payload).getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(Arrays.copyOf(full, MAC_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static void requireToken(String value, String what) {
        if (value == null || !Question.ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 40 letters, digits, '.', '_' or '-', was " + value);
        }
    }

    private static void requireCustomerKey(String customerKey) {
        if (customerKey == null || customerKey.isBlank() || customerKey.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("a customer key must not be blank");
        }
    }
}
