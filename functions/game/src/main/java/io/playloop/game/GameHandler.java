package io.playloop.game;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.CampaignSource;
import io.playloop.campaign.CampaignTable;
import io.playloop.config.AwsClients;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.Secrets;
import io.playloop.engine.MessageCatalog;
import io.playloop.games.quiz.OptionIds;
import io.playloop.metrics.EmfMetrics;
import io.playloop.store.CapacityMeter;
import io.playloop.commerce.CommerceEventCodec;
import io.playloop.config.EnvironmentVariables;
import io.playloop.rewards.RewardQueue;
import io.playloop.rewards.SqsRewardQueue;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.DynamoLeaderboardReader;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import io.playloop.whatsapp.outbound.GraphApi;
import io.playloop.whatsapp.outbound.GraphApiClient;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Consumes the inbound FIFO queue (ReportBatchItemFailures): one record = one customer message,
 * processed exactly once by {@link MessageProcessor}.
 *
 * <p>A record that fails is reported alone, together with the later records of the same message
 * group (the same customer), so that customer's messages keep their order; records of other customers
 * in the batch are processed and deleted, so a poison record never holds anyone else back.
 */
public final class GameHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    static final String MESSAGE_GROUP_ID = "MessageGroupId";
    private static final Duration GRAPH_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(GameHandler.class);

    private final MessageProcessor processor;
    private final InboundMessageCodec codec;
    private final CommerceEventCodec commerceCodec;
    private final CapacityMeter meter;
    private final EmfMetrics metrics;

    /** Called by the Lambda runtime: builds the clients once, from the environment, without calling AWS. */
    public GameHandler() {
        this(System.getenv(), Clock.systemUTC());
        Core.getGlobalContext().register(this);
    }

    private GameHandler(Map<String, String> env, Clock clock) {
        this(AwsClients.dynamoDb(env), PlayLoopConfig.fromEnvironment(env), env, clock);
    }

    private GameHandler(DynamoDbClient dynamo, PlayLoopConfig config, Map<String, String> env, Clock clock) {
        this(dynamo, config, AwsClients.secrets(env, clock), rewardQueue(env), clock);
    }

    private GameHandler(DynamoDbClient dynamo, PlayLoopConfig config, Secrets secrets, RewardQueue rewards,
                        Clock clock) {
        this(dynamo,
                new GraphApiClient(config, secrets,
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(), GRAPH_TIMEOUT),
                config, clock, new CapacityMeter(), secrets, rewards);
    }

    /** The rewards queue named by {@code PLAYLOOP_REWARDS_QUEUE_URL}; none when unset. */
    private static RewardQueue rewardQueue(Map<String, String> env) {
        String url = env.get(EnvironmentVariables.REWARDS_QUEUE_URL);
        return url == null || url.isBlank() ? RewardQueue.NONE
                : SqsRewardQueue.fromEnvironment(AwsClients.sqs(env), url, env);
    }

    /**
     * A handler whose quiz ids are signed with a key made for this instance only: for tests and tools
     * where one JVM both asks and judges.
     */
    public GameHandler(DynamoDbClient dynamo, GraphApi graph, PlayLoopConfig config, Clock clock, CapacityMeter meter) {
        this(dynamo, graph, config, clock, meter, instanceOptionIds(), instanceSecret(), RewardQueue.NONE);
    }

    /**
     * A handler whose quiz ids are signed with a key derived from the app secret
     * ({@link CampaignEngines#optionIdsFromAppSecret}), asked per message so a rotation is picked up.
     * Draws use a new {@link SecureRandom} each, never one made at SnapStart initialisation.
     */
    public GameHandler(DynamoDbClient dynamo, GraphApi graph, PlayLoopConfig config, Clock clock, CapacityMeter meter,
                       Secrets secrets) {
        this(dynamo, graph, config, clock, meter, secrets, RewardQueue.NONE);
    }

    /** The same, handing reward jobs (pool codes, CRM syncs) to {@code rewards}. */
    public GameHandler(DynamoDbClient dynamo, GraphApi graph, PlayLoopConfig config, Clock clock, CapacityMeter meter,
                       Secrets secrets, RewardQueue rewards) {
        this(dynamo, graph, config, clock, meter,
                (Supplier<OptionIds>) () -> CampaignEngines.optionIdsFromAppSecret(secrets.appSecret()),
                () -> CampaignEngines.referralSecretFromAppSecret(secrets.appSecret()), rewards);
    }

    private GameHandler(DynamoDbClient dynamo, GraphApi graph, PlayLoopConfig config, Clock clock, CapacityMeter meter,
                        Supplier<OptionIds> optionIds, Supplier<byte[]> referralSecret, RewardQueue rewards) {
        this(new MessageProcessor(new DynamoGameStore(dynamo, config.tableName(), meter),
                new CampaignEngines(CampaignSource.withDemoFallback(
                        new CampaignTable(dynamo, config.tableName(), meter), clock),
                        MessageCatalog.bundled(), config.businessName(), optionIds, SecureRandom::new, referralSecret),
                graph, clock, new ObjectMapper(),
                new DynamoLeaderboardReader(dynamo, config.tableName(), meter), rewards), meter);
    }

    private static Supplier<byte[]> instanceSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return () -> secret;
    }

    private static Supplier<OptionIds> instanceOptionIds() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        OptionIds ids = new OptionIds(key);
        return () -> ids;
    }

    GameHandler(MessageProcessor processor, CapacityMeter meter) {
        ObjectMapper mapper = new ObjectMapper();
        this.processor = processor;
        this.codec = new InboundMessageCodec(mapper);
        this.commerceCodec = new CommerceEventCodec(mapper);
        this.meter = meter;
        this.metrics = new EmfMetrics(mapper, System.out, Clock.systemUTC(), "game");
    }

    /**
     * SnapStart: before the snapshot, run a synthetic message through the read-only half of the path
     * (record parsing, a table read, the rules, reply serialisation) so the restored function starts
     * warm. Nothing is written and nothing is sent; a failure only costs the priming.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        try {
            prime();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("priming skipped");
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to do: SDK clients reconnect by themselves and no per-instance value is made at init.
    }

    void prime() {
        String body = "{\"v\":1,\"wamid\":\"wamid.PRIMING\",\"customerKey\":\"priming\",\"waId\":\"10000000000\","
                + "\"sentAt\":" + Instant.now().getEpochSecond() + ",\"type\":\"text\",\"text\":\"POINTS\"}";
        processor.rehearse(codec.read(body));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        if (context != null) {
            PowertoolsLogging.initializeLogging(context);
        }
        CapacityMeter.Reading before = meter.reading();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        Map<ProcessingResult, Integer> results = new EnumMap<>(ProcessingResult.class);
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            String group = record.getAttributes() == null ? null : record.getAttributes().get(MESSAGE_GROUP_ID);
            if (group != null && failedGroups.contains(group)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                continue; // keep this customer's order: it waits behind the failed record
            }
            try {
                // The inbound queue carries the customer's chat messages and the shop's events, in one order.
                if (CommerceEventCodec.isCommerceRecord(record.getBody())) {
                    results.merge(processor.processCommerce(commerceCodec.read(record.getBody()),
                            record.getMessageId()), 1, Integer::sum);
                } else {
                    InboundMessage message = codec.read(record.getBody());
                    results.merge(processor.process(message, record.getMessageId()), 1, Integer::sum);
                }
            } catch (RuntimeException e) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                if (group != null) {
                    failedGroups.add(group);
                }
                LOG.atWarn().addKeyValue("sqsMessageId", record.getMessageId())
                        .addKeyValue("receiveCount", record.getAttributes() == null ? null
                                : record.getAttributes().get("ApproximateReceiveCount"))
                        .addKeyValue("errorType", e.getClass().getSimpleName())
                        .setCause(e)
                        .log("inbound record failed; it will be retried, then dead-lettered");
            }
        }
        CapacityMeter.Reading capacity = meter.reading().minus(before);
        Map<String, Number> counts = new LinkedHashMap<>();
        counts.put("Records", records.size());
        counts.put("FailedRecords", failures.size());
        results.forEach((result, n) -> counts.put(result.metricName(), n));
        counts.put("ReadUnits", capacity.readUnits());
        counts.put("WriteUnits", capacity.writeUnits());
        metrics.counts(counts);
        LOG.atInfo().addKeyValue("records", records.size())
                .addKeyValue("failed", failures.size())
                .addKeyValue("results", results.toString())
                .addKeyValue("readUnits", capacity.readUnits())
                .addKeyValue("writeUnits", capacity.writeUnits())
                .addKeyValue("dynamoRequests", capacity.requests())
                .log("batch processed");
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
