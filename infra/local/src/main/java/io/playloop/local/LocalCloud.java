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
import io.playloop.local.emulators.RequestCounter;
import io.playloop.local.emulators.ResourceProvisioner;
import io.playloop.local.esm.DeadLetterQueues;
import io.playloop.local.esm.Drainer;
import io.playloop.local.esm.EventSourceMapping;
import io.playloop.local.esm.RetryDelay;
import io.playloop.local.graph.GraphFaults;
import io.playloop.local.graph.GraphSimulator;
import io.playloop.local.graph.Outbox;
import io.playloop.local.http.ApiGatewayHttpApi;
import io.playloop.local.http.LocalHttpServer;
import io.playloop.local.lambda.FunctionCatalog;
import io.playloop.local.lambda.LocalFunction;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * PlayLoop's local cloud: the whole system on one machine with no Docker and no AWS account.
 * DynamoDB Local (server mode) and ElasticMQ hold the table and queues, created from the template's
 * definitions; the same handler classes that run on Lambda run behind an emulation of API Gateway's
 * HTTP API and of Lambda's SQS event-source mapping; a Graph API simulator records the replies.
 *
 * <p>{@code java -jar infra/local/target/playloop-local.jar --help} lists the flags; tests call
 * {@link #start(LocalCloudOptions)}.
 */
@Command(name = "playloop-local", mixinStandardHelpOptions = true, version = "PlayLoop local cloud 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs PlayLoop on this machine: DynamoDB Local, ElasticMQ, the ingest and game functions,",
                "API Gateway and SQS event-source emulation, and a WhatsApp Graph API simulator.",
                "Every flag can also be set with the environment variable named in brackets."})
