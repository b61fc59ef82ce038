package io.playloop.testing;

import io.playloop.definitions.TemplateDefinitions;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * A fresh PlayLoop table in DynamoDB Local, in process (no HTTP, no port), created from template.yaml
 * through {@link TemplateDefinitions#bundled()} with TTL switched on. Each instance has its own table
 * on one engine shared by the JVM (starting the engine is the slow part); {@link #close()} drops it.
 *
 * <pre>{@code
 * try (LocalDynamo dynamo = LocalDynamo.create()) {
 *     GameStore store = new DynamoGameStore(dynamo.client(), dynamo.tableName(), new CapacityMeter());
 * }
 * }</pre>
 */
public final class LocalDynamo implements AutoCloseable {
    private static AmazonDynamoDBLocal engine;
    private static DynamoDbClient sharedClient;

    private final DynamoDbClient client;
    private final String tableName;

    private LocalDynamo(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /** Creates a table with a unique name, as template.yaml defines it. */
    public static LocalDynamo create() {
        DynamoDbClient client = engineClient();
        TemplateDefinitions template = TemplateDefinitions.bundled();
        String tableName = "playloop-test-" + UUID.randomUUID();
        client.createTable(template.createTableRequest(tableName));
        client.updateTimeToLive(b -> b.tableName(tableName).timeToLiveSpecification(
                TimeToLiveSpecification.builder().attributeName(template.ttlAttribute()).enabled(true).build()));
        return new LocalDynamo(client, tableName);
    }

    private static synchronized DynamoDbClient engineClient() {
        if (engine == null) {
            engine = DynamoDBEmbedded.create();
            sharedClient = engine.dynamoDbClient();
            Runtime.getRuntime().addShutdownHook(new Thread(engine::shutdown, "dynamodb-local-shutdown"));
        }
        return sharedClient;
    }

    /** A client of the in-process engine (no HTTP); do not close it, {@link #close()} does what is needed. */
    public DynamoDbClient client() {
        return client;
    }

    public String tableName() {
        return tableName;
    }

    /** The item with this key, read consistently, or null. */
    public Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(tableName).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** Every item of the table (a Scan: tests only). */
    public java.util.List<Map<String, AttributeValue>> items() {
        return client.scanPaginator(b -> b.tableName(tableName).consistentRead(true)).items().stream().toList();
    }

    @Override
    public void close() {
        client.deleteTable(b -> b.tableName(tableName));
    }
}
