package io.playloop.store;

import io.playloop.engine.Progress;
import io.playloop.engine.WalletEntry;
import io.playloop.games.referral.Referral;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Everything the table holds on one customer, found without a Scan: their partition (one paginated Query) and the
 * items elsewhere that name them, derived from what the partition holds (the referral code on their progress, the
 * coupon codes on their rewards, wallet and wheel, the shop orders and proactive messages recorded on their side, the
 * referral that brought them). The reads and the deletes of an export or an erasure; which item kinds exist and how
 * each is reached is {@link ItemKind}'s registry.
 */
public final class CustomerRecords {
    /** BatchWriteItem's limit. */
    static final int BATCH = 25;
    static final int MAX_UNPROCESSED_RETRIES = 6;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(20);
    /** The attribute of ingest's order link that names its customer (ingest's {@code ShopOrders} writes it). */
    static final String SHOP_ORDER_CUSTOMER = "customerKey";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final CapacityMeter meter;

    public CustomerRecords(DynamoDbClient dynamo, String tableName, CapacityMeter meter) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    /** Every item of the customer's partition, strongly consistent, in sort-key order. */
    public List<Map<String, AttributeValue>> partition(String customerKey) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> {
                b.tableName(tableName).consistentRead(true).keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK))
                        .expressionAttributeValues(Map.of(":pk", StoreItems.s(Keys.customerPartition(customerKey))))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            meter.recordRead(page.consumedCapacity());
            items.addAll(page.items());
            start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null
                    : page.lastEvaluatedKey();
        } while (start != null);
        return items;
    }

    /**
     * The items elsewhere that the partition's items point to, each with the attribute that must still name this
     * customer for the item to be theirs ({@code holder}, {@code customerKey}); and the friends whose progress names
     * this customer as their referrer.
     */
    public Elsewhere elsewhere(String customerKey, List<Map<String, AttributeValue>> partition) {
        Map<Map<String, AttributeValue>, String> owned = new LinkedHashMap<>();
        Set<String> friends = new LinkedHashSet<>();
        Optional<Map<String, AttributeValue>> referredBy = Optional.empty();
        for (Map<String, AttributeValue> item : partition) {
            String sk = item.get(Keys.SK).s();
            Optional<ItemKind> kind = ItemKind.of(item.get(Keys.PK).s(), sk);
            if (kind.isEmpty()) {
                continue;
            }
            switch (kind.get()) {
                case PROGRESS -> {
                    Progress progress = ProgressItems.state(item).progress();
                    progress.referralCode().ifPresent(code -> owned.put(Keys.referralCode(code), ProgressItems.HOLDER));
                    for (WalletEntry w : progress.wallet()) {
                        w.code().ifPresent(code -> owned.put(Keys.coupon(code), ProgressItems.HOLDER));
                    }
                    Optional<Referral> brought = progress.referredBy();
                    if (brought.isPresent() && !brought.get().referrer().equals(customerKey)) {
                        referredBy = Optional.of(Keys.referral(brought.get().referrer(), customerKey));
                    }
                }
                case REWARD -> Optional.ofNullable(item.get("code")).map(AttributeValue::s)
                        .ifPresent(code -> owned.put(Keys.coupon(code), ProgressItems.HOLDER));
                case SPIN -> SpinItems.state(item).history().rewards().forEach(r -> r.code()
                        .ifPresent(code -> owned.put(Keys.coupon(code), ProgressItems.HOLDER)));
                case ORDER -> owned.put(Keys.shopOrder(item.get("source").s(), item.get("orderId").s()),
                        SHOP_ORDER_CUSTOMER);
                case SENT -> owned.put(Keys.sentReminder(sk.substring(Keys.OUTBOUND_PREFIX.length())),
                        ScheduleItems.CUSTOMER);
                case REFERRAL -> friends.add(sk.substring(Keys.REFERRAL_PREFIX.length()));
                default -> {
                }
            }
        }
        return new Elsewhere(owned, referredBy, List.copyOf(friends));
    }

    /**
     * What lies outside the customer's partition.
     *
     * @param owned      keys of items elsewhere, each with the attribute naming their customer
     * @param referredBy the key of the referral that brought this customer, in the referrer's partition
     * @param friends    customers this one referred (their progress names this customer)
     */
    public record Elsewhere(Map<Map<String, AttributeValue>, String> owned,
                            Optional<Map<String, AttributeValue>> referredBy, List<String> friends) {
    }

    /** The items at these keys that exist (consistent reads), for an export. */
    public List<Map<String, AttributeValue>> existing(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            found.addAll(ConsistentBatchGet.items(dynamo, tableName, keys.subList(from, Math.min(keys.size(),
                    from + 100)), meter));
        }
        return found;
    }

    /**
     * Sets the erasure's tombstone on the profile ({@link StoreItems#ERASING}) and raises its version, so a game step
     * that read the profile before cannot commit, and one that reads it now waits.
     *
     * @return false when there is no profile (nothing to guard: an earlier erasure finished, or never a customer)
     */
    public boolean tombstone(String customerKey, Instant at) {
        try {
            meter.recordWrite(dynamo.updateItem(b -> b.tableName(tableName).key(Keys.customer(customerKey))
                    .updateExpression("SET #erasing = if_not_exists(#erasing, :at) ADD #version :one")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#erasing", StoreItems.ERASING, "#version", StoreItems.VERSION,
                            "#pk", Keys.PK))
                    .expressionAttributeValues(Map.of(":at", StoreItems.n(at.getEpochSecond()),
                            ":one", StoreItems.n(1)))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Deletes the tombstone last: the customer is gone, and a new message starts a new one. */
    public void deleteTombstone(String customerKey) {
        try {
            meter.recordWrite(dynamo.deleteItem(b -> b.tableName(tableName).key(Keys.customer(customerKey))
                    .conditionExpression("attribute_exists(#erasing)")
                    .expressionAttributeNames(Map.of("#erasing", StoreItems.ERASING))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
        } catch (ConditionalCheckFailedException e) {
            // Already gone (a second run).
        }
    }

    /**
     * Deletes an item elsewhere only while {@code attribute} still names the customer (a coupon or code that is someone
     * else's is not theirs to delete).
     *
     * @return whether it was deleted
     */
    public boolean deleteIfNames(Map<String, AttributeValue> key, String attribute, String customerKey) {
        try {
            meter.recordWrite(dynamo.deleteItem(b -> b.tableName(tableName).key(key)
                    .conditionExpression("#who = :me")
                    .expressionAttributeNames(Map.of("#who", attribute))
                    .expressionAttributeValues(Map.of(":me", StoreItems.s(customerKey)))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Removes the referrer from a friend's progress (the referral that brought them) and raises its version, so a step
     * of the friend that read it before reads again rather than writing it back.
     */
    public void forgetReferrer(String friendKey, String referrerKey) {
        try {
            meter.recordWrite(dynamo.updateItem(b -> b.tableName(tableName).key(Keys.progress(friendKey))
                    .updateExpression("REMOVE #referredBy ADD #version :one")
                    .conditionExpression("#referredBy.#referrer = :referrer")
                    .expressionAttributeNames(Map.of("#referredBy", ProgressItems.REFERRED_BY,
                            "#referrer", "referrer", "#version", ProgressItems.VERSION))
                    .expressionAttributeValues(Map.of(":referrer", StoreItems.s(referrerKey), ":one", StoreItems.n(1)))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
        } catch (ConditionalCheckFailedException e) {
            // Gone, or brought by someone else.
        }
    }

    /**
     * Deletes these items (BatchWriteItem, 25 at a time), asking again for the ones DynamoDB leaves unprocessed.
     *
     * @return how many keys were deleted (a key without an item counts: DynamoDB does not tell)
     * @throws IllegalStateException when DynamoDB keeps leaving keys unprocessed (sustained throttling): run again
     */
    public int deleteAll(List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<WriteRequest> batch = keys.subList(from, Math.min(keys.size(), from + BATCH)).stream()
                    .map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > MAX_UNPROCESSED_RETRIES) {
                    throw new IllegalStateException("DynamoDB left deletes unprocessed after " + attempt
                            + " BatchWriteItem calls (throttled); run the erasure again");
                }
                if (attempt > 0) {
                    pause(FIRST_BACKOFF.multipliedBy(1L << (attempt - 1)));
                }
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                meter.recordWrite(response.consumedCapacity());
                pending = response.unprocessedItems() == null ? Map.of() : response.unprocessedItems();
            }
        }
        return keys.size();
    }

    /** The key of an item (its {@code pk} and {@code sk}). */
    public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry unprocessed deletes", e);
        }
    }
}
