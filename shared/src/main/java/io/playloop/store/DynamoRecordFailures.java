package io.playloop.store;

import io.playloop.batch.FailureKind;
import io.playloop.batch.RecordFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link RecordFailures} over the single table: one small item per failing queue record ({@link Keys#recordFailures}),
 * raised with one UpdateItem ADD per failure (1 WRU) and read back from the same call; kept
 * {@link #KEPT} by TTL. Nothing is written for a record that never fails.
 */
public final class DynamoRecordFailures implements RecordFailures {
    /** The longest a queue keeps a record (14 days) and a day more: a count outlives the record it counts. */
    public static final Duration KEPT = Duration.ofDays(15);

    static final String ATTEMPTS = "attempts";
    static final String PERMANENT_ATTEMPTS = "permanentAttempts";
    static final String FIRST_FAILED_AT = "firstFailedAt";
    static final String LAST_FAILED_AT = "lastFailedAt";
    static final String FIRST_ERROR_TYPE = "firstErrorType";
    static final String LAST_ERROR_TYPE = "lastErrorType";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final CapacityMeter meter;

    public DynamoRecordFailures(DynamoDbClient dynamo, String tableName, CapacityMeter meter) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    @Override
    public Count add(String recordId, String errorType, FailureKind kind, Instant at) {
        int permanent = kind == FailureKind.PERMANENT ? 1 : 0;
        UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(tableName)
                .key(Keys.recordFailures(recordId))
                .updateExpression("ADD #attempts :one, #permanent :permanent"
                        + " SET #first = if_not_exists(#first, :at), #last = :at,"
                        + " #firstType = if_not_exists(#firstType, :type), #lastType = :type, #ttl = :ttl")
                .expressionAttributeNames(Map.of("#attempts", ATTEMPTS, "#permanent", PERMANENT_ATTEMPTS,
                        "#first", FIRST_FAILED_AT, "#last", LAST_FAILED_AT, "#firstType", FIRST_ERROR_TYPE,
                        "#lastType", LAST_ERROR_TYPE, "#ttl", Keys.TTL))
                .expressionAttributeValues(Map.of(":one", StoreItems.n(1), ":permanent", StoreItems.n(permanent),
                        ":at", StoreItems.s(at.toString()), ":type", StoreItems.s(errorType),
                        ":ttl", StoreItems.n(StoreItems.ttl(at.plus(KEPT)))))
                .returnValues(ReturnValue.ALL_NEW)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.recordWrite(response.consumedCapacity());
        Map<String, AttributeValue> item = response.attributes();
        return new Count(Integer.parseInt(item.get(ATTEMPTS).n()), Integer.parseInt(item.get(PERMANENT_ATTEMPTS).n()),
                Instant.parse(item.get(FIRST_FAILED_AT).s()), item.get(FIRST_ERROR_TYPE).s());
    }
}
