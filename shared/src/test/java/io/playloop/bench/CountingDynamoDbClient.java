package io.playloop.bench;

import io.playloop.testing.ItemSize;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A {@link DynamoDbClient} that passes the calls the scheduler makes to another client and counts them, with the
 * items each read returned, whatever DynamoDB Local reports as consumed capacity. It also prices each read as AWS
 * would bill it: {@code indexEntryBytes} gives the size of the index entry behind a Query's (key-only) result,
 * since a Query is billed on the entries it reads, not on the attributes it returns.
 */
final class CountingDynamoDbClient implements DynamoDbClient {
    private static final int READ_UNIT_BYTES = 4096;

    private final DynamoDbClient delegate;
    private final ToIntFunction<Map<String, AttributeValue>> indexEntryBytes;
    final LongAdder queries = new LongAdder();
    final LongAdder emptyQueries = new LongAdder();
    final LongAdder queryItems = new LongAdder();
    final LongAdder batchGets = new LongAdder();
    final LongAdder batchGetItems = new LongAdder();
    final LongAdder gets = new LongAdder();
    final LongAdder getItems = new LongAdder();
    final LongAdder transactWrites = new LongAdder();
    final LongAdder transactWriteItems = new LongAdder();
    final LongAdder otherWrites = new LongAdder();
    /** Read units AWS would bill, times two (eventually consistent reads cost half a unit). */
    final LongAdder derivedHalfReadUnits = new LongAdder();

    CountingDynamoDbClient(DynamoDbClient delegate, ToIntFunction<Map<String, AttributeValue>> indexEntryBytes) {
        this.delegate = delegate;
        this.indexEntryBytes = indexEntryBytes;
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        QueryResponse response = delegate.query(request);
        queries.increment();
        queryItems.add(response.count());
        if (response.count() == 0) {
            emptyQueries.increment();
        }
        int bytes = 0;
        for (Map<String, AttributeValue> item : response.items()) {
            bytes += request.indexName() == null ? ItemSize.of(item) : indexEntryBytes.applyAsInt(item);
        }
        // Sizes summed over the call, rounded up to 4 KB, half a unit when eventually consistent; at least one.
        int units = Math.max(1, ItemSize.units(bytes, READ_UNIT_BYTES));
        derivedHalfReadUnits.add(Boolean.TRUE.equals(request.consistentRead()) ? 2L * units : units);
        return response;
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        BatchGetItemResponse response = delegate.batchGetItem(request);
        batchGets.increment();
        boolean consistent = request.requestItems().values().stream()
                .anyMatch(k -> Boolean.TRUE.equals(k.consistentRead()));
        for (List<Map<String, AttributeValue>> items : response.responses().values()) {
            batchGetItems.add(items.size());
            for (Map<String, AttributeValue> item : items) {
                // Each item of a batch is priced on its own, rounded up to 4 KB.
                int units = Math.max(1, ItemSize.units(ItemSize.of(item),
                        READ_UNIT_BYTES));
                derivedHalfReadUnits.add(consistent ? 2L * units : units);
            }
        }
        return response;
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        GetItemResponse response = delegate.getItem(request);
        gets.increment();
        boolean found = response.item() != null && !response.item().isEmpty();
        if (found) {
            getItems.increment();
        }
        int units = found ? Math.max(1, ItemSize.units(ItemSize.of(response.item()),
                READ_UNIT_BYTES)) : 1;
        derivedHalfReadUnits.add(Boolean.TRUE.equals(request.consistentRead()) ? 2L * units : units);
        return response;
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        transactWrites.increment();
        transactWriteItems.add(request.transactItems().size());
        return delegate.transactWriteItems(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        otherWrites.increment();
        return delegate.putItem(request);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        otherWrites.increment();
        return delegate.updateItem(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        // The delegate belongs to LocalDynamo.
    }
}
