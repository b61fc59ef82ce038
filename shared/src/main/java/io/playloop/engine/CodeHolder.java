package io.playloop.engine;

import io.playloop.games.referral.ReferralCode;
import java.util.Objects;

/**
 * Who holds a referral code, as its {@code CODE#} record says: read with the snapshot when a message carries
 * a valid code.
 *
 * @param code        the code found in the message
 * @param customerKey the referrer's customer key
 */
public record CodeHolder(ReferralCode code, String customerKey) {
    public CodeHolder {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(customerKey, "customerKey");
    }
}
