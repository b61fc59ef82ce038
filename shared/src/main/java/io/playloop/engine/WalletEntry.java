package io.playloop.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A reward the customer holds from the catalogue: what REWARDS shows and what a per-customer limit counts.
 * The full record ({@code REWARD#<rewardId>}) lives beside it in the table; this is the engine's copy.
 *
 * @param rewardId   unique: {@code <itemId>:<wamid of the REDEEM message>}
 * @param itemId     the catalogue item
 * @param code       the coupon code, empty while a pool code is on its way
 * @param issuedAt   when it was redeemed
 * @param validUntil when its code stops working
 * @param usedAt     when an order used its code, if one did
 */
public record WalletEntry(String rewardId, String itemId, Optional<String> code, Instant issuedAt, Instant validUntil,
                          Optional<Instant> usedAt) {
    public WalletEntry {
        Objects.requireNonNull(rewardId, "rewardId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(usedAt, "usedAt");
    }

    /** Still to be used: not used and not expired at {@code now}. */
    public boolean usableAt(Instant now) {
        return usedAt.isEmpty() && now.isBefore(validUntil);
    }

    /** The same reward, used by an order at {@code at}. */
    public WalletEntry usedAt(Instant at) {
        return new WalletEntry(rewardId, itemId, code, issuedAt, validUntil, Optional.of(at));
    }
}