public final class LocalCloud implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:PLAYLOOP_LOCAL_PORT:-8080}",
            description = "HTTP port; 0 = a free port [PLAYLOOP_LOCAL_PORT, default ${DEFAULT-VALUE}]")
    int port;

    @Option(names = "--host", defaultValue = "${env:PLAYLOOP_LOCAL_HOST:-127.0.0.1}",
            description = "interface the HTTP server binds; 0.0.0.0 shares it on the network [PLAYLOOP_LOCAL_HOST, default ${DEFAULT-VALUE}]")
    String host;

    @Option(names = "--dynamodb-port", defaultValue = "${env:PLAYLOOP_LOCAL_DYNAMODB_PORT:-0}",
            description = "DynamoDB Local's port; 0 = a free port [PLAYLOOP_LOCAL_DYNAMODB_PORT, default ${DEFAULT-VALUE}]")
    int dynamoDbPort;

    @Option(names = "--sqs-port", defaultValue = "${env:PLAYLOOP_LOCAL_SQS_PORT:-0}",
            description = "ElasticMQ's port; 0 = a free port [PLAYLOOP_LOCAL_SQS_PORT, default ${DEFAULT-VALUE}]")
    int sqsPort;

    @Option(names = "--app-secret", defaultValue = "${env:PLAYLOOP_LOCAL_APP_SECRET:-local-app-secret}",
            description = "Meta app secret that signs webhooks (X-Hub-Signature-256) [PLAYLOOP_LOCAL_APP_SECRET, default ${DEFAULT-VALUE}]")
    String appSecret;

    @Option(names = "--verify-token", defaultValue = "${env:PLAYLOOP_LOCAL_VERIFY_TOKEN:-local-verify-token}",
            description = "verify token of the GET handshake [PLAYLOOP_LOCAL_VERIFY_TOKEN, default ${DEFAULT-VALUE}]")
    String verifyToken;

    @Option(names = "--access-token", defaultValue = "${env:PLAYLOOP_LOCAL_ACCESS_TOKEN:-local-access-token}",
            description = "Graph API bearer token the functions send and the simulator expects [PLAYLOOP_LOCAL_ACCESS_TOKEN, default ${DEFAULT-VALUE}]")
    String accessToken;

    @Option(names = "--phone-number-id", defaultValue = "${env:PLAYLOOP_LOCAL_PHONE_NUMBER_ID:-100000000000001}",
            description = "the business phone-number id [PLAYLOOP_LOCAL_PHONE_NUMBER_ID, default ${DEFAULT-VALUE}]")
    String phoneNumberId;

    @Option(names = "--shop-secret", defaultValue = "${env:PLAYLOOP_LOCAL_SHOP_SECRET:-local-shop-secret}",
            description = "shop webhook secret (POST /webhooks/commerce arrives in a later version) [PLAYLOOP_LOCAL_SHOP_SECRET, default ${DEFAULT-VALUE}]")
    String shopSecret;

    @Option(names = "--business-name", defaultValue = "${env:PLAYLOOP_LOCAL_BUSINESS_NAME:-PlayLoop Demo}",
            description = "business name the welcome message uses [PLAYLOOP_LOCAL_BUSINESS_NAME, default ${DEFAULT-VALUE}]")
    String businessName;

    @Option(names = "--default-language", defaultValue = "${env:PLAYLOOP_LOCAL_DEFAULT_LANGUAGE:-en}",
            description = "en, fr or ar: the language when nothing else tells [PLAYLOOP_LOCAL_DEFAULT_LANGUAGE, default ${DEFAULT-VALUE}]")
    String defaultLanguage;

    @Option(names = "--retry-delay", defaultValue = "${env:PLAYLOOP_LOCAL_RETRY_DELAY:-PT2S}", converter = RetryDelayConverter.class,
            description = {"how long a failed record stays invisible before it is retried: an ISO-8601 duration, or",
                    "from-template for the queue's visibility timeout (180 s on AWS). The short default is a deliberate",
                    "local deviation so retries and dead-lettering show at once [PLAYLOOP_LOCAL_RETRY_DELAY, default ${DEFAULT-VALUE}]"})
    RetryDelay retryDelay;

    @Option(names = "--pollers", defaultValue = "${env:PLAYLOOP_LOCAL_POLLERS:-3}",
            description = "concurrent pollers per queue, as Lambda runs batches of different customers in parallel [PLAYLOOP_LOCAL_POLLERS, default ${DEFAULT-VALUE}]")
    int pollers;

    /** Starts from the command line and runs until Ctrl-C. */
    public static void main(String[] args) {
        prepareProcess();
        System.exit(new CommandLine(new LocalCloud()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        LocalCloudOptions options;
        try {
            options = new LocalCloudOptions(host, port, dynamoDbPort, sqsPort, appSecret, verifyToken, accessToken,
                    phoneNumberId, shopSecret, businessName, defaultLanguage.toLowerCase(Locale.ROOT),
                    PlayLoopConfig.DEFAULT_GRAPH_API_VERSION, LocalCloudOptions.DEFAULT_TABLE_NAME, retryDelay, pollers,
                    16, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("playloop-local: " + e.getMessage());
            return 2;
        }
        RunningLocalCloud cloud;
        try {
            cloud = start(options);
        } catch (RuntimeException e) {
            System.err.println("playloop-local: cannot start: " + e.getMessage());
            shutDownLogging();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long t0 = System.nanoTime();
            System.out.println();
            System.out.println("Stopping the local cloud...");
            cloud.close();
            System.out.println("Stopped in " + millis(t0) + " ms.");
            shutDownLogging();
            stopped.countDown();
        }, "local-cloud-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * Starts a local cloud: emulators, table and queues from the template, functions, HTTP routes and
     * pollers. On failure everything already started is stopped again and the exception says what failed.
     */
    public static RunningLocalCloud start(LocalCloudOptions options) {
        long t0 = System.nanoTime();
        PrintStream out = options.out();
        EmulatorLogs.quiet();
        TemplateDefinitions template = TemplateDefinitions.bundled();
        List<AutoCloseable> started = new CopyOnWriteArrayList<>();
        try {
            // DynamoDB Local and ElasticMQ start, and get their table and queues, side by side.
            CompletableFuture<Timed<DynamoDbLocalServer>> dynamoStart = CompletableFuture.supplyAsync(() -> {
                Timed<DynamoDbLocalServer> server = Timed.of(() -> DynamoDbLocalServer.start(options.dynamoDbPort()));
                started.add(server.value());
                try (DynamoDbClient admin = LocalAwsClients.dynamoDb(server.value().endpoint())) {
                    ResourceProvisioner.createTable(admin, template.createTableRequest(options.tableName()),
                            template.ttlAttribute());
                }
                return server;
            });
            Timed<ElasticMqServer> elasticMq;
            Timed<DynamoDbLocalServer> dynamoDbServer;
            SqsClient adminSqs;
            Map<String, ProvisionedQueue> queues;
            try {
                elasticMq = Timed.of(() -> ElasticMqServer.start(options.sqsPort()));
                started.add(elasticMq.value());
                adminSqs = LocalAwsClients.sqs(elasticMq.value().endpoint(), Duration.ofSeconds(10));
                started.add(0, adminSqs);
                queues = ResourceProvisioner.createQueues(adminSqs, template.queues());
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
            SqsClient functionsSqs = LocalAwsClients.sqs(elasticMq.value().endpoint(), Duration.ofSeconds(10), functionsSqsRequests);
            SqsClient pollerSqs = LocalAwsClients.sqs(elasticMq.value().endpoint(),
                    Duration.ofSeconds(EventSourceMapping.WAIT_SECONDS + 10L), pollerSqsRequests);
            List<AutoCloseable> clients = List.of(functionsDynamo, functionsSqs, pollerSqs, adminSqs, adminDynamo);
            started.addAll(0, List.of(functionsDynamo, functionsSqs, pollerSqs, adminDynamo));

            List<QueueEventSource> sources = template.queueEventSources();
            ProvisionedQueue inbound = inboundQueue(sources, queues);
            PlayLoopConfig config = new PlayLoopConfig(options.tableName(), inbound.url(), baseUrl + "/graph",
                    options.graphApiVersion(), options.phoneNumberId(), options.businessName(), options.defaultLanguage());
            SimulatedClock clock = new SimulatedClock();
            HttpClient graphHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            FunctionCatalog catalog = new FunctionCatalog(functionsDynamo, functionsSqs, config,
                    new StaticSecrets(options.appSecret(), options.verifyToken(), options.accessToken()), clock, graphHttp);
            for (QueueEventSource source : sources) {
                if (!catalog.knows(source.handler())) {
                    catalog.forEventSource(source); // throws, naming the handler
                }
                if (!queues.containsKey(source.queueLogicalId())) {
                    throw new IllegalStateException(source.functionLogicalId() + " polls " + source.queueLogicalId()
                            + ", which template.yaml does not declare as an AWS::SQS::Queue");
                }
            }
            LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ingest = catalog.ingest();
            List<EventSourceMapping> mappings = new ArrayList<>();
            List<LocalFunction<?, ?>> functions = new ArrayList<>(List.of(ingest));
            for (QueueEventSource source : sources) {
                LocalFunction<SQSEvent, Object> function = catalog.forEventSource(source);
                functions.add(function);
                mappings.add(new EventSourceMapping(source, queues.get(source.queueLogicalId()), pollerSqs, function,
                        options.retryDelay(), options.pollersPerQueue(), out));
            }
            List<ProvisionedQueue> sourceQueues = sources.stream().map(s -> queues.get(s.queueLogicalId())).distinct().toList();
            Drainer drainer = new Drainer(adminSqs, sourceQueues,
                    () -> functions.stream().mapToInt(LocalFunction::running).sum());
            DeadLetterQueues deadLetters = new DeadLetterQueues(elasticMq.value().mirror(), deadLetterQueues(queues));

            Outbox outbox = new Outbox();
            GraphFaults faults = new GraphFaults();
            GraphSimulator graph = new GraphSimulator(options.phoneNumberId(), options.accessToken(), clock, outbox, faults);
            LocalRunStats stats = new LocalRunStats(http, functions, mappings, functionsSqsRequests, pollerSqsRequests,
                    functionsDynamoRequests, catalog, graph, outbox);
            String index = IndexPage.html(options, baseUrl, dynamoDbServer.value().endpoint(), elasticMq.value().endpoint(),
                    queues.values(), mappings);
            LocalRoutes routes = new LocalRoutes(ingest, new ApiGatewayHttpApi(clock), graph, outbox, faults, clock,
                    drainer, deadLetters, stats::toJson, () -> index, out);
            long tHttp = System.nanoTime();
            http.start(routes.router());
            long httpMillis = millis(tHttp);
            mappings.forEach(EventSourceMapping::start);
            started.addAll(0, mappings);

            Duration startup = Duration.ofNanos(System.nanoTime() - t0);
            RunningLocalCloud cloud = new RunningLocalCloud(options, dynamoDbServer.value(), elasticMq.value(), http,
                    adminDynamo, adminSqs, clients, queues, mappings, clock, outbox, faults, drainer, stats::toJson, startup);
            StartupReport.print(out, options, template.ttlAttribute(), cloud, dynamoDbServer.millis(),
                    elasticMq.millis(), queues, mappings, provisionMillis, httpMillis);
            return cloud;
        } catch (RuntimeException | Error e) {
            for (AutoCloseable c : started) {
                try {
                    c.close();
                } catch (Exception | LinkageError ignored) {
                    // already failing: the first error is the one to report
                }
            }
            throw e;
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

    /** For the command line only: our shutdown hook, not the libraries', decides the stopping order. */
    static void prepareProcess() {
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        System.setProperty("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    }

    private static void shutDownLogging() {
        try {
            org.apache.logging.log4j.LogManager.shutdown();
        } catch (LinkageError ignored) {
            // nothing to flush
        }
    }

    static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /** Reads --retry-delay. */
    static final class RetryDelayConverter implements CommandLine.ITypeConverter<RetryDelay> {
        @Override
        public RetryDelay convert(String value) {
            try {
                return RetryDelay.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** A value and how long it took to make. */
    record Timed<T>(T value, long millis) {
        static <T> Timed<T> of(java.util.function.Supplier<T> make) {
            long t0 = System.nanoTime();
            T value = make.get();
            return new Timed<>(value, LocalCloud.millis(t0));
        }
    }
}
