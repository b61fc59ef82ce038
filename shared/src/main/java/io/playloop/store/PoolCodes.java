package io.playloop.store;

import io.playloop.engine.WalletEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Coupon pools in the table: the CLI imports codes, the reward function hands each out once. Handing one out is
 * one transaction: delete the free code (it must still be there), insert its coupon record (it must not be),
 * and give it to the reward (which must still be waiting): two reward functions racing for the same code, or
 * the same job run twice, never give a code twice or a reward two codes.
 */
public final class PoolCodes {
    /** Tries before giving up on a pool that other redemptions keep taking from (each try reads one code). */
    static final int MAX_TRIES = 5;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final CapacityMeter meter;

    public PoolCodes(DynamoDbClient dynamo, String tableName, CapacityMeter meter) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    /** What a hand-out found. */
    public sealed interface Result {
        /** The reward's code (just given, or given by an earlier run of the same job). */
        record Given(String code, String validUntil, String itemId) implements Result {
        }

        /** The pool has no free code left: import more; the job is retried until then. */
        record PoolEmpty(String pool) implements Result {
        }

        /** No such reward: nothing to do. */
        record NoReward() implements Result {
        }
    }

    /** Imports one code into a pool unless it is already there or was ever issued; answers whether it was added. */
    public boolean importCode(String pool, String code) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().conditionCheck(c -> c.tableName(tableName).key(Keys.coupon(code))
                            .conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", Keys.PK))).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                            .item(Keys.poolCode(pool, code)).conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", Keys.PK)).build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            return false; // already free in the pool, or already given to a customer
        }
    }

    /**
     * Gives the waiting reward {@code rewardId} of {@code customerKey} a code from {@code pool}.
     */
    public Result give(String customerKey, String rewardId, String pool, String campaignId, Instant now) {
        for (int attempt = 1; ; attempt++) {
            var rewardRead = dynamo.getItem(b -> b.tableName(tableName).consistentRead(true)
                    .key(Keys.reward(customerKey, rewardId)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.recordRead(rewardRead.consumedCapacity());
            Map<String, AttributeValue> reward = rewardRead.item();
            if (reward == null || reward.isEmpty()) {
                return new Result.NoReward();
            }
            String validUntil = reward.get("validUntil").s();
            if (reward.containsKey("code")) {
                return new Result.Given(reward.get("code").s(), validUntil, reward.get("item").s());
            }
            var free = dynamo.query(b -> b.tableName(tableName).consistentRead(true)
                    .keyConditionExpression("#pk = :pool").expressionAttributeNames(Map.of("#pk", Keys.PK))
                    .expressionAttributeValues(Map.of(":pool", StoreItems.s(Keys.poolPartition(pool)))).limit(1)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.recordRead(free.consumedCapacity());
            if (free.items().isEmpty()) {
                return new Result.PoolEmpty(pool);
            }
            String code = free.items().get(0).get(Keys.SK).s().substring(Keys.CODE_PREFIX.length());
            Map<String, AttributeValue> coupon = new HashMap<>(Keys.coupon(code));
            coupon.put(ProgressItems.HOLDER, StoreItems.s(customerKey));
            coupon.put("campaign", StoreItems.s(campaignId));
            coupon.put("reward", StoreItems.s(rewardId));
            coupon.put("status", StoreItems.s("ISSUED"));
            coupon.put("validUntil", StoreItems.s(validUntil));
            coupon.put("pool", StoreItems.s(pool));
            coupon.put(Keys.TTL, StoreItems.ttlAfterValidity(ItemKind.COUPON, Instant.parse(validUntil)));
            try {
                var handedOut = dynamo.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                        // A customer being erased gets no coupon record the erasure would no longer find.
                        TransactWriteItem.builder().conditionCheck(StoreItems.customerLive(tableName, customerKey))
                                .build(),
                        TransactWriteItem.builder().delete(Delete.builder().tableName(tableName)
                                .key(Keys.poolCode(pool, code)).conditionExpression("attribute_exists(#pk)")
                                .expressionAttributeNames(Map.of("#pk", Keys.PK)).build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(coupon)
                                .conditionExpression("attribute_not_exists(#pk)")
                                .expressionAttributeNames(Map.of("#pk", Keys.PK)).build()).build(),
                        TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                                .key(Keys.reward(customerKey, rewardId))
                                .updateExpression("SET #code = :code, #status = :issued, #givenAt = :now")
                                .conditionExpression("#status = :waiting")
                                .expressionAttributeNames(Map.of("#code", "code", "#status", "status",
                                        "#givenAt", "givenAt"))
                                .expressionAttributeValues(Map.of(":code", StoreItems.s(code),
                                        ":issued", StoreItems.s("ISSUED"), ":waiting", StoreItems.s("AWAITING_CODE"),
                                        ":now", StoreItems.s(now.toString())))
                                .build()).build()));
                meter.recordWrite(handedOut.consumedCapacity());
                return new Result.Given(code, validUntil, reward.get("item").s());
            } catch (TransactionCanceledException e) {
                meter.recordWrite((java.util.List<software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity>) null);
                if (attempt >= MAX_TRIES) {
                    throw new IllegalStateException("pool " + pool + " kept changing under " + attempt
                            + " tries; the job will be retried", e);
                }
                // another hand-out took that code, or this reward got its code meanwhile: read again
            }
        }
    }

    /**
     * Writes the code into the customer's wallet copy (the progress item), under its version; re-reads on a
     * conflict with the game's own writes.
     */
    public void recordInWallet(String customerKey, String rewardId, String code) {
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            var progressRead = dynamo.getItem(b -> b.tableName(tableName).consistentRead(true)
                    .key(Keys.progress(customerKey)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.recordRead(progressRead.consumedCapacity());
            Map<String, AttributeValue> item = progressRead.item();
            if (item == null || item.isEmpty()) {
                return;
            }
            ProgressState state = ProgressItems.state(item);
            List<WalletEntry> wallet = state.progress().wallet().stream().map(w -> w.rewardId().equals(rewardId)
                    && w.code().isEmpty() ? new WalletEntry(w.rewardId(), w.itemId(), Optional.of(code), w.issuedAt(),
                    w.validUntil(), w.usedAt()) : w).toList();
            if (wallet.equals(state.progress().wallet())) {
                return; // already there (or the reward is no longer in the wallet)
            }
            AttributeValue walletValue = ProgressItems.wallet(wallet);
            try {
                var updated = dynamo.updateItem(b -> b.tableName(tableName).key(Keys.progress(customerKey))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                        .updateExpression("SET #wallet = :wallet, #version = :next")
                        .conditionExpression("#version = :expected")
                        .expressionAttributeNames(Map.of("#wallet", ProgressItems.WALLET, "#version", ProgressItems.VERSION))
                        .expressionAttributeValues(Map.of(":wallet", walletValue,
                                ":next", StoreItems.n(state.version() + 1), ":expected", StoreItems.n(state.version()))));
                meter.recordWrite(updated.consumedCapacity());
                return;
            } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
                // the game wrote the item meanwhile: read again
            }
        }
        throw new IllegalStateException("the progress item of a customer kept changing; the job will be retried");
    }
}
