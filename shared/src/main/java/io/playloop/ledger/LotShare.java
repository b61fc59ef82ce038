package io.playloop.ledger;

/**
 * How many points an entry put into or took out of one lot.
 *
 * @param lotId  the lot (its id is the event id of the grant that created it)
 * @param points how many points, always positive
 */
public record LotShare(String lotId, long points) {
    public LotShare {
        Ids.requireEventId(lotId, "lotId");
        if (points <= 0) {
            throw new IllegalArgumentException("a lot share must be positive, was " + points + " for lot " + lotId);
        }
    }
}
