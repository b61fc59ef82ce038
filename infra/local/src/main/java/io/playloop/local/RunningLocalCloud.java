package io.playloop.local;

import io.playloop.local.emulators.DynamoDbLocalServer;
import io.playloop.local.emulators.ElasticMqServer;
import io.playloop.local.emulators.ProvisionedQueue;
import io.playloop.local.esm.Drainer;
import io.playloop.local.esm.EventSourceMapping;
import io.playloop.local.graph.GraphFaults;
import io.playloop.local.graph.Outbox;
import io.playloop.local.http.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A started local cloud: where it listens, clients to its emulators, its clock, outbox and faults.
 * {@link #close()} stops it (pollers, HTTP, ElasticMQ, DynamoDB Local, in that order).
 */
public final class RunningLocalCloud implements AutoCloseable {
    private final LocalCloudOptions options;
    private final DynamoDbLocalServer dynamoDbServer;
    private final ElasticMqServer elasticMq;
    private final LocalHttpServer http;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final List<AutoCloseable> clients;
    private final Map<String, ProvisionedQueue> queues;
    private final List<EventSourceMapping> mappings;
    private final SimulatedClock clock;
    private final Outbox outbox;
    private final GraphFaults faults;
    private final Drainer drainer;
    private final Supplier<Map<String, Object>> stats;
    private final Duration startupTime;
    private final List<AutoCloseable> kept;
    private volatile boolean closed;

    RunningLocalCloud(LocalCloudOptions options, DynamoDbLocalServer dynamoDbServer, ElasticMqServer elasticMq,
                      LocalHttpServer http, DynamoDbClient dynamo, SqsClient sqs, List<AutoCloseable> clients,
                      Map<String, ProvisionedQueue> queues, List<EventSourceMapping> mappings, SimulatedClock clock,
                      Outbox outbox, GraphFaults faults, Drainer drainer, Supplier<Map<String, Object>> stats,
                      Duration startupTime, List<AutoCloseable> kept) {
        this.options = options;
        this.dynamoDbServer = dynamoDbServer;
        this.elasticMq = elasticMq;
        this.http = http;
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.clients = List.copyOf(clients);
        this.queues = Map.copyOf(queues);
        this.mappings = List.copyOf(mappings);
        this.clock = clock;
        this.outbox = outbox;
        this.faults = faults;
        this.drainer = drainer;
        this.stats = stats;
        this.startupTime = startupTime;
        this.kept = List.copyOf(kept);
    }

    /** {@code http://127.0.0.1:<port>}: webhooks, the Graph API simulator and {@code /_local/*}. */
    public URI baseUrl() {
        return URI.create("http://" + displayHost(options.host()) + ":" + http.port());
    }

    public int port() {
        return http.port();
    }

    public int dynamoDbPort() {
        return dynamoDbServer.port();
    }

    public int sqsPort() {
        return elasticMq.port();
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbServer.endpoint();
    }

    public URI sqsEndpoint() {
        return elasticMq.endpoint();
    }

    /** A DynamoDB client to DynamoDB Local (not the functions' own, so reads here are not counted). */
    public DynamoDbClient dynamoDb() {
        return dynamo;
    }

    /** An SQS client to ElasticMQ (not the functions' own). */
    public SqsClient sqs() {
        return sqs;
    }

    /** The clock every function reads. */
    public SimulatedClock clock() {
        return clock;
    }

    public String tableName() {
        return options.tableName();
    }

    /** The URL of a template queue by logical id (e.g. InboundQueue). */
    public String queueUrl(String logicalId) {
        ProvisionedQueue q = queues.get(logicalId);
        if (q == null) {
            throw new IllegalArgumentException("no queue " + logicalId + " in template.yaml; queues: " + queues.keySet());
        }
        return q.url();
    }

    public Outbox outbox() {
        return outbox;
    }

    public GraphFaults faults() {
        return faults;
    }

    /** Waits until every source queue is empty and no function runs, or the timeout passes. */
    public Drainer.Result drain(Duration timeout) throws InterruptedException {
        return drainer.drain(timeout);
    }

    /** What {@code GET /_local/stats} shows. */
    public Map<String, Object> stats() {
        return stats.get();
    }

    public LocalCloudOptions options() {
        return options;
    }

    /** From the call to start until ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Where the data is kept across restarts ({@code --data-dir}), or null when it lives in memory. */
    public java.nio.file.Path dataDir() {
        return options.dataDir();
    }

    /** Stops pollers, HTTP, ElasticMQ and DynamoDB Local; failures are printed in one line each. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> steps = new ArrayList<>(mappings);
        steps.add(http);
        steps.addAll(clients);
        steps.add(elasticMq);
        steps.add(dynamoDbServer);
        steps.addAll(kept); // the data directory's journals and lock, once nothing writes any more
        for (AutoCloseable step : steps) {
            try {
                step.close();
            } catch (Exception | LinkageError e) {
                options.out().println("local cloud: while stopping " + step.getClass().getSimpleName() + ": " + e);
            }
        }
    }

    static String displayHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }
}
