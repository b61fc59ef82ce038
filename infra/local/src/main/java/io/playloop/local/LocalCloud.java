package io.playloop.local;

import io.playloop.config.PlayLoopConfig;
import io.playloop.local.esm.RetryDelay;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
        description = {"Runs PlayLoop on this machine: DynamoDB Local, ElasticMQ, the ingest, game, reward and scheduler functions,",
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
            description = "shop webhook secret that signs POST /webhooks/commerce [PLAYLOOP_LOCAL_SHOP_SECRET, default ${DEFAULT-VALUE}]")
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

    @Option(names = "--schedule-every", defaultValue = "${env:PLAYLOOP_LOCAL_SCHEDULE_EVERY:-PT5M}",
            converter = ScheduleEveryConverter.class,
            description = {"how often the scheduler function runs by itself, in wall time (an ISO-8601 duration), as",
                    "EventBridge Scheduler runs it on AWS; none = only on POST /_local/tick [PLAYLOOP_LOCAL_SCHEDULE_EVERY,",
                    "default ${DEFAULT-VALUE}]"})
    java.time.Duration scheduleEvery;

    @Option(names = "--no-schedule", description = "the scheduler runs only on POST /_local/tick (same as --schedule-every none)")
    boolean noSchedule;

    @Option(names = "--data-dir", defaultValue = "${env:PLAYLOOP_LOCAL_DATA_DIR:-}", paramLabel = "<dir>",
            description = {"keeps the table, the queued messages, the outbox, the customers' 24-hour windows and the",
                    "clock's offset in this directory, so a restart (even after a crash) carries on where it stopped;",
                    "without it everything lives in memory [PLAYLOOP_LOCAL_DATA_DIR]"})
    String dataDir;

    @Option(names = "--no-window", description = {"the Graph simulator delivers free-form messages outside the customer's",
            "24-hour window (Meta refuses them with error 131047; so does the simulator by default)"})
    boolean noWindow;

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
                    16, System.out, crmEnvironment(System.getenv()), noSchedule ? null : scheduleEvery, !noWindow,
                    dataDir == null || dataDir.isBlank() ? null : java.nio.file.Path.of(dataDir.trim()));
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
            System.out.println("Stopped in " + CloudAssembly.millis(t0) + " ms.");
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
        return CloudAssembly.start(options);
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

    /** Reads --schedule-every: an ISO-8601 duration, or none (null: no automatic runs). */
    static final class ScheduleEveryConverter implements CommandLine.ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("none")) {
                return null;
            }
            java.time.Duration every;
            try {
                every = java.time.Duration.parse(value.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is neither an ISO-8601 duration such as"
                        + " PT5M nor none");
            }
            if (every.isZero() || every.isNegative()) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be positive (none turns it off)");
            }
            return every;
        }
    }

    /** The CRM settings a shell passes the local cloud: its {@code PLAYLOOP_CRM_*} variables. */
    static java.util.Map<String, String> crmEnvironment(java.util.Map<String, String> env) {
        java.util.Map<String, String> crm = new java.util.HashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("PLAYLOOP_CRM_")) {
                crm.put(k, v);
            }
        });
        return crm;
    }
}
