package io.playloop.local;

import io.playloop.config.PlayLoopConfig;
import io.playloop.local.esm.RetryDelay;
import java.io.PrintStream;
import java.util.Objects;

/**
 * How to start a local cloud. {@link #defaults()} gives the documented defaults (DESIGN.md): HTTP on
 * 127.0.0.1:8080, the emulators on free ports, app secret {@code local-app-secret}, verify token
 * {@code local-verify-token}, phone-number id {@code 100000000000001}, shop secret
 * {@code local-shop-secret}; {@link #forTests()} the same on a free HTTP port.
 *
 * @param host            the interface the HTTP server binds (127.0.0.1; 0.0.0.0 to share on a network)
 * @param port            HTTP port; 0 = a free one
 * @param dynamoDbPort    DynamoDB Local's port; 0 = a free one
 * @param sqsPort         ElasticMQ's port; 0 = a free one
 * @param appSecret       the Meta app secret webhooks are signed with
 * @param verifyToken     the token of the GET verification handshake
 * @param accessToken     the bearer token the game function sends and the Graph simulator expects
 * @param phoneNumberId   the business phone-number id
 * @param shopSecret      the shop webhook secret that signs POST /webhooks/commerce
 * @param businessName    the business name the welcome message uses
 * @param defaultLanguage en, fr or ar
 * @param graphApiVersion the Graph API version in the functions' configuration
 * @param tableName       the DynamoDB table's name
 * @param retryDelay      how long a failed record waits before it is received again
 * @param pollersPerQueue concurrent pollers per event source (each runs one batch at a time)
 * @param httpThreads     HTTP worker threads
 * @param out             where the start-up lines and failures are printed
 * @param crm             the reward function's CRM settings (see {@link #withCrm})
 * @param scheduleEvery   how often (wall time) the scheduler function runs by itself; null: only on
 *                        {@code POST /_local/tick} (the default here, so tests tick explicitly; the command line
 *                        defaults to every 5 minutes)
 * @param enforceWindow   whether the Graph simulator refuses free-form messages outside the customer's 24-hour
 *                        window (error 131047), as Meta does; on by default
 * @param dataDir         where the table, the queues' messages, the outbox, the customers' windows and the clock's
 *                        offset are kept across restarts ({@link io.playloop.local.durable.DataDir}); null (the
 *                        default): all in memory, gone when the local cloud stops
 */
