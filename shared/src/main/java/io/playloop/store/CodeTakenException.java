package io.playloop.store;

/**
 * The referral code offered to a customer is already another customer's (two customer keys whose codes
 * collide, about one pair in 30,000 customers): offer the next one ({@code ReferralCode.of(key, secret, attempt)}).
 */
public final class CodeTakenException extends RuntimeException {
    private final String code;

    public CodeTakenException(String code) {
        super("referral code " + code + " is another customer's");
        this.code = code;
    }

    /** The code that was refused. */
    public String code() {
        return code;
    }
}
