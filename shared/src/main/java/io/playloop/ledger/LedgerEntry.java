package io.playloop.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One change to a customer's points, tied to the event that caused it. Entries are append-only: a
 * correction is a new entry (a {@link EntryKind#REVERSE}), never an edit.
 *
 * <p>Two signed amounts make the totals a plain sum over the entries: {@code points} is the change to
 * what the lots hold (the balance), {@code earned} the change to the points earned (what tiers count).
 *
 * <table>
 *   <caption>Signs by kind</caption>
 *   <tr><th>kind</th><th>points</th><th>earned</th><th>lots</th></tr>
 *   <tr><td>GRANT</td><td>+n</td><td>+n</td><td>the new lot</td></tr>
 *   <tr><td>SPEND</td><td>-n</td><td>0</td><td>the lots it took from, soonest expiry first</td></tr>
 *   <tr><td>EXPIRE</td><td>-n</td><td>0</td><td>the lot that expired</td></tr>
 *   <tr><td>REVERSE</td><td>-(what was left of the lot), may be 0</td><td>-(the whole grant)</td>
 *       <td>the reversed lot, when anything was left of it</td></tr>
 * </table>
 *
 * @param id      unique within the account: {@code <KIND>#<eventId>} (see {@link #idOf})
 * @param kind    what happened
 * @param points  signed change to the balance
 * @param earned  signed change to the points earned
 * @param lots    where the points went or came from; their sum is {@code |points|}
 * @param reason  why: for a grant, the id of the earning rule (caps count grants by it, e.g.
 *                {@code quiz.correct}); otherwise free text such as {@code reward:coffee} or
 *                {@code refund:order-42}
 * @param eventId the event that caused it (a wamid, an order id, ...); for an expiry, the lot's id
 * @param at      when it happened
 */
public record LedgerEntry(String id, EntryKind kind, long points, long earned, List<LotShare> lots, String reason,
                          String eventId, Instant at) {

    public LedgerEntry {
        Objects.requireNonNull(kind, "kind");
        Ids.requireEventId(eventId, "eventId");
        if (!idOf(kind, eventId).equals(id)) {
            throw new IllegalArgumentException("entry id must be " + idOf(kind, eventId) + ", was " + id);
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        lots = List.copyOf(lots);
        long shared = lots.stream().mapToLong(LotShare::points).sum();
        if (shared != Math.abs(points)) {
            throw new IllegalArgumentException("entry " + id + " moves " + points + " points but its lots share "
                    + shared);
        }
        boolean signsFit = switch (kind) {
            case GRANT -> points > 0 && earned == points && lots.size() == 1;
            case SPEND -> points < 0 && earned == 0;
            case EXPIRE -> points < 0 && earned == 0 && lots.size() == 1;
            case REVERSE -> points <= 0 && earned < 0 && -points <= -earned && lots.size() <= 1;
        };
        if (!signsFit) {
            throw new IllegalArgumentException("a " + kind + " entry cannot move points " + points + " and earned "
                    + earned + " over " + lots.size() + " lot(s)");
        }
    }

    /** The entry id for an event: one entry of each kind per event, so a replay finds its entry. */
    public static String idOf(EntryKind kind, String eventId) {
        return kind.name() + "#" + eventId;
    }

    /**
     * For a reversal, the points the grant gave that were spent or had expired before it and so were not
     * taken back (0 for the other kinds).
     */
    public long notRecovered() {
        return kind == EntryKind.REVERSE ? -earned + points : 0;
    }

    static LedgerEntry grant(Lot lot, String reason) {
        return new LedgerEntry(idOf(EntryKind.GRANT, lot.id()), EntryKind.GRANT, lot.granted(), lot.granted(),
                List.of(new LotShare(lot.id(), lot.granted())), reason, lot.id(), lot.grantedAt());
    }

    static LedgerEntry spend(String eventId, long points, List<LotShare> shares, String reason, Instant at) {
        return new LedgerEntry(idOf(EntryKind.SPEND, eventId), EntryKind.SPEND, -points, 0, shares, reason, eventId, at);
    }

    static LedgerEntry expire(Lot lot, Instant at) {
        return new LedgerEntry(idOf(EntryKind.EXPIRE, lot.id()), EntryKind.EXPIRE, -lot.remaining(), 0,
                List.of(new LotShare(lot.id(), lot.remaining())), "expired", lot.id(), at);
    }

    static LedgerEntry reverse(String eventId, long granted, long takenBack, String reason, Instant at) {
        List<LotShare> shares = takenBack > 0 ? List.of(new LotShare(eventId, takenBack)) : List.of();
        return new LedgerEntry(idOf(EntryKind.REVERSE, eventId), EntryKind.REVERSE, -takenBack, -granted, shares,
                reason, eventId, at);
    }
}
