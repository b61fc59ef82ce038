package io.playloop.rights;

import io.playloop.logging.Masking;
import io.playloop.store.CapacityMeter;
import io.playloop.store.CustomerRecords;
import io.playloop.store.ItemKind;
import io.playloop.store.Keys;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Erases everything the table holds on one customer: every item of their partition (profile, consent history,
 * points and ledger, games, progress, rewards, receipts, schedule and so its due-index entry, weekly scores and so
 * their leaderboard entries, their side of orders and proactive messages) and every item elsewhere that names them
 * (referral code, coupons, shop order links, proactive-message records, the referral that brought them; friends they
 * referred forget them). Aggregates without the person stay: prize budgets, stock counters, campaign spend, reach.
 * No Scan: one Query of the partition, the rest derived from it ({@link CustomerRecords}).
 *
 * <p>How it never races badly with a message being processed (a tombstone):
 * <ol>
 *   <li>the profile gets a tombstone ({@code erasingSince}) and a new version: a game step that read the customer
 *       before fails its version check and reads again; one that reads now waits (its record is retried later);
 *       the scheduler skips the customer; writes that name the customer from outside their profile (a proactive
 *       message's record, a pool code, a friend's referral) check in their transaction that the customer is live;</li>
 *   <li>sweeps: Query the partition, delete what lies elsewhere, delete the partition's items (25 per
 *       BatchWriteItem, unprocessed ones asked again); repeat until a sweep finds nothing but the tombstone, which
 *       catches anything a step already under way committed between two reads (a friend's counter, a visit's
 *       ledger entry): the referral code and the referral records go in the first sweep, so no friend's step can
 *       write into the partition afterwards;</li>
 *   <li>the tombstone is deleted last: the next message from the same number starts a new customer (welcome,
 *       consent asked again).</li>
 * </ol>
 * Safe to run twice, and to run again after a failure part way (the tombstone stays until the end).
 */
public final class CustomerErasure {
    /** Sweeps before giving up (each catches what a step in flight committed meanwhile; two are the rule). */
    static final int MAX_SWEEPS = 6;
    private static final Logger LOG = LoggerFactory.getLogger(CustomerErasure.class);

    private final CustomerRecords records;
    private final Clock clock;

    public CustomerErasure(DynamoDbClient dynamo, String tableName, CapacityMeter meter, Clock clock) {
        this(new CustomerRecords(dynamo, tableName, meter), clock);
    }

    public CustomerErasure(CustomerRecords records, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What an erasure removed.
     *
     * @param customerKey whose
     * @param found       whether there was anything at all
     * @param deleted     items deleted by kind
     * @param sweeps      sweeps made (the last found nothing left)
     */
    public record Result(String customerKey, boolean found, Map<ItemKind, Integer> deleted, int sweeps) {
        public Result {
            Map<ItemKind, Integer> copy = new EnumMap<>(ItemKind.class);
            copy.putAll(deleted);
            deleted = Collections.unmodifiableMap(copy);
        }

        /** Items deleted in all. */
        public int total() {
            return deleted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Erases the customer.
     *
     * @throws IllegalStateException when the partition keeps being written (or DynamoDB keeps throttling): run again
     */
    public Result erase(String customerKey) {
        Instant now = clock.instant();
        boolean tombstoned = records.tombstone(customerKey, now);
        Map<ItemKind, Integer> deleted = new EnumMap<>(ItemKind.class);
        int sweep = 0;
        while (true) {
            sweep++;
            if (sweep > MAX_SWEEPS) {
                throw new IllegalStateException("the customer's partition was still being written after "
                        + MAX_SWEEPS + " sweeps; run the erasure again");
            }
            List<Map<String, AttributeValue>> items = records.partition(customerKey);
            boolean newcomer = !tombstoned && items.stream().anyMatch(CustomerErasure::isProfile);
            if (newcomer) {
                // No profile when we started, one now: a new customer arrived meanwhile. Leave them be.
                break;
            }
            List<Map<String, AttributeValue>> rest = items.stream().filter(i -> !isProfile(i)).toList();
            if (rest.isEmpty()) {
                break;
            }
            CustomerRecords.Elsewhere elsewhere = records.elsewhere(customerKey, items);
            // Outside items first: once the referral code and the referral records are gone, no friend's step can
            // write into this partition any more.
            elsewhere.owned().forEach((key, attribute) -> {
                if (records.deleteIfNames(key, attribute, customerKey)) {
                    count(deleted, key);
                }
            });
            elsewhere.referredBy().ifPresent(key -> {
                records.deleteAll(List.of(key));
                count(deleted, key);
            });
            elsewhere.friends().forEach(friend -> records.forgetReferrer(friend, customerKey));
            records.deleteAll(rest.stream().map(CustomerRecords::keyOf).toList());
            rest.forEach(item -> count(deleted, item));
        }
        if (tombstoned) {
            records.deleteTombstone(customerKey);
            deleted.merge(ItemKind.PROFILE, 1, Integer::sum);
        }
        Result result = new Result(customerKey, tombstoned || !deleted.isEmpty(), deleted, sweep);
        LOG.atInfo().addKeyValue("customer", Masking.phone(customerKey)).addKeyValue("items", result.total())
                .addKeyValue("sweeps", sweep).log("customer erased");
        return result;
    }

    private static boolean isProfile(Map<String, AttributeValue> item) {
        return Keys.PROFILE.equals(item.get(Keys.SK).s());
    }

    private static void count(Map<ItemKind, Integer> deleted, Map<String, AttributeValue> item) {
        ItemKind.of(item.get(Keys.PK).s(), item.get(Keys.SK).s())
                .ifPresent(kind -> deleted.merge(kind, 1, Integer::sum));
    }
}
