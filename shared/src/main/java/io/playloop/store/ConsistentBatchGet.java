package io.playloop.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * One consistent BatchGetItem of a customer's items (the game's snapshot, the scheduler's visit), with the keys
 * DynamoDB leaves unprocessed under throttling asked again after doubling pauses from 20 ms.
 */
final class ConsistentBatchGet {
    /** Retries of keys BatchGetItem left unprocessed (throttling). */
    static final int MAX_UNPROCESSED_RETRIES = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(20);

    private ConsistentBatchGet() {
    }

    /**
     * The items found, in no particular order (a key not found has no item).
     *
     * @throws TableThrottledException when DynamoDB keeps leaving keys unprocessed (sustained throttling)
     */
    static List<Map<String, AttributeValue>> items(DynamoDbClient dynamo, String tableName,
                                                   List<Map<String, AttributeValue>> keys, CapacityMeter meter) {
        Map<String, KeysAndAttributes> pending = Map.of(tableName, KeysAndAttributes.builder()
                .keys(keys).consistentRead(true).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>(keys.size());
        for (int attempt = 0; ; attempt++) {
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.recordRead(response.consumedCapacity());
            items.addAll(response.responses().getOrDefault(tableName, List.of()));
            pending = response.unprocessedKeys();
            if (pending == null || pending.isEmpty()) {
                return items;
            }
            if (attempt >= MAX_UNPROCESSED_RETRIES) {
                throw new TableThrottledException("DynamoDB left keys unprocessed after " + (attempt + 1)
                        + " BatchGetItem calls on " + tableName + " (throttled); the work will be retried");
            }
            pause(FIRST_BACKOFF.multipliedBy(1L << attempt));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry unprocessed keys", e);
        }
    }
}
