package io.playloop.store;

import io.playloop.ledger.EntryKind;
import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.Lot;
import io.playloop.ledger.LotShare;
import io.playloop.ledger.PointsAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item layouts of the points account ({@code sk=POINTS}) and of ledger entries ({@code sk=LEDGER#...}),
 * as the ledger's package documentation plans them. Instants are epoch milliseconds; a lot that never
 * expires has no expiry value.
 */
final class PointsItems {
    static final String EARNED = "earned";
    static final String LOTS = "lots";
    static final String RECENT = "recent";
    static final String VERSION = "version";

    private PointsItems() {
    }

    /** The {@code POINTS} item: lots still holding points, points earned, recent entries, version. */
    static Map<String, AttributeValue> accountItem(String customerKey, PointsAccount account, long version) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.points(customerKey));
        item.put(EARNED, StoreItems.n(account.earnedTotal()));
        List<AttributeValue> lots = new ArrayList<>();
        for (Lot lot : account.lots()) {
            List<AttributeValue> fields = new ArrayList<>(List.of(StoreItems.s(lot.id()), StoreItems.n(lot.granted()),
                    StoreItems.n(lot.remaining()), StoreItems.n(lot.grantedAt().toEpochMilli())));
            if (!Lot.NEVER.equals(lot.expiresAt())) {
                fields.add(StoreItems.n(lot.expiresAt().toEpochMilli()));
            }
            lots.add(AttributeValue.fromL(fields));
        }
        item.put(LOTS, AttributeValue.fromL(lots));
        item.put(RECENT, AttributeValue.fromL(account.entries().stream()
                .map(e -> AttributeValue.fromM(entryAttributes(e))).toList()));
        item.put(VERSION, StoreItems.n(version));
        return item;
    }

    /** Reads a {@code POINTS} item back. */
    static PointsState account(Map<String, AttributeValue> item) {
        List<Lot> lots = new ArrayList<>();
        for (AttributeValue lot : item.get(LOTS).l()) {
            List<AttributeValue> f = lot.l();
            Instant expiresAt = f.size() > 4 ? Instant.ofEpochMilli(Long.parseLong(f.get(4).n())) : Lot.NEVER;
            lots.add(new Lot(f.get(0).s(), Long.parseLong(f.get(1).n()), Long.parseLong(f.get(2).n()),
                    Instant.ofEpochMilli(Long.parseLong(f.get(3).n())), expiresAt));
        }
        List<LedgerEntry> entries = new ArrayList<>();
        for (AttributeValue e : item.get(RECENT).l()) {
            entries.add(entry(e.m()));
        }
        return new PointsState(new PointsAccount(lots, Long.parseLong(item.get(EARNED).n()), entries),
                Long.parseLong(item.get(VERSION).n()));
    }

    /** A {@code LEDGER#<KIND>#<eventId>} item: one entry, all its fields. */
    static Map<String, AttributeValue> entryItem(String customerKey, LedgerEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.ledgerEntry(customerKey, entry.id()));
        item.putAll(entryAttributes(entry));
        item.put(Keys.TTL, StoreItems.n(ItemKind.LEDGER_ENTRY.ttlFrom(entry.at())));
        return item;
    }

    private static Map<String, AttributeValue> entryAttributes(LedgerEntry e) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("kind", StoreItems.s(e.kind().name()));
        m.put("points", StoreItems.n(e.points()));
        m.put("earned", StoreItems.n(e.earned()));
        m.put("lots", AttributeValue.fromL(e.lots().stream()
                .map(s -> AttributeValue.fromL(List.of(StoreItems.s(s.lotId()), StoreItems.n(s.points())))).toList()));
        m.put("reason", StoreItems.s(e.reason()));
        m.put("event", StoreItems.s(e.eventId()));
        m.put("at", StoreItems.n(e.at().toEpochMilli()));
        return m;
    }

    private static LedgerEntry entry(Map<String, AttributeValue> m) {
        EntryKind kind = EntryKind.valueOf(m.get("kind").s());
        String eventId = m.get("event").s();
        List<LotShare> shares = m.get("lots").l().stream()
                .map(s -> new LotShare(s.l().get(0).s(), Long.parseLong(s.l().get(1).n()))).toList();
        return new LedgerEntry(LedgerEntry.idOf(kind, eventId), kind, Long.parseLong(m.get("points").n()),
                Long.parseLong(m.get("earned").n()), shares, m.get("reason").s(), eventId,
                Instant.ofEpochMilli(Long.parseLong(m.get("at").n())));
    }
}
