package io.playloop.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.playloop.config.PlayLoopConfig;
import io.playloop.commerce.PhoneNumbers;
import io.playloop.config.Secrets;
import io.playloop.definitions.QueueEventSource;
import io.playloop.crm.CrmConfig;
import io.playloop.crm.CrmSecrets;
import io.playloop.crm.StaticCrmSecrets;
import io.playloop.batch.DeadLetterQueue;
import io.playloop.game.GameHandler;
import io.playloop.reward.RewardHandler;
import io.playloop.scheduler.function.SchedulerHandler;
import io.playloop.rewards.RewardQueue;
import io.playloop.rewards.SqsRewardQueue;
import io.playloop.ingest.IngestHandler;
import io.playloop.sqs.SqsDeadLetterQueue;
import io.playloop.store.CapacityMeter;
import io.playloop.whatsapp.outbound.GraphApiClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the local cloud's functions from the same handler classes that run on Lambda, through their
 * injecting constructors: the ingest function behind the HTTP API, the scheduler behind the ticks, and for each SQS event source of
 * the template the function its {@code Handler} names. A handler the local cloud does not know how to
 * build fails the start with its name, so a new function cannot be silently left out.
 */
public final class FunctionCatalog {
    /** The ingest function's logical id in template.yaml. */
    public static final String INGEST_FUNCTION = "IngestFunction";
    /** The scheduler function's logical id in template.yaml. */
    public static final String SCHEDULER_FUNCTION = "SchedulerFunction";
    /**
     * The scheduler's timeout locally: its context starts at 60 s (the run's budget is that less 10 s), not the
     * template's 300 s, so a tick answers within a minute.
     */
    public static final int SCHEDULER_TIMEOUT_SECONDS = 60;
    static final Duration GRAPH_TIMEOUT = Duration.ofSeconds(10);

    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final PlayLoopConfig config;
    private final Secrets secrets;
    private final Clock clock;
    private final HttpClient graphHttp;
    private final List<CapacityMeter> meters = new CopyOnWriteArrayList<>();
    /** Handler class → how to build it for a function (logical id) with its dead-letter queue. */
    private final Map<String, BiFunction<String, DeadLetterQueue, RequestHandler<SQSEvent, ?>>> queueHandlers =
            new LinkedHashMap<>();
    /** A function's own table client (local IAM, {@link #useTableClient}); the shared one otherwise. */
    private final Map<String, DynamoDbClient> tableClients = new java.util.concurrent.ConcurrentHashMap<>();
    private final RewardQueue rewardQueue;
    private final Map<String, String> crm;
    private final Map<String, String> deadLetterQueueUrls;

    /**
     * @param dynamo    the functions' DynamoDB client
     * @param sqs       the functions' SQS client
     * @param config    the functions' configuration (table, inbound queue URL, Graph base URL = the simulator)
     * @param secrets   app secret, verify token and access token
     * @param clock     the simulated clock
     * @param graphHttp the HTTP client the Graph API client uses
     */
    public FunctionCatalog(DynamoDbClient dynamo, SqsClient sqs, PlayLoopConfig config, Secrets secrets, Clock clock,
                           HttpClient graphHttp) {
        this(dynamo, sqs, config, secrets, clock, graphHttp, null, Map.of(), Map.of());
    }

    /**
     * @param rewardsQueueUrl     the rewards queue the game function sends reward jobs to, or null for none
     * @param crm                 the reward function's CRM settings ({@code PLAYLOOP_CRM_*} and token keys), or empty
     * @param deadLetterQueueUrls by source queue's logical id, the URL of its dead-letter queue, where the function
     *                            consuming it sets aside a record that used its own retry budget
     *                            ({@code PLAYLOOP_INBOUND_DLQ_URL} / {@code PLAYLOOP_REWARDS_DLQ_URL} on AWS)
     */
    public FunctionCatalog(DynamoDbClient dynamo, SqsClient sqs, PlayLoopConfig config, Secrets secrets, Clock clock,
                           HttpClient graphHttp, String rewardsQueueUrl, Map<String, String> crm,
                           Map<String, String> deadLetterQueueUrls) {
        this.rewardQueue = rewardsQueueUrl == null ? RewardQueue.NONE
                : SqsRewardQueue.fromEnvironment(sqs, rewardsQueueUrl, crm);
        this.crm = Map.copyOf(crm);
        this.deadLetterQueueUrls = Map.copyOf(deadLetterQueueUrls);
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.config = config;
        this.secrets = secrets;
        this.clock = clock;
        this.graphHttp = graphHttp;
        queueHandlers.put(GameHandler.class.getName(), this::newGameHandler);
        queueHandlers.put(RewardHandler.class.getName(), this::newRewardHandler);
    }

    /**
     * Gives one function (by logical id) its own table client, e.g. one that enforces that function's template policy
     * ({@code io.playloop.local.iam.TableAccessGuard}); call before the function is first invoked.
     */
    public FunctionCatalog useTableClient(String functionLogicalId, DynamoDbClient client) {
        tableClients.put(functionLogicalId, client);
        return this;
    }

    private DynamoDbClient dynamo(String functionLogicalId) {
        return tableClients.getOrDefault(functionLogicalId, dynamo);
    }

