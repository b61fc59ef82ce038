package io.playloop.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.StaticSecrets;
import io.playloop.definitions.QueueEventSource;
import io.playloop.definitions.TemplateDefinitions;
import io.playloop.game.GameHandler;
import io.playloop.local.emulators.DynamoDbLocalServer;
import io.playloop.local.emulators.ElasticMqServer;
import io.playloop.local.emulators.EmulatorLogs;
import io.playloop.local.emulators.LocalAwsClients;
import io.playloop.local.emulators.ProvisionedQueue;
import io.playloop.local.emulators.QueueJournal;
import io.playloop.local.emulators.RequestCounter;
import io.playloop.local.emulators.SqsMessageSizeLimit;
import io.playloop.local.emulators.ResourceProvisioner;
import io.playloop.local.durable.DataDir;
import io.playloop.local.durable.JsonLinesJournal;
import io.playloop.local.esm.DeadLetterQueues;
import io.playloop.local.esm.Drainer;
import io.playloop.local.esm.EventSourceMapping;
import io.playloop.local.graph.CustomerWindows;
import io.playloop.local.graph.GraphFaults;
import io.playloop.local.graph.GraphSimulator;
import io.playloop.local.graph.Outbox;
import io.playloop.local.http.ApiGatewayHttpApi;
import io.playloop.local.http.LocalHttpServer;
import io.playloop.local.iam.TableAccessGuard;
import io.playloop.local.iam.TablePolicy;
import io.playloop.local.lambda.FunctionCatalog;
import io.playloop.local.lambda.LocalFunction;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Puts a local cloud together, in dependency order: DynamoDB Local and ElasticMQ side by side (each
 * getting its table or queues from the template), the HTTP server bound (its port is the Graph API
 * base URL the functions call), the functions and their event-source mappings, the routes, then the
 * pollers. What was started is stopped again when a later step fails.
 */
final class CloudAssembly {
    private CloudAssembly() {
    }

