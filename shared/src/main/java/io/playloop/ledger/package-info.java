/**
 * The lot-based points ledger: pure rules, no I/O. {@link io.playloop.ledger.PointsAccount} holds a
 * customer's lots, points earned and recent entries; {@link io.playloop.ledger.EarningCap} says how much
 * a rule may still grant today and this week.
 *
 * <h2>Storage plan (implemented by {@code io.playloop.store.PointsItems} and {@code DynamoGameStore})</h2>
 * The account must stay well under DynamoDB's 400 KB item limit, and small, because a write costs one
 * write unit per KB (two in a transaction). So the account is split over items of the customer's
 * partition {@code CUSTOMER#<key>}:
 *
 * <table>
 *   <caption>Items</caption>
 *   <tr><th>sk</th><th>holds</th><th>written</th></tr>
 *   <tr><td>{@code POINTS}</td>
 *       <td>{@code earned} (N); {@code lots}: a list of
 *       {@code [lotId, granted, remaining, grantedAt epoch s, expiresAt epoch s]} (expiresAt omitted for
 *       {@link io.playloop.ledger.Lot#NEVER}), only lots that still hold points; {@code recent}: the
 *       grant entries of the last 8 days as {@code [eventId, points, at epoch s, reason]} (a grant's only
 *       lot is its own, so nothing else is needed to rebuild it); {@code version}</td>
 *       <td>only when points change, with {@code version = :read} as condition, in the same
 *       {@code TransactWriteItems} as the inbound receipt and the entry items below</td></tr>
 *   <tr><td>{@code LEDGER#<KIND>#<eventId>} (= {@code LEDGER#} + the entry id)</td>
 *       <td>one entry, all its fields</td>
 *       <td>once, with {@code attribute_not_exists(sk)}: the table itself refuses a replay of an event,
 *       however old, and the transaction is cancelled as a duplicate</td></tr>
 * </table>
 *
 * <ul>
 *   <li><b>Reading.</b> One {@code GetItem} of {@code POINTS} (batched with the profile and receipt)
 *       rebuilds the account with {@code new PointsAccount(lots, earned, recentGrants)}: enough for the
 *       caps, the reversal of a recent grant and the replay check of a recent grant; the replay of an
 *       older event, or of a spend, is refused by the conditional put of its {@code LEDGER#} item. Only a reversal whose
 *       lot is gone and whose grant is older than 8 days needs one more {@code GetItem} of
 *       {@code LEDGER#GRANT#<eventId>}, passed in with the recent entries.</li>
 *   <li><b>Writing.</b> The entries of a {@link io.playloop.ledger.LedgerResult} become the new
 *       {@code LEDGER#} items; the account, trimmed with {@code withEntriesSince(now - 8 days)}, becomes
 *       the new {@code POINTS} item (keeping its grant entries). A version conflict re-reads and re-applies (the rules are pure).</li>
 *   <li><b>Why 8 days of entries.</b> A week cap looks back at most 7 days plus the zone's offset; the
 *       inbound receipts also live 8 days; and "your last movements" needs only the latest few.</li>
 *   <li><b>Size.</b> A lot with a wamid (about 60 characters) as id takes about 90 bytes, a recent grant
 *       about 90. A customer granted 7 times a day (quiz limit, a spin, a keyword) on 30 active days
 *       within a 90-day expiry holds about 210 lots (19 KB) and at most 56 recent grants (5 KB): about
 *       24 KB, 6% of the limit, but 24 write units (48 in the transaction) per points change; the
 *       profile item, written on every message, stays small because the lots are not on it. The
 *       campaign's caps, daily limits and expiry are what bound the lot count; the store should refuse a
 *       grant (and log it) rather than write a {@code POINTS} item above, say, 200 KB.</li>
 *   <li><b>History.</b> {@code Query begins_with(sk, "LEDGER#")} lists a customer's whole ledger for an
 *       export or a support case; it is never on the message path.</li>
 * </ul>
 */
package io.playloop.ledger;