public record LocalCloudOptions(String host, int port, int dynamoDbPort, int sqsPort, String appSecret,
                                String verifyToken, String accessToken, String phoneNumberId, String shopSecret,
                                String businessName, String defaultLanguage, String graphApiVersion,
                                String tableName, RetryDelay retryDelay, int pollersPerQueue, int httpThreads,
                                PrintStream out, java.util.Map<String, String> crm, java.time.Duration scheduleEvery,
                                boolean enforceWindow, java.nio.file.Path dataDir) {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_APP_SECRET = "local-app-secret";
    public static final String DEFAULT_VERIFY_TOKEN = "local-verify-token";
    public static final String DEFAULT_ACCESS_TOKEN = "local-access-token";
    public static final String DEFAULT_PHONE_NUMBER_ID = "100000000000001";
    public static final String DEFAULT_SHOP_SECRET = "local-shop-secret";
    public static final String DEFAULT_BUSINESS_NAME = "PlayLoop Demo";
    public static final String DEFAULT_TABLE_NAME = "playloop";

    public LocalCloudOptions {
        Objects.requireNonNull(host, "host");
        requirePort(port, "port");
        requirePort(dynamoDbPort, "dynamoDbPort");
        requirePort(sqsPort, "sqsPort");
        requireText(appSecret, "appSecret");
        requireText(verifyToken, "verifyToken");
        requireText(accessToken, "accessToken");
        requireText(phoneNumberId, "phoneNumberId");
        requireText(businessName, "businessName");
        requireText(defaultLanguage, "defaultLanguage");
        requireText(graphApiVersion, "graphApiVersion");
        if (tableName == null || tableName.length() < 3) {
            throw new IllegalArgumentException("tableName must have at least 3 characters (a DynamoDB rule)");
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (pollersPerQueue < 1 || httpThreads < 1) {
            throw new IllegalArgumentException("pollersPerQueue and httpThreads must be at least 1");
        }
        Objects.requireNonNull(out, "out");
        crm = java.util.Map.copyOf(crm);
        if (scheduleEvery != null && (scheduleEvery.isZero() || scheduleEvery.isNegative())) {
            throw new IllegalArgumentException("scheduleEvery must be positive (or null for no automatic runs), got "
                    + scheduleEvery);
        }
    }

    /** The documented defaults; start-up lines go to stdout. */
    public static LocalCloudOptions defaults() {
        return new LocalCloudOptions("127.0.0.1", DEFAULT_PORT, 0, 0, DEFAULT_APP_SECRET, DEFAULT_VERIFY_TOKEN,
                DEFAULT_ACCESS_TOKEN, DEFAULT_PHONE_NUMBER_ID, DEFAULT_SHOP_SECRET, DEFAULT_BUSINESS_NAME, "en",
                PlayLoopConfig.DEFAULT_GRAPH_API_VERSION, DEFAULT_TABLE_NAME, RetryDelay.DEFAULT, 3, 16, System.out,
                java.util.Map.of(), null, true, null);
    }

    /** The defaults on a free HTTP port, so tests and other local clouds run side by side. */
    public static LocalCloudOptions forTests() {
        return defaults().withPort(0);
    }

    public LocalCloudOptions withPort(int newPort) {
        return new LocalCloudOptions(host, newPort, dynamoDbPort, sqsPort, appSecret, verifyToken, accessToken,
                phoneNumberId, shopSecret, businessName, defaultLanguage, graphApiVersion, tableName, retryDelay,
                pollersPerQueue, httpThreads, out, crm, scheduleEvery, enforceWindow, dataDir);
    }

    public LocalCloudOptions withRetryDelay(RetryDelay newRetryDelay) {
        return new LocalCloudOptions(host, port, dynamoDbPort, sqsPort, appSecret, verifyToken, accessToken,
                phoneNumberId, shopSecret, businessName, defaultLanguage, graphApiVersion, tableName, newRetryDelay,
                pollersPerQueue, httpThreads, out, crm, scheduleEvery, enforceWindow, dataDir);
    }

    public LocalCloudOptions withBusinessName(String newBusinessName) {
        return new LocalCloudOptions(host, port, dynamoDbPort, sqsPort, appSecret, verifyToken, accessToken,
                phoneNumberId, shopSecret, newBusinessName, defaultLanguage, graphApiVersion, tableName, retryDelay,
                pollersPerQueue, httpThreads, out, crm, scheduleEvery, enforceWindow, dataDir);
    }

    /**
     * The reward function's CRM sync: the {@code PLAYLOOP_CRM_*} variables of {@link io.playloop.crm.CrmConfig}
     * and the token keys of {@link io.playloop.crm.CrmSecrets} ({@code hubspotAccessToken}, …) in one map;
     * empty (the default) for no CRM.
     */
    public LocalCloudOptions withCrm(java.util.Map<String, String> newCrm) {
        return new LocalCloudOptions(host, port, dynamoDbPort, sqsPort, appSecret, verifyToken, accessToken,
                phoneNumberId, shopSecret, businessName, defaultLanguage, graphApiVersion, tableName, retryDelay,
                pollersPerQueue, httpThreads, out, newCrm, scheduleEvery, enforceWindow, dataDir);
    }

    public LocalCloudOptions withOut(PrintStream newOut) {
        return new LocalCloudOptions(host, port, dynamoDbPort, sqsPort, appSecret, verifyToken, accessToken,
                phoneNumberId, shopSecret, businessName, defaultLanguage, graphApiVersion, tableName, retryDelay,
                pollersPerQueue, httpThreads, newOut, crm, scheduleEvery, enforceWindow, dataDir);
    }

    /** Runs the scheduler function by itself every {@code every} of wall time; null: only on POST /_local/tick. */
    public LocalCloudOptions withScheduleEvery(java.time.Duration every) {
        return new LocalCloudOptions(host, port, dynamoDbPort, sqsPort, appSecret, verifyToken, accessToken,
                phoneNumberId, shopSecret, businessName, defaultLanguage, graphApiVersion, tableName, retryDelay,
                pollersPerQueue, httpThreads, out, crm, every, enforceWindow, dataDir);
    }

    /** Whether the Graph simulator enforces the customers' 24-hour windows (131047 outside them). */
    public LocalCloudOptions withWindowEnforced(boolean enforced) {
        return new LocalCloudOptions(host, port, dynamoDbPort, sqsPort, appSecret, verifyToken, accessToken,
                phoneNumberId, shopSecret, businessName, defaultLanguage, graphApiVersion, tableName, retryDelay,
                pollersPerQueue, httpThreads, out, crm, scheduleEvery, enforced, dataDir);
    }

    /** Keeps the local cloud's data in {@code directory} across restarts; null: in memory. */
    public LocalCloudOptions withDataDir(java.nio.file.Path directory) {
        return new LocalCloudOptions(host, port, dynamoDbPort, sqsPort, appSecret, verifyToken, accessToken,
                phoneNumberId, shopSecret, businessName, defaultLanguage, graphApiVersion, tableName, retryDelay,
                pollersPerQueue, httpThreads, out, crm, scheduleEvery, enforceWindow, directory);
    }

    private static void requirePort(int port, String name) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be 0 (a free port) or 1-65535, got " + port);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "LocalCloudOptions[host=" + host + ", port=" + port + ", dynamoDbPort=" + dynamoDbPort + ", sqsPort="
                + sqsPort + ", phoneNumberId=" + phoneNumberId + ", businessName=" + businessName + ", defaultLanguage="
                + defaultLanguage + ", tableName=" + tableName + ", retryDelay=" + retryDelay + ", scheduleEvery="
                + (scheduleEvery == null ? "none" : scheduleEvery) + ", enforceWindow=" + enforceWindow
                + ", dataDir=" + (dataDir == null ? "none (in memory)" : dataDir) + ", secrets=****]";
    }
}