    static RunningLocalCloud start(LocalCloudOptions options) {
        long t0 = System.nanoTime();
        AtomicReference<ResourceProvisioner.TableProvisioning> tableProvisioning = new AtomicReference<>();
        PrintStream out = options.out();
        EmulatorLogs.quiet();
        TemplateDefinitions template = TemplateDefinitions.bundled();
        List<AutoCloseable> started = new CopyOnWriteArrayList<>();
        // What --data-dir keeps: closed after everything that writes to it.
        List<AutoCloseable> kept = new ArrayList<>();
        try {
            DataDir dataDir = options.dataDir() == null ? null : DataDir.open(options.dataDir());
            if (dataDir != null) {
                kept.add(dataDir);
            }
            // DynamoDB Local and ElasticMQ start, and get their table and queues, side by side.
            CompletableFuture<Timed<DynamoDbLocalServer>> dynamoStart = CompletableFuture.supplyAsync(() -> {
                Timed<DynamoDbLocalServer> server = Timed.of(() -> DynamoDbLocalServer.start(options.dynamoDbPort(),
                        dataDir == null ? null : dataDir.dynamoDb()));
                started.add(server.value());
                try (DynamoDbClient admin = LocalAwsClients.dynamoDb(server.value().endpoint())) {
                    tableProvisioning.set(ResourceProvisioner.createOrReuseTable(admin,
                            template.createTableRequest(options.tableName()), template.ttlAttribute()));
                }
                return server;
            });
            Timed<ElasticMqServer> elasticMq;
            Timed<DynamoDbLocalServer> dynamoDbServer;
            SqsClient adminSqs;
            Map<String, ProvisionedQueue> queues;
            ElasticMqServer.Restored restored;
            try {
                elasticMq = Timed.of(() -> ElasticMqServer.start(options.sqsPort(),
                        dataDir == null ? null : QueueJournal.open(dataDir.queueDatabase())));
                started.add(elasticMq.value());
                adminSqs = LocalAwsClients.sqs(elasticMq.value().endpoint(), Duration.ofSeconds(10));
                started.add(0, adminSqs);
                queues = ResourceProvisioner.createQueues(adminSqs, template.queues());
                // Before anything polls: what the last run left queued comes back, in its FIFO order.
                restored = elasticMq.value().restore(queues.values(), options.retryDelay().fixed());
            } finally {
                try {
                    dynamoDbServer = dynamoStart.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            long provisionMillis = millis(t0);

            LocalHttpServer http = bind(options);
            started.add(0, http);
            URI baseUrl = URI.create("http://" + RunningLocalCloud.displayHost(options.host()) + ":" + http.port());

            RequestCounter functionsSqsRequests = new RequestCounter();
            RequestCounter pollerSqsRequests = new RequestCounter();
            RequestCounter functionsDynamoRequests = new RequestCounter();
            DynamoDbClient adminDynamo = LocalAwsClients.dynamoDb(dynamoDbServer.value().endpoint());
            DynamoDbClient functionsDynamo = LocalAwsClients.dynamoDb(dynamoDbServer.value().endpoint(), functionsDynamoRequests);
            SqsClient functionsSqs = LocalAwsClients.sqs(elasticMq.value().endpoint(), Duration.ofSeconds(10),
                    functionsSqsRequests, new SqsMessageSizeLimit());
            SqsClient pollerSqs = LocalAwsClients.sqs(elasticMq.value().endpoint(),
                    Duration.ofSeconds(EventSourceMapping.WAIT_SECONDS + 10L), pollerSqsRequests);
            started.addAll(0, List.of(functionsDynamo, functionsSqs, pollerSqs, adminDynamo));

            List<QueueEventSource> sources = template.queueEventSources();
            ProvisionedQueue inbound = inboundQueue(sources, queues);
            PlayLoopConfig config = new PlayLoopConfig(options.tableName(), inbound.url(), baseUrl + "/graph",
                    options.graphApiVersion(), options.phoneNumberId(), options.businessName(), options.defaultLanguage());
            SimulatedClock clock;
            Outbox outbox;
            CustomerWindows windows;
            if (dataDir == null) {
                clock = new SimulatedClock();
                outbox = new Outbox();
                windows = new CustomerWindows(options.enforceWindow());
            } else {
                clock = SimulatedClock.keptIn(Clock.systemUTC(), journal(dataDir, "clock", kept));
                outbox = Outbox.keptIn(journal(dataDir, "outbox", kept));
                windows = CustomerWindows.keptIn(options.enforceWindow(), journal(dataDir, "windows", kept));
            }
            HttpClient graphHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            ProvisionedQueue rewards = queues.get("RewardsQueue");
            FunctionCatalog catalog = new FunctionCatalog(functionsDynamo, functionsSqs, config,
                    new StaticSecrets(options.appSecret(), options.verifyToken(), options.accessToken(), options.shopSecret()),
                    clock, graphHttp, rewards == null ? null : rewards.url(), options.crm(),
                    deadLetterQueueUrls(queues));
            // Local IAM: each function gets its own table client that refuses what its template policy does not allow.
            Map<String, TableAccessGuard> guards = new java.util.LinkedHashMap<>();
            List<AutoCloseable> tableClients = new ArrayList<>();
            TablePolicy.fromTemplate(template).forEach((function, policy) -> {
                TableAccessGuard guard = new TableAccessGuard(policy);
                guards.put(function, guard);
                DynamoDbClient client = LocalAwsClients.dynamoDb(dynamoDbServer.value().endpoint(), guard,
                        functionsDynamoRequests);
                started.add(0, client);
                tableClients.add(client);
                catalog.useTableClient(function, client);
            });
            for (QueueEventSource source : sources) {
                if (!catalog.knows(source.handler())) {
                    catalog.forEventSource(source); // throws, naming the handler
                }
                if (!queues.containsKey(source.queueLogicalId())) {
                    throw new IllegalStateException(source.functionLogicalId() + " polls " + source.queueLogicalId()
                            + ", which template.yaml does not declare as an AWS::SQS::Queue");
                }
            }
            LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ingest = catalog.ingest(
                    template.functionTimeoutSeconds(FunctionCatalog.INGEST_FUNCTION));
            List<EventSourceMapping> mappings = new ArrayList<>();
            List<LocalFunction<?, ?>> functions = new ArrayList<>(List.of(ingest));
            for (QueueEventSource source : sources) {
                LocalFunction<SQSEvent, Object> function = catalog.forEventSource(source);
                functions.add(function);
                mappings.add(new EventSourceMapping(source, queues.get(source.queueLogicalId()), pollerSqs, function,
                        options.retryDelay(), options.pollersPerQueue(), out));
            }
            LocalFunction<Map<String, Object>, Map<String, Object>> scheduler = catalog.scheduler();
            functions.add(scheduler);
            SchedulerTicks ticks = new SchedulerTicks(scheduler, clock, out);
            // The automatic ticks stop first, before the clients they use are closed.
            List<AutoCloseable> clients = new ArrayList<>(List.of(ticks, functionsDynamo, functionsSqs, pollerSqs, adminSqs,
                    adminDynamo));
            clients.addAll(tableClients);
            clients.add(() -> appendIamUsage(guards));
            started.add(0, ticks);
            List<ProvisionedQueue> sourceQueues = sources.stream().map(s -> queues.get(s.queueLogicalId())).distinct().toList();
            Drainer drainer = new Drainer(adminSqs, sourceQueues,
                    () -> functions.stream().mapToInt(LocalFunction::running).sum());
            DeadLetterQueues deadLetters = new DeadLetterQueues(elasticMq.value().mirror(), deadLetterQueues(queues));

            GraphFaults faults = new GraphFaults();
            GraphSimulator graph = new GraphSimulator(options.phoneNumberId(), options.accessToken(), clock, outbox, faults,
                    windows);
            LocalRunStats stats = new LocalRunStats(http, functions, mappings, functionsSqsRequests, pollerSqsRequests,
                    functionsDynamoRequests, catalog, graph, outbox);
            String index = IndexPage.html(options, baseUrl, dynamoDbServer.value().endpoint(), elasticMq.value().endpoint(),
                    queues.values(), mappings);
            LocalRoutes routes = new LocalRoutes(ingest, new ApiGatewayHttpApi(clock), graph, outbox, faults, clock,
                    drainer, deadLetters, stats::toJson, () -> index, out, ticks, windows);
            long tHttp = System.nanoTime();
            http.start(routes.router());
            long httpMillis = millis(tHttp);
            mappings.forEach(EventSourceMapping::start);
            started.addAll(0, mappings);
            if (options.scheduleEvery() != null) {
                ticks.every(options.scheduleEvery());
            }

            Duration startup = Duration.ofNanos(System.nanoTime() - t0);
            RunningLocalCloud cloud = new RunningLocalCloud(options, dynamoDbServer.value(), elasticMq.value(), http,
                    adminDynamo, adminSqs, clients, queues, mappings, clock, outbox, faults, drainer, stats::toJson, startup,
                    kept);
            StartupReport.print(out, options, template.ttlAttribute(), cloud, dynamoDbServer.millis(),
                    elasticMq.millis(), queues, mappings, provisionMillis, httpMillis,
                    StartupReport.data(dataDir, tableProvisioning.get(), restored, outbox, clock));
            return cloud;
        } catch (RuntimeException | Error e) {
            List<AutoCloseable> all = new ArrayList<>(started);
            all.addAll(kept);
            for (AutoCloseable c : all) {
                try {
                    c.close();
                } catch (Exception | LinkageError ignored) {
                    // already failing: the first error is the one to report
                }
            }
            throw e;
        }
    }

    /** A journal of the local cloud's own state in the data directory, closed with the cloud. */
    private static JsonLinesJournal journal(DataDir dataDir, String name, List<AutoCloseable> kept) {
        JsonLinesJournal journal = JsonLinesJournal.open(dataDir.local(name));
        kept.add(0, journal);
        return journal;
    }

    /**
     * With {@code -Dplayloop.local.iamReport=<file>}, appends what each function did on the table ("GameFunction
     * dynamodb:PutItem CUSTOMER#") when the cloud stops: the evidence for narrowing template.yaml's policies.
     */
    private static void appendIamUsage(Map<String, TableAccessGuard> guards) {
        String file = System.getProperty("playloop.local.iamReport");
        if (file == null || file.isBlank()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        guards.forEach((function, guard) -> guard.used().stream().sorted()
                .forEach(u -> lines.append(function).append(' ').append(u).append('\n')));
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), lines, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a report only: the cloud stops anyway
        }
    }

    private static LocalHttpServer bind(LocalCloudOptions options) {
        try {
            return LocalHttpServer.bind(options.host(), options.port(), options.httpThreads(), options.out());
        } catch (BindException e) {
            throw new IllegalStateException("port " + options.port() + " on " + options.host()
                    + " is in use: stop what runs there, or pass --port 0 (a free port) or another port", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
    }

    /**
     * By source queue's logical id, its dead-letter queue's URL (its RedrivePolicy's target): where the function
     * consuming it sets aside a failing record itself (PLAYLOOP_INBOUND_DLQ_URL / PLAYLOOP_REWARDS_DLQ_URL on AWS).
     */
    private static Map<String, String> deadLetterQueueUrls(Map<String, ProvisionedQueue> queues) {
        Map<String, String> urls = new java.util.HashMap<>();
        for (ProvisionedQueue q : queues.values()) {
            String dlq = q.definition().deadLetterLogicalId();
            if (dlq != null && queues.containsKey(dlq)) {
                urls.put(q.definition().logicalId(), queues.get(dlq).url());
            }
        }
        return urls;
    }

    /** The queue the game function polls: where ingest writes (PLAYLOOP_INBOUND_QUEUE_URL on AWS). */
    private static ProvisionedQueue inboundQueue(List<QueueEventSource> sources, Map<String, ProvisionedQueue> queues) {
        return sources.stream()
                .filter(s -> GameHandler.class.getName().equals(FunctionCatalog.handlerClass(s.handler())))
                .map(s -> queues.get(s.queueLogicalId()))
                .filter(q -> q != null)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no SQS event source whose handler is "
                        + GameHandler.class.getName() + ": the ingest function would have no queue to write to"));
    }

    private static List<ProvisionedQueue> deadLetterQueues(Map<String, ProvisionedQueue> queues) {
        Set<String> targets = new LinkedHashSet<>();
        for (ProvisionedQueue q : queues.values()) {
            if (q.definition().deadLetterLogicalId() != null) {
                targets.add(q.definition().deadLetterLogicalId());
            }
        }
        return targets.stream().map(queues::get).toList();
    }

    static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /** A value and how long it took to make. */
    record Timed<T>(T value, long millis) {
        static <T> Timed<T> of(java.util.function.Supplier<T> make) {
            long t0 = System.nanoTime();
            T value = make.get();
            return new Timed<>(value, CloudAssembly.millis(t0));
        }
    }
}
