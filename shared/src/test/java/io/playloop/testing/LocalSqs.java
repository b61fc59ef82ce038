package io.playloop.testing;

import io.playloop.definitions.QueueDefinition;
import io.playloop.definitions.TemplateDefinitions;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ embedded on a free 127.0.0.1 port, with an {@link SqsClient} to it. {@link #createQueues()}
 * creates the queues of template.yaml (through {@link TemplateDefinitions}), the redrive policies
 * pointing at the created dead-letter queues.
 *
 * <pre>{@code
 * try (LocalSqs sqs = LocalSqs.start()) {
 *     String inboundUrl = sqs.createQueues().get("InboundQueue");
 * }
 * }</pre>
 */
public final class LocalSqs implements AutoCloseable {
    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;

    private LocalSqs(SQSRestServer server, URI endpoint, SqsClient client) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = client;
    }

    /** Starts ElasticMQ on a free port of 127.0.0.1. */
    public static LocalSqs start() {
        SQSRestServer server = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
        int port = server.waitUntilStarted().localAddress().getPort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        SqsClient client = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new LocalSqs(server, endpoint, client);
    }

    public SqsClient client() {
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates the queues of the bundled template.yaml; returns their URLs by logical id. */
    public Map<String, String> createQueues() {
        return createQueues(TemplateDefinitions.bundled());
    }

    /**
     * Creates every queue of the template under its local name, dead-letter queues first; returns their
     * URLs by logical id. Calling it again returns the same queues.
     */
    public Map<String, String> createQueues(TemplateDefinitions template) {
        Map<String, String> urls = new LinkedHashMap<>();
        List<QueueDefinition> waiting = new ArrayList<>(template.queues());
        while (!waiting.isEmpty()) {
            int before = waiting.size();
            for (QueueDefinition q : List.copyOf(waiting)) {
                if (q.deadLetterLogicalId() == null || urls.containsKey(q.deadLetterLogicalId())) {
                    urls.put(q.logicalId(), create(q, q.deadLetterLogicalId() == null ? null : urls.get(q.deadLetterLogicalId())));
                    waiting.remove(q);
                }
            }
            if (waiting.size() == before) {
                throw new IllegalStateException("dead-letter queues form a cycle: " + waiting);
            }
        }
        return urls;
    }

    private String create(QueueDefinition q, String deadLetterUrl) {
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        if (q.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, Boolean.toString(q.contentBasedDeduplication()));
        }
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(q.visibilityTimeoutSeconds()));
        attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(q.messageRetentionSeconds()));
        if (deadLetterUrl != null) {
            String arn = client.getQueueAttributes(b -> b.queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            attributes.put(QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":" + q.maxReceiveCount() + "}");
        }
        return client.createQueue(b -> b.queueName(q.localName()).attributes(attributes)).queueUrl();
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
