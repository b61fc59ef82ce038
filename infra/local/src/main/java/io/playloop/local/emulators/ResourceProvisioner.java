package io.playloop.local.emulators;

import io.playloop.definitions.QueueDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the table and the queues in the emulators from the template's definitions (never from a
 * copy): the table with its TTL attribute, every queue with its attributes, each source queue after
 * its dead-letter queue so its RedrivePolicy can name the DLQ's ARN.
 */
public final class ResourceProvisioner {
    private ResourceProvisioner() {
    }

    /** Creates the table from the template's request and switches TTL on for {@code ttlAttribute}. */
    public static void createTable(DynamoDbClient dynamo, CreateTableRequest request, String ttlAttribute) {
        dynamo.createTable(request);
        if (ttlAttribute != null) {
            enableTtl(dynamo, request.tableName(), ttlAttribute);
        }
    }

    /**
     * What {@link #createOrReuseTable} did.
     *
     * @param reused     the table was already there (a data directory's), items and all
     * @param addedIndexes global secondary indexes the template declares that the kept table lacked, now created
     */
    public record TableProvisioning(boolean reused, List<String> addedIndexes) {
    }

    /**
     * Creates the table, or keeps the one a data directory holds: its items stay, and what the template declares
     * since (a new global secondary index, TTL) is added to it. Nothing is removed from a kept table.
     */
    public static TableProvisioning createOrReuseTable(DynamoDbClient dynamo, CreateTableRequest request,
                                                       String ttlAttribute) {
        // ListTables, not DescribeTable: DynamoDB Local logs a missing table's DescribeTable as a warning with a stack
        // trace, from its own threads, on every start without a data directory.
        if (!dynamo.listTablesPaginator(b -> b.limit(100)).tableNames().stream().anyMatch(request.tableName()::equals)) {
            createTable(dynamo, request, ttlAttribute);
            return new TableProvisioning(false, List.of());
        }
        TableDescription existing = dynamo.describeTable(b -> b.tableName(request.tableName())).table();
        Set<String> present = new HashSet<>();
        if (existing.globalSecondaryIndexes() != null) {
            existing.globalSecondaryIndexes().forEach(i -> present.add(i.indexName()));
        }
        List<String> added = new ArrayList<>();
        for (GlobalSecondaryIndex index : request.globalSecondaryIndexes()) {
            if (present.contains(index.indexName())) {
                continue;
            }
            dynamo.updateTable(b -> b.tableName(request.tableName())
                    .attributeDefinitions(request.attributeDefinitions())
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c
                            .indexName(index.indexName())
                            .keySchema(index.keySchema())
                            .projection(index.projection())
                            .provisionedThroughput(index.provisionedThroughput())).build()));
            added.add(index.indexName());
        }
        if (ttlAttribute != null) {
            TimeToLiveDescription ttl = dynamo.describeTimeToLive(b -> b.tableName(request.tableName()))
                    .timeToLiveDescription();
            if (ttl == null || ttl.timeToLiveStatus() != TimeToLiveStatus.ENABLED
                    || !ttlAttribute.equals(ttl.attributeName())) {
                enableTtl(dynamo, request.tableName(), ttlAttribute);
            }
        }
        return new TableProvisioning(true, List.copyOf(added));
    }

    private static void enableTtl(DynamoDbClient dynamo, String table, String ttlAttribute) {
        dynamo.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(
                TimeToLiveSpecification.builder().attributeName(ttlAttribute).enabled(true).build()));
    }

    /**
     * Creates every queue; returns them by logical id, in template order.
     *
     * @throws IllegalStateException when a RedrivePolicy names a queue the template does not declare,
     *                               or dead-letter targets form a cycle
     */
    public static Map<String, ProvisionedQueue> createQueues(SqsClient sqs, List<QueueDefinition> queues) {
        Map<String, QueueDefinition> byId = new LinkedHashMap<>();
        queues.forEach(q -> byId.put(q.logicalId(), q));
        for (QueueDefinition q : queues) {
            if (q.deadLetterLogicalId() != null && !byId.containsKey(q.deadLetterLogicalId())) {
                throw new IllegalStateException("queue " + q.logicalId() + " redrives to " + q.deadLetterLogicalId()
                        + ", which template.yaml does not declare as an AWS::SQS::Queue");
            }
        }
        Map<String, ProvisionedQueue> created = new HashMap<>();
        List<QueueDefinition> remaining = new ArrayList<>(queues);
        while (!remaining.isEmpty()) {
            boolean progress = false;
            for (var it = remaining.iterator(); it.hasNext(); ) {
                QueueDefinition q = it.next();
                if (q.deadLetterLogicalId() == null || created.containsKey(q.deadLetterLogicalId())) {
                    created.put(q.logicalId(), create(sqs, q,
                            q.deadLetterLogicalId() == null ? null : created.get(q.deadLetterLogicalId())));
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the dead-letter targets of these queues form a cycle: " + remaining);
            }
        }
        Map<String, ProvisionedQueue> inOrder = new LinkedHashMap<>();
        queues.forEach(q -> inOrder.put(q.logicalId(), created.get(q.logicalId())));
        return inOrder;
    }

    private static ProvisionedQueue create(SqsClient sqs, QueueDefinition q, ProvisionedQueue deadLetter) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        if (q.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, String.valueOf(q.contentBasedDeduplication()));
        }
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(q.visibilityTimeoutSeconds()));
        attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(q.messageRetentionSeconds()));
        if (deadLetter != null) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetter.arn()
                    + "\",\"maxReceiveCount\":\"" + q.maxReceiveCount() + "\"}");
        }
        String url = sqs.createQueue(b -> b.queueName(q.localName()).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new ProvisionedQueue(q, url, arn);
    }
}
