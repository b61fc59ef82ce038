package io.playloop.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A customer's points: the live lots, the points earned, and the ledger entries this account knows
 * of. Immutable: every operation returns a {@link LedgerResult} holding the account to keep and the
 * entries it produced.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Lots.</b> Each grant is a lot with its own expiry. The balance at an instant is what the
 *       lots that have not reached their expiry hold ({@link #balance}).</li>
 *   <li><b>Expiry first.</b> Every operation at instant {@code at} first turns the remainder of each lot
 *       due by {@code at} into an {@link EntryKind#EXPIRE} entry, so after any applied operation
 *       {@code balance(at)} equals the sum of the entries' {@code points}.</li>
 *   <li><b>Soonest expiry first.</b> A spend takes from the lots in order of expiry (then grant time,
 *       then id), so the customer never loses points to expiry that a spend could have used.</li>
 *   <li><b>Points earned</b> ({@link #earnedTotal}) are grants minus reversals; spending and expiry
 *       never lower them. Tiers count them, not the balance.</li>
 *   <li><b>Idempotence.</b> One grant or spend per event id and one reversal per granted event: applying
 *       an event again returns {@link LedgerResult.AlreadyApplied} with this same account.</li>
 *   <li><b>Reversal policy.</b> {@link #reverse} takes back what is left of the event's own lot, and
 *       nothing from other lots: the balance never goes below zero and a reward the customer already
 *       bought with those points stays bought. The part that was spent or expired is recorded on the
 *       entry ({@link LedgerEntry#notRecovered()}) for the operator to see. The points earned drop by the
 *       whole grant, spent or not: a refunded order must not lift anyone into a tier.</li>
 * </ul>
 *
 * <p>An account read back from the table holds only the recent entries (see the package
 * documentation); the lots and {@code earnedTotal} are kept in full, so the rules above still hold, and
 * the store's conditional write of each entry catches a replay older than the entries held here.
 *
 * @param lots        the lots that still hold points, in spending order (soonest expiry first)
 * @param earnedTotal points earned: grants minus reversals, never negative
 * @param entries     the entries known to this account, in the order they were applied
 */
public record PointsAccount(List<Lot> lots, long earnedTotal, List<LedgerEntry> entries) {

    /** The most points one grant, spend or reversal may move: totals then stay far from overflow. */
    public static final long MAX_POINTS = Ids.MAX_POINTS;

    /** The order in which a spend takes from lots: soonest expiry, then oldest grant, then id. */
    public static final Comparator<Lot> SPENDING_ORDER = Comparator.comparing(Lot::expiresAt)
            .thenComparing(Lot::grantedAt).thenComparing(Lot::id);

    public PointsAccount {
        List<Lot> sorted = new ArrayList<>(lots);
        sorted.sort(SPENDING_ORDER);
        lots = List.copyOf(sorted);
        entries = List.copyOf(entries);
        Set<String> ids = new HashSet<>();
        for (Lot lot : lots) {
            if (!ids.add(lot.id())) {
                throw new IllegalArgumentException("two lots have the id " + lot.id());
            }
        }
        ids.clear();
        for (LedgerEntry entry : entries) {
            if (!ids.add(entry.id())) {
                throw new IllegalArgumentException("two entries have the id " + entry.id());
            }
        }
        if (earnedTotal < 0) {
            throw new IllegalArgumentException("points earned cannot be negative, was " + earnedTotal);
        }
    }

    /** A new customer's account: no lots, no entries. */
    public static PointsAccount empty() {
        return new PointsAccount(List.of(), 0, List.of());
    }

    /** What the lots that are live at {@code at} hold: the points the customer can spend then. */
    public long balance(Instant at) {
        Objects.requireNonNull(at, "at");
        return lots.stream().filter(lot -> lot.liveAt(at)).mapToLong(Lot::remaining).sum();
    }

    /**
     * What all lots hold, including lots past their expiry that no operation has expired yet. Always
     * equal to the sum of the entries' {@code points} for an account built from {@link #empty()}.
     */
    public long heldPoints() {
        return lots.stream().mapToLong(Lot::remaining).sum();
    }

    /** The live lot that will expire next after {@code at}, for a "50 points expire on ..." reminder. */
    public Optional<Lot> nextToExpire(Instant at) {
        return lots.stream().filter(lot -> lot.liveAt(at) && !Lot.NEVER.equals(lot.expiresAt())).findFirst();
    }

    /** The entry of this kind for this event, if this account knows it. */
    public Optional<LedgerEntry> entry(EntryKind kind, String eventId) {
        String id = LedgerEntry.idOf(kind, eventId);
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * Grants {@code points} as a new lot for {@code eventId}, after expiring the lots due by {@code at}.
     *
     * @param reason    the earning rule's id (caps count grants by it)
     * @param expiresAt the first instant at which the lot no longer counts ({@link Lot#NEVER} for none);
     *                  must be after {@code at}
     * @throws IllegalArgumentException for points outside 1..1,000,000,000, a blank or over-long event id,
     *                                  or an expiry not after {@code at}: configuration errors, not game
     *                                  situations
     */
    public LedgerResult grant(long points, String reason, String eventId, Instant at, Instant expiresAt) {
        Lot lot = new Lot(eventId, points, points, at, expiresAt);
        Objects.requireNonNull(reason, "reason");
        Optional<LedgerResult> replay = grantOrSpendReplay(eventId);
        if (replay.isPresent()) {
            return replay.get();
        }
        Sweep sweep = sweep(at);
        List<Lot> newLots = new ArrayList<>(sweep.lots);
        newLots.add(lot);
        LedgerEntry entry = LedgerEntry.grant(lot, reason);
        return applied(newLots, Math.addExact(earnedTotal, points), sweep.entries, entry);
    }

    /**
     * Spends {@code points} for {@code eventId} from the live lots, soonest expiry first, after expiring
     * the lots due by {@code at}. Refuses with {@link LedgerResult.InsufficientBalance}, changing
     * nothing, when the live lots hold less.
     */
    public LedgerResult spend(long points, String reason, String eventId, Instant at) {
        Ids.requirePoints(points);
        Ids.requireEventId(eventId, "eventId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Optional<LedgerResult> replay = grantOrSpendReplay(eventId);
        if (replay.isPresent()) {
            return replay.get();
        }
        long available = balance(at);
        if (available < points) {
            return new LedgerResult.InsufficientBalance(this, available, points);
        }
        Sweep sweep = sweep(at);
        List<Lot> newLots = new ArrayList<>();
        List<LotShare> shares = new ArrayList<>();
        long needed = points;
        for (Lot lot : sweep.lots) {
            long taken = Math.min(needed, lot.remaining());
            if (taken > 0) {
                shares.add(new LotShare(lot.id(), taken));
                needed -= taken;
            }
            if (taken < lot.remaining()) {
                newLots.add(lot.withRemaining(lot.remaining() - taken));
            }
        }
        return applied(newLots, earnedTotal, sweep.entries, LedgerEntry.spend(eventId, points, shares, reason, at));
    }

    /**
     * Expires every lot due by {@code at}: its remainder becomes an {@link EntryKind#EXPIRE} entry and the
     * lot leaves the account. Applied with no entries when nothing is due; running it again at the same
     * instant changes nothing.
     */
    public LedgerResult expire(Instant at) {
        Objects.requireNonNull(at, "at");
        Sweep sweep = sweep(at);
        if (sweep.entries.isEmpty()) {
            return new LedgerResult.Applied(this, List.of());
        }
        return applied(sweep.lots, earnedTotal, sweep.entries, null);
    }

    /**
     * Takes back the grant of {@code eventId} (e.g. a refunded order), after expiring the lots due by
     * {@code at}. Takes what is left of that grant's lot, nothing from other lots; lowers the points earned
     * by the whole grant. See the reversal policy above.
     *
     * @param eventId the event whose grant is taken back
     * @param reason  why, e.g. {@code refund:<refund id>}
     * @return {@link LedgerResult.Applied} with a {@link EntryKind#REVERSE} entry (whose points are 0 when
     *         nothing was left), {@link LedgerResult.AlreadyApplied} when this grant was already reversed, or
     *         {@link LedgerResult.UnknownGrant} when this account knows no grant for the event
     */
    public LedgerResult reverse(String eventId, String reason, Instant at) {
        Ids.requireEventId(eventId, "eventId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Optional<LedgerEntry> reversed = entry(EntryKind.REVERSE, eventId);
        if (reversed.isPresent()) {
            return new LedgerResult.AlreadyApplied(this, reversed);
        }
        Sweep sweep = sweep(at);
        // The grant's size from its lot as read (even if it expires in this very sweep), else its entry.
        Optional<Lot> lotRead = lots.stream().filter(l -> l.id().equals(eventId)).findFirst();
        Optional<Lot> lot = sweep.lots.stream().filter(l -> l.id().equals(eventId)).findFirst();
        long granted;
        if (lotRead.isPresent()) {
            granted = lotRead.get().granted();
        } else {
            Optional<LedgerEntry> grant = entry(EntryKind.GRANT, eventId);
            if (grant.isEmpty()) {
                return new LedgerResult.UnknownGrant(this, eventId);
            }
            granted = grant.get().points();
        }
        long takenBack = lot.map(Lot::remaining).orElse(0L);
        List<Lot> newLots = new ArrayList<>(sweep.lots);
        lot.ifPresent(newLots::remove);
        return applied(newLots, earnedTotal - granted, sweep.entries,
                LedgerEntry.reverse(eventId, granted, takenBack, reason, at));
    }

    /**
     * The same account holding only the entries at or after {@code since}: how the store keeps the
     * customer item small. Lots and points earned are unchanged.
     */
    public PointsAccount withEntriesSince(Instant since) {
        return new PointsAccount(lots, earnedTotal, entries.stream().filter(e -> !e.at().isBefore(since)).toList());
    }

    private Optional<LedgerResult> grantOrSpendReplay(String eventId) {
        Optional<LedgerEntry> existing = entry(EntryKind.GRANT, eventId).or(() -> entry(EntryKind.SPEND, eventId));
        boolean lotExists = lots.stream().anyMatch(l -> l.id().equals(eventId));
        if (existing.isPresent() || lotExists) {
            return Optional.of(new LedgerResult.AlreadyApplied(this, existing));
        }
        return Optional.empty();
    }

    private Sweep sweep(Instant at) {
        List<Lot> live = new ArrayList<>();
        List<LedgerEntry> expired = new ArrayList<>();
        for (Lot lot : lots) {
            if (lot.liveAt(at)) {
                live.add(lot);
            } else {
                expired.add(LedgerEntry.expire(lot, at));
            }
        }
        return new Sweep(live, expired);
    }

    private LedgerResult applied(List<Lot> newLots, long newEarned, List<LedgerEntry> expiries, LedgerEntry last) {
        List<LedgerEntry> added = new ArrayList<>(expiries);
        if (last != null) {
            added.add(last);
        }
        List<LedgerEntry> all = new ArrayList<>(entries);
        all.addAll(added);
        return new LedgerResult.Applied(new PointsAccount(newLots, newEarned, all), added);
    }

    private record Sweep(List<Lot> lots, List<LedgerEntry> entries) {
    }
}
