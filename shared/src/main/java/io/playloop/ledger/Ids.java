package io.playloop.ledger;

/** Checks shared by the ledger's records: event ids arrive from outside (wamids, order ids). */
final class Ids {
    /** Long enough for a wamid (about 60 characters) or a shop's order id with a prefix. */
    static final int MAX_EVENT_ID = 200;
    /** One operation may move at most a billion points: totals then stay far from overflow. */
    static final long MAX_POINTS = 1_000_000_000L;

    private Ids() {
    }

    static String requireEventId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (id.length() > MAX_EVENT_ID) {
            throw new IllegalArgumentException(what + " has " + id.length() + " characters; at most " + MAX_EVENT_ID);
        }
        return id;
    }

    static long requirePoints(long points) {
        if (points <= 0 || points > MAX_POINTS) {
            throw new IllegalArgumentException("points must be between 1 and " + MAX_POINTS + ", was " + points);
        }
        return points;
    }
}
