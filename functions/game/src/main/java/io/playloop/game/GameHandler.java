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
import io.playloop.games.quiz.OptionIds;
import io.playloop.logging.Masking;
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
import io.playloop.batch.DeadLetterQueue;
import io.playloop.batch.PartialBatch;
import io.playloop.batch.QueueRecord;
import io.playloop.batch.RetryBudget;
import io.playloop.batch.UnreadableRecordException;
import io.playloop.sqs.SqsDeadLetterQueue;
import io.playloop.store.DynamoRecordFailures;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Consumes the inbound FIFO queue (ReportBatchItemFailures): one record = one customer message,
 * processed exactly once by {@link MessageProcessor}, through the consumers' one partial-batch loop
 * ({@link PartialBatch}).
 *
 * <p>A record that fails stays on the queue with the later records of the same customer waiting behind it (their
 * order is kept, their own retries untouched); after its own budget ({@link #RETRY_BUDGET}) it is set aside alone
 * in the inbound dead-letter queue with its reason ({@code PLAYLOOP_INBOUND_DLQ_URL}) and the customer's later
 * messages go on: a STOP is never lost behind a poison record. Records of other customers are never held back.
 *
 * <p>Replays: the game applies every record it is given. The guard against a replay arriving after the message's
 * receipt expired is at the door, in ingest ({@code io.playloop.whatsapp.webhook.MessageWindow}): only a message
 * sent within the receipts' lifetime is queued. The game must not check the age itself: a record can wait in the
 * queue for days behind an outage and is still owed its processing.
 */
public final class GameHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    private static final Duration GRAPH_TIMEOUT = Duration.ofSeconds(10);
    /**
     * A record's own budget: 3 failures that retrying does not fix, or 20 of any kind (20 receives x 180 s
     * visibility = an hour of Graph API or DynamoDB outage ridden out). Both stay far under the inbound queue's
     * maxReceiveCount (template.yaml), which also counts the receives a record spends waiting behind others.
     */
    public static final RetryBudget RETRY_BUDGET = new RetryBudget(3, 20);
    /** A record is only started with this much time left: a Graph API call's timeout and a few seconds to answer. */
    static final Duration TIME_MARGIN = GRAPH_TIMEOUT.plusSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(GameHandler.class);

    private final MessageProcessor processor;
    private final PartialBatch batch;
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
        this(dynamo, config, AwsClients.secrets(env, clock), AwsClients.sqs(env), env, clock);
    }

    private GameHandler(DynamoDbClient dynamo, PlayLoopConfig config, Secrets secrets, SqsClient sqs,
                        Map<String, String> env, Clock clock) {
        this(dynamo,
                new GraphApiClient(config, secrets,
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(), GRAPH_TIMEOUT),
                config, clock, new CapacityMeter(), secrets, rewardQueue(sqs, env),
                deadLetterQueue(sqs, env.get(EnvironmentVariables.INBOUND_DLQ_URL)));
    }

    /** The rewards queue named by {@code PLAYLOOP_REWARDS_QUEUE_URL}; none when unset. */
    private static RewardQueue rewardQueue(SqsClient sqs, Map<String, String> env) {
        String url = env.get(EnvironmentVariables.REWARDS_QUEUE_URL);
        return url == null || url.isBlank() ? RewardQueue.NONE : SqsRewardQueue.fromEnvironment(sqs, url, env);
    }

    /** The inbound dead-letter queue; without one a record that used its budget stays (SQS's redrive backstop). */
    private static DeadLetterQueue deadLetterQueue(SqsClient sqs, String url) {
        if (url == null || url.isBlank()) {
            LOG.atWarn().log(EnvironmentVariables.INBOUND_DLQ_URL + " is not set: failing records cannot be set aside");
        }
        return SqsDeadLetterQueue.orNone(sqs, url);
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
        this(dynamo, graph, config, clock, meter, secrets, rewards, DeadLetterQueue.NONE);
    }

    /** The same, setting aside in {@code deadLetters} a record that used its own retry budget. */
    public GameHandler(DynamoDbClient dynamo, GraphApi graph, PlayLoopConfig config, Clock clock, CapacityMeter meter,
                       Secrets secrets, RewardQueue rewards, DeadLetterQueue deadLetters) {
        this(dynamo, graph, config, clock, meter,
                (Supplier<OptionIds>) () -> CampaignEngines.optionIdsFromAppSecret(secrets.appSecret()),
                () -> CampaignEngines.referralSecretFromAppSecret(secrets.appSecret()), rewards, deadLetters);
    }

    private GameHandler(DynamoDbClient dynamo, GraphApi graph, PlayLoopConfig config, Clock clock, CapacityMeter meter,
                        Supplier<OptionIds> optionIds, Supplier<byte[]> referralSecret, RewardQueue rewards) {
        this(dynamo, graph, config, clock, meter, optionIds, referralSecret, rewards, DeadLetterQueue.NONE);
    }

    private GameHandler(DynamoDbClient dynamo, GraphApi graph, PlayLoopConfig config, Clock clock, CapacityMeter meter,
                        Supplier<OptionIds> optionIds, Supplier<byte[]> referralSecret, RewardQueue rewards,
                        DeadLetterQueue deadLetters) {
        this(new MessageProcessor(new DynamoGameStore(dynamo, config.tableName(), meter),
                new CampaignEngines(CampaignSource.withDemoFallback(
                        new CampaignTable(dynamo, config.tableName(), meter), clock),
                        io.playloop.text.LanguageDefaults.bundled(), config.businessName(), optionIds, SecureRandom::new, referralSecret),
                graph, clock, new ObjectMapper(),
                new DynamoLeaderboardReader(dynamo, config.tableName(), meter), rewards),
                new PartialBatch(RETRY_BUDGET, new DynamoRecordFailures(dynamo, config.tableName(), meter), deadLetters,
                        clock, TIME_MARGIN),
                meter);
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

    GameHandler(MessageProcessor processor, PartialBatch batch, CapacityMeter meter) {
        ObjectMapper mapper = new ObjectMapper();
        this.processor = processor;
        this.batch = batch;
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
            LOG.atWarn().addKeyValue("error", Masking.error(e)).log("priming skipped");
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
        Map<ProcessingResult, Integer> results = new EnumMap<>(ProcessingResult.class);
        List<QueueRecord> records = event.getRecords() == null ? List.of() : event.getRecords().stream()
                .map(m -> QueueRecord.of(m.getMessageId(), m.getBody(), m.getAttributes(), m.getEventSourceArn()))
                .toList();
        PartialBatch.Report report = batch.run(records,
                context == null ? () -> Long.MAX_VALUE : context::getRemainingTimeInMillis,
                record -> results.merge(process(record), 1, Integer::sum));
        CapacityMeter.Reading capacity = meter.reading().minus(before);
        Map<String, Number> counts = new LinkedHashMap<>();
        counts.put("Records", records.size());
        counts.put("FailedRecords", report.failedIds().size());
        counts.put("ParkedRecords", report.parked());
        counts.put("DeferredRecords", report.deferred());
        results.forEach((result, n) -> counts.put(result.metricName(), n));
        counts.put("ReadUnits", capacity.readUnits());
        counts.put("WriteUnits", capacity.writeUnits());
        metrics.counts(counts);
        LOG.atInfo().addKeyValue("records", records.size())
                .addKeyValue("failed", report.retrying())
                .addKeyValue("waiting", report.waiting())
                .addKeyValue("deferred", report.deferred())
                .addKeyValue("parked", report.parked())
                .addKeyValue("results", results.toString())
                .addKeyValue("readUnits", capacity.readUnits())
                .addKeyValue("writeUnits", capacity.writeUnits())
                .addKeyValue("dynamoRequests", capacity.requests())
                .log("batch processed");
        return SQSBatchResponse.builder().withBatchItemFailures(report.failedIds().stream()
                .map(SQSBatchResponse.BatchItemFailure::new).toList()).build();
    }

    /** One record: the customer's chat messages and the shop's events share the queue, in one order. */
    private ProcessingResult process(QueueRecord record) {
        if (CommerceEventCodec.isCommerceRecord(record.body())) {
            return processor.processCommerce(read(() -> commerceCodec.read(record.body())), record.id());
        }
        InboundMessage message = read(() -> codec.read(record.body()));
        return processor.process(message, record.id());
    }

    private static <T> T read(Supplier<T> decode) {
        try {
            return decode.get();
        } catch (RuntimeException e) {
            throw new UnreadableRecordException("not an inbound record of this version", e);
        }
    }
}
