package io.playloop.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * Points from one grant, with their own expiry. A lot lives in the account while it holds points; the
 * ledger entries keep its history after that.
 *
 * @param id        the event id of the grant that created it (so a reversal finds it without a lookup)
 * @param granted   how many points the grant gave
 * @param remaining how many of them are still unspent (1..granted)
 * @param grantedAt when the grant happened
 * @param expiresAt the first instant at which the lot no longer counts; {@link #NEVER} for points that
 *                  do not expire
 */
public record Lot(String id, long granted, long remaining, Instant grantedAt, Instant expiresAt) {
    /** The expiry of points that never expire. */
    public static final Instant NEVER = Instant.MAX;

    public Lot {
        Ids.requireEventId(id, "lot id");
        Ids.requirePoints(granted);
        if (remaining <= 0 || remaining > granted) {
            throw new IllegalArgumentException("lot " + id + " must hold 1.." + granted + " points, holds " + remaining);
        }
        Objects.requireNonNull(grantedAt, "grantedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(grantedAt)) {
            throw new IllegalArgumentException("lot " + id + " must expire after it is granted: granted "
                    + grantedAt + ", expires " + expiresAt);
        }
    }

    /** True while the lot counts towards the balance: it has not reached its expiry at {@code at}. */
    public boolean liveAt(Instant at) {
        return at.isBefore(expiresAt);
    }

    Lot withRemaining(long newRemaining) {
        return new Lot(id, granted, newRemaining, grantedAt, expiresAt);
    }
}
