package io.playloop.games.referral;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A customer's personal referral code: eight characters such as {@code 7KQ4ZM9X}.
 *
 * <h2>Shape</h2>
 * Six body characters taken from HMAC-SHA256(secret, customer key), then two check characters taken from
 * HMAC-SHA256(secret, body). The alphabet has no 0/O, 1/I/L, so nothing reads two ways on a phone screen.
 * <ul>
 *   <li>The same customer always gets the same code (nothing to store before it is shown), and the code
 *       reveals nothing about the phone number.</li>
 *   <li>{@link #verify} rejects typos and made-up codes with the secret alone, no lookup: only about 1 in
 *       961 random strings passes. Finding the referrer of a valid code still takes one GetItem on
 *       {@code CODE#<code>}, since an HMAC cannot be reversed.</li>
 *   <li>31⁶ ≈ 887 million bodies: two customers sharing one becomes likely past about 30,000 customers
 *       (birthday bound). The store claims {@code CODE#<code>} with a conditional put; when another customer
 *       holds it, it takes the next {@code attempt} ({@link #of(String, byte[], int)}) and keeps the code it got
 *       on the customer's profile, so a customer's code never changes once shown.</li>
 * </ul>
 *
 * @param value the eight characters, upper case
 */
public record ReferralCode(String value) {
    /** The characters a code is made of: digits 2–9 and letters without I, L, O. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    /** Body characters (derived from the customer key). */
    static final int BODY = 6;
    /** Check characters (derived from the body). */
    static final int CHECK = 2;
    /** The length of a code. */
    public static final int LENGTH = BODY + CHECK;

    public ReferralCode {
        Objects.requireNonNull(value, "value");
        if (value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("a referral code is " + LENGTH + " characters of " + ALPHABET);
        }
    }

    /** The code of {@code customerKey} under {@code secret}: its first choice. */
    public static ReferralCode of(String customerKey, byte[] secret) {
        return of(customerKey, secret, 0);
    }

    /**
     * The code of {@code customerKey} for {@code attempt} 0, 1, 2…: another code for each attempt, for when an
     * earlier one is already another customer's.
     */
    public static ReferralCode of(String customerKey, byte[] secret, int attempt) {
        Objects.requireNonNull(customerKey, "customerKey");
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt: must be >= 0, was " + attempt);
        }
        String body = encode(hmac(secret, attempt == 0 ? "code|" + customerKey : "code|" + attempt + "|" + customerKey), BODY);
        return new ReferralCode(body + check(body, secret));
    }

    /**
     * The code in {@code candidate} (already upper case, eight characters) if its check characters match
     * under {@code secret}; empty for a typo or a made-up code.
     */
    public static Optional<ReferralCode> verify(String candidate, byte[] secret) {
        if (candidate == null || candidate.length() != LENGTH
                || !candidate.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        String body = candidate.substring(0, BODY);
        return check(body, secret).equals(candidate.substring(BODY)) ? Optional.of(new ReferralCode(candidate))
                : Optional.empty();
    }

    /**
     * Whether this is the first-choice code of {@code customerKey}. The referrer named by the code's
     * {@code CODE#} record is what decides self-referral ({@link ReferralRules#attribute}); this is a shortcut.
     */
    public boolean belongsTo(String customerKey, byte[] secret) {
        return of(customerKey, secret).equals(this);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String check(String body, byte[] secret) {
        return encode(hmac(secret, "check|" + body), CHECK);
    }

    // The first 8 bytes as an unsigned number, written in base 31: 31^6 < 2^30, so every code is equally likely.
    private static String encode(byte[] digest, int length) {
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xFF);
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt((int) Long.remainderUnsigned(bits, ALPHABET.length())));
            bits = Long.divideUnsigned(bits, ALPHABET.length());
        }
        return out.toString();
    }

    private static byte[] hmac(byte[] secret, String message) {
        Objects.requireNonNull(secret, "secret");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java runtime ships HmacSHA256; an empty secret is a configuration bug.
            throw new IllegalStateException("cannot compute HmacSHA256", e);
        }
    }
}