    /** The webhook function behind {@code GET|POST /webhooks/whatsapp} and {@code POST /webhooks/commerce}, with template.yaml's timeout. */
    public LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ingest(int timeoutSeconds) {
        return new LocalFunction<>(INGEST_FUNCTION, timeoutSeconds,
                () -> new IngestHandler(IngestHandler.Dependencies.builder().sqs(sqs).dynamo(dynamo(INGEST_FUNCTION))
                        .config(config).secrets(secrets).clock(clock).defaultPhoneRegion(PhoneNumbers.DEFAULT_REGION)
                        .build()));
    }

    /**
     * The scheduler function that {@code POST /_local/tick} (and the automatic ticks) invoke, with the simulated
     * clock, the Graph simulator and the same table as the other functions.
     */
    public LocalFunction<Map<String, Object>, Map<String, Object>> scheduler() {
        return new LocalFunction<>(SCHEDULER_FUNCTION, SCHEDULER_TIMEOUT_SECONDS, this::newSchedulerHandler);
    }

    /**
     * The function behind one SQS event source of the template.
     *
     * @throws IllegalStateException when the template's handler is not one the local cloud can build
     */
    public LocalFunction<SQSEvent, Object> forEventSource(QueueEventSource source) {
        BiFunction<String, DeadLetterQueue, RequestHandler<SQSEvent, ?>> factory =
                queueHandlers.get(handlerClass(source.handler()));
        if (factory == null) {
            throw new IllegalStateException("template.yaml gives " + source.functionLogicalId() + " the handler '"
                    + source.handler() + "', which the local cloud cannot build (it knows " + queueHandlers.keySet()
                    + "): add it to " + FunctionCatalog.class.getName());
        }
        DeadLetterQueue deadLetters = SqsDeadLetterQueue.orNone(sqs, deadLetterQueueUrls.get(source.queueLogicalId()));
        return new LocalFunction<>(source.functionLogicalId(), source.functionTimeoutSeconds(), () -> {
            RequestHandler<SQSEvent, ?> handler = factory.apply(source.functionLogicalId(), deadLetters);
            RequestHandler<SQSEvent, Object> untyped = handler::handleRequest;
            return untyped;
        });
    }

    /** Whether {@link #forEventSource} can build the handler named in the template. */
    public boolean knows(String handler) {
        return queueHandlers.containsKey(handlerClass(handler));
    }

    private GameHandler newGameHandler(String functionLogicalId, DeadLetterQueue deadLetters) {
        CapacityMeter meter = new CapacityMeter(); // one per execution environment, as on Lambda
        meters.add(meter);
        return new GameHandler(GameHandler.Dependencies.builder().dynamo(dynamo(functionLogicalId))
                .graph(new GraphApiClient(config, secrets, graphHttp, GRAPH_TIMEOUT)).config(config).clock(clock)
                .meter(meter).secrets(secrets).rewards(rewardQueue).deadLetters(deadLetters).build());
    }

    private RewardHandler newRewardHandler(String functionLogicalId, DeadLetterQueue deadLetters) {
        CapacityMeter meter = new CapacityMeter();
        meters.add(meter);
        CrmConfig crmConfig = CrmConfig.fromEnvironment(crm);
        StaticCrmSecrets crmSecrets = new StaticCrmSecrets(crm.get(CrmSecrets.HUBSPOT_ACCESS_TOKEN),
                crm.get(CrmSecrets.ZOHO_CLIENT_ID), crm.get(CrmSecrets.ZOHO_CLIENT_SECRET),
                crm.get(CrmSecrets.ZOHO_REFRESH_TOKEN), crm.get(CrmSecrets.WEBHOOK_SIGNING_SECRET));
        return new RewardHandler(RewardHandler.Dependencies.builder().dynamo(dynamo(functionLogicalId))
                .graph(new GraphApiClient(config, secrets, graphHttp, GRAPH_TIMEOUT)).config(config).crm(crmConfig)
                .crmSecrets(crmSecrets).clock(clock).meter(meter).deadLetters(deadLetters).build());
    }

    private SchedulerHandler newSchedulerHandler() {
        CapacityMeter meter = new CapacityMeter();
        meters.add(meter);
        return new SchedulerHandler(SchedulerHandler.Dependencies.builder().dynamo(dynamo(SCHEDULER_FUNCTION))
                .graph(new GraphApiClient(config, secrets, graphHttp, GRAPH_TIMEOUT)).config(config).clock(clock)
                .meter(meter).rewards(rewardQueue).build());
    }

    /** DynamoDB capacity the functions consumed so far (all environments). */
    public CapacityMeter.Reading capacity() {
        double read = 0;
        double write = 0;
        long requests = 0;
        for (CapacityMeter m : meters) {
            CapacityMeter.Reading r = m.reading();
            read += r.readUnits();
            write += r.writeUnits();
            requests += r.requests();
        }
        return new CapacityMeter.Reading(read, write, requests);
    }

    /** {@code io.playloop.game.GameHandler::handleRequest} → {@code io.playloop.game.GameHandler}. */
    public static String handlerClass(String handler) {
        int sep = handler.indexOf("::");
        return (sep < 0 ? handler : handler.substring(0, sep)).trim();
    }
}
