package io.playloop.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import io.playloop.engine.ConsentChange;
import io.playloop.engine.Customer;

/**
 * {@link GameStore} over the single DynamoDB table. Key shapes come from {@link Keys}; every call asks
 * for its consumed capacity and reports it to the {@link CapacityMeter}.
 *
 * <p>Per inbound message: one BatchGetItem (customer + receipt, strongly consistent), one
 * TransactWriteItems (receipt + customer [+ consent event]) and, when a reply was sent, one UpdateItem
 * on the receipt.
 */
public final class DynamoGameStore implements GameStore {
    private static final int MAX_UNPROCESSED_RETRIES = 3;
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final CapacityMeter meter;

    public DynamoGameStore(DynamoDbClient dynamo, String tableName, CapacityMeter meter) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.meter = meter;
    }

    @Override
    public Snapshot load(String customerKey, String wamid, Instant now) {
        Map<String, AttributeValue> customerKeyMap = Keys.customer(customerKey);
        Map<String, AttributeValue> receiptKeyMap = Keys.receipt(wamid);
        Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder()
                .keys(customerKeyMap, receiptKeyMap).consistentRead(true).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int attempt = 0; !request.isEmpty(); attempt++) {
            if (attempt > MAX_UNPROCESSED_RETRIES) {
                throw new IllegalStateException("DynamoDB left keys unprocessed after " + MAX_UNPROCESSED_RETRIES
                        + " retries");
            }
            BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder()
                    .requestItems(request).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            meter.record(response.consumedCapacity());
            items.addAll(response.responses().getOrDefault(tableName, List.of()));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        Optional<Customer> customer = Optional.empty();
        Optional<InboundReceipt> receipt = Optional.empty();
        for (Map<String, AttributeValue> item : items) {
            String pk = item.get(Keys.PK).s();
            if (pk.equals(customerKeyMap.get(Keys.PK).s())) {
                customer = Optional.of(ItemMapper.customer(item));
            } else {
                InboundReceipt r = ItemMapper.receipt(item);
                // TTL deletion is lazy: an expired receipt may still be read and counts as absent.
                if (r.expiresAt().isAfter(now)) {
                    receipt = Optional.of(r);
                }
            }
        }
        return new Snapshot(customer, receipt);
    }

    @Override
    public void commit(Commit commit) {
        InboundReceipt receipt = commit.receipt();
        Customer customer = commit.customer();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(ItemMapper.receiptItem(receipt))
                .conditionExpression("attribute_not_exists(#pk) OR #ttl <= :now")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#ttl", Keys.TTL))
                .expressionAttributeValues(Map.of(":now", ItemMapper.n(receipt.processedAt().getEpochSecond())))
                .build()).build());
        Put.Builder customerPut = Put.builder()
                .tableName(tableName)
                .item(ItemMapper.customerItem(customer, commit.expectedVersion() + 1));
        if (commit.expectedVersion() == 0) {
            customerPut.conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK));
        } else {
            customerPut.conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", ItemMapper.VERSION))
                    .expressionAttributeValues(Map.of(":expected", ItemMapper.n(commit.expectedVersion())));
        }
        writes.add(TransactWriteItem.builder().put(customerPut.build()).build());
        commit.consentChange().ifPresent(change -> writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tableName)
                .item(ItemMapper.consentItem(customer.key(), change))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .build()).build()));
        try {
            TransactWriteItemsResponse response = dynamo.transactWriteItems(TransactWriteItemsRequest.builder()
                    .transactItems(writes)
                    // Makes the SDK's own retries of this call idempotent for 10 minutes.
                    .clientRequestToken(requestToken(receipt, commit.expectedVersion()))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .build());
            meter.record(response.consumedCapacity());
        } catch (TransactionCanceledException e) {
            meter.record(List.of());
            throw translate(e, receipt, customer);
        }
    }

    @Override
    public void markReplySent(String wamid, String sentWamid, Instant at) {
        UpdateItemResponse response = dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Keys.receipt(wamid))
                .updateExpression("SET #status = :replied, sentWamid = :sent, repliedAt = :at")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#status", "status", "#pk", Keys.PK))
                .expressionAttributeValues(Map.of(
                        ":replied", ItemMapper.s(InboundReceipt.Status.REPLIED.name()),
                        ":sent", ItemMapper.s(sentWamid == null ? "unknown" : sentWamid),
                        ":at", ItemMapper.s(at.toString())))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build());
        meter.record(response.consumedCapacity());
    }

    /** A customer's consent history, oldest first (the audit trail of START/STOP). */
    public List<ConsentChange> consentHistory(String customerKey) {
        List<ConsentChange> history = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var response = dynamo.query(QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", ItemMapper.s(Keys.customerPartition(customerKey)),
                            ":prefix", ItemMapper.s(Keys.CONSENT_PREFIX)))
                    .consistentRead(true)
                    .exclusiveStartKey(start)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .build());
            meter.record(response.consumedCapacity());
            response.items().forEach(item -> history.add(ItemMapper.consentChange(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return history;
    }

    private static RuntimeException translate(TransactionCanceledException e, InboundReceipt receipt,
                                              Customer customer) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        if (!reasons.isEmpty() && CONDITIONAL_CHECK_FAILED.equals(reasons.get(0).code())) {
            return new DuplicateInboundException(receipt.wamid());
        }
        if (reasons.size() > 1 && CONDITIONAL_CHECK_FAILED.equals(reasons.get(1).code())) {
            return new ConcurrentUpdateException(customer.key());
        }
        // TransactionConflict (another transaction on the same items) is also a concurrent change.
        for (CancellationReason r : reasons) {
            if ("TransactionConflict".equals(r.code())) {
                return new ConcurrentUpdateException(customer.key());
            }
        }
        return e;
    }

    private static String requestToken(InboundReceipt receipt, long expectedVersion) {
        String seed = receipt.wamid() + "|" + receipt.owner() + "|" + expectedVersion + "|" + receipt.processedAt();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
