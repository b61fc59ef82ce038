package io.playloop.game;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.CampaignSource;
import io.playloop.store.CampaignTable;
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
import io.playloop.store.DynamoStandings;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import io.playloop.whatsapp.outbound.GraphApi;
import io.playloop.whatsapp.outbound.GraphApiClient;
import io.playloop.batch.DeadLetterQueue;
import io.playloop.batch.PartialBatch;
import io.playloop.batch.QueueRecord;
import io.playloop.batch.RecordFailures;
import io.playloop.batch.RetryBudget;
import io.playloop.batch.SqsBatchLoop;
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
import java.util.Map;
import java.util.Objects;
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
    private final SqsBatchLoop loop;
    private final InboundMessageCodec codec;
    private final CommerceEventCodec commerceCodec;
    private final CapacityMeter meter;
    private final EmfMetrics metrics;

    /** Called by the Lambda runtime: builds the clients once, from the environment, without calling AWS. */
    public GameHandler() {
        this(fromEnvironment(System.getenv(), Clock.systemUTC()));
        Core.getGlobalContext().register(this);
    }

    /** A handler over these dependencies (tests, the local cloud, benchmarks). */
    public GameHandler(Dependencies dependencies) {
        Dependencies d = Objects.requireNonNull(dependencies, "dependencies");
        ObjectMapper mapper = new ObjectMapper();
        this.processor = d.processor != null ? d.processor : processorOverTable(d);
        RecordFailures failures = d.recordFailures != null ? d.recordFailures
                : new DynamoRecordFailures(d.dynamo, d.config.tableName(), d.meter);
        this.loop = new SqsBatchLoop(new PartialBatch(RETRY_BUDGET, failures, d.deadLetters, d.clock, TIME_MARGIN));
        this.codec = new InboundMessageCodec(mapper);
        this.commerceCodec = new CommerceEventCodec(mapper);
        this.meter = d.meter;
        this.metrics = new EmfMetrics(mapper, System.out, Clock.systemUTC(), "game");
    }

    private static Dependencies fromEnvironment(Map<String, String> env, Clock clock) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        PlayLoopConfig config = PlayLoopConfig.fromEnvironment(env);
        Secrets secrets = AwsClients.secrets(env, clock);
        SqsClient sqs = AwsClients.sqs(env);
        return Dependencies.builder().dynamo(dynamo)
                .graph(new GraphApiClient(config, secrets,
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(), GRAPH_TIMEOUT))
                .config(config).clock(clock).secrets(secrets).rewards(rewardQueue(sqs, env))
                .deadLetters(deadLetterQueue(sqs, env.get(EnvironmentVariables.INBOUND_DLQ_URL))).build();
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
     * The processor over the table. With secrets, quiz ids and referral codes are signed with keys derived from the
     * app secret ({@link CampaignEngines#optionIdsFromAppSecret}), asked per message so a rotation is picked up;
     * without, with keys made for this instance only (tests and tools where one JVM both asks and judges). Draws use
     * a new {@link SecureRandom} each, never one made at SnapStart initialisation.
     */
    private static MessageProcessor processorOverTable(Dependencies d) {
        Supplier<OptionIds> optionIds = d.secrets == null ? instanceOptionIds()
                : () -> CampaignEngines.optionIdsFromAppSecret(d.secrets.appSecret());
        Supplier<byte[]> referralSecret = d.secrets == null ? instanceSecret()
                : () -> CampaignEngines.referralSecretFromAppSecret(d.secrets.appSecret());
        return new MessageProcessor(new DynamoGameStore(d.dynamo, d.config.tableName(), d.meter),
                new CampaignEngines(CampaignSource.withDemoFallback(
                        new CampaignTable(d.dynamo, d.config.tableName(), d.meter), d.clock),
                        io.playloop.text.LanguageDefaults.bundled(), d.config.businessName(), optionIds, SecureRandom::new,
                        referralSecret),
                d.graph, d.clock, new ObjectMapper(),
                new DynamoStandings(d.dynamo, d.config.tableName(), d.meter), d.rewards);
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
        SqsBatchLoop.Result batch = loop.run(event, context,
                record -> results.merge(process(record), 1, Integer::sum));
        PartialBatch.Report report = batch.report();
        CapacityMeter.Reading capacity = meter.reading().minus(before);
        Map<String, Number> counts = new LinkedHashMap<>();
        counts.put("Records", batch.records());
        counts.put("FailedRecords", report.failedIds().size());
        counts.put("ParkedRecords", report.parked());
        counts.put("DeferredRecords", report.deferred());
        results.forEach((result, n) -> counts.put(result.metricName(), n));
        counts.put("ReadUnits", capacity.readUnits());
        counts.put("WriteUnits", capacity.writeUnits());
        metrics.counts(counts);
        LOG.atInfo().addKeyValue("records", batch.records())
                .addKeyValue("failed", report.retrying())
                .addKeyValue("waiting", report.waiting())
                .addKeyValue("deferred", report.deferred())
                .addKeyValue("parked", report.parked())
                .addKeyValue("results", results.toString())
                .addKeyValue("readUnits", capacity.readUnits())
                .addKeyValue("writeUnits", capacity.writeUnits())
                .addKeyValue("dynamoRequests", capacity.requests())
                .log("batch processed");
        return batch.response();
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

    /**
     * What a game handler runs on, built with {@link #builder()}: a table client, the Graph API and the configuration
     * (the handler builds its processor over them), or a ready {@code processor} and {@code recordFailures} (unit
     * tests over an in-memory store). Immutable.
     */
    public static final class Dependencies {
        private final DynamoDbClient dynamo;
        private final GraphApi graph;
        private final PlayLoopConfig config;
        private final Clock clock;
        private final CapacityMeter meter;
        private final Secrets secrets;
        private final RewardQueue rewards;
        private final DeadLetterQueue deadLetters;
        private final MessageProcessor processor;
        private final RecordFailures recordFailures;

        private Dependencies(Builder b) {
            this.dynamo = b.dynamo;
            this.graph = b.graph;
            this.config = b.config;
            this.clock = b.clock;
            this.meter = b.meter;
            this.secrets = b.secrets;
            this.rewards = b.rewards;
            this.deadLetters = b.deadLetters;
            this.processor = b.processor;
            this.recordFailures = b.recordFailures;
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Dependencies}; what is not set takes the default its setter names. */
        public static final class Builder {
            private DynamoDbClient dynamo;
            private GraphApi graph;
            private PlayLoopConfig config;
            private Clock clock = Clock.systemUTC();
            private CapacityMeter meter = new CapacityMeter();
            private Secrets secrets;
            private RewardQueue rewards = RewardQueue.NONE;
            private DeadLetterQueue deadLetters = DeadLetterQueue.NONE;
            private MessageProcessor processor;
            private RecordFailures recordFailures;

            private Builder() {
            }

            /** The table client: the store, the campaigns, the leaderboards and the records' failure counts. */
            public Builder dynamo(DynamoDbClient dynamo) {
                this.dynamo = dynamo;
                return this;
            }

            public Builder graph(GraphApi graph) {
                this.graph = graph;
                return this;
            }

            public Builder config(PlayLoopConfig config) {
                this.config = config;
                return this;
            }

            /** Default: the system's UTC clock. */
            public Builder clock(Clock clock) {
                this.clock = Objects.requireNonNull(clock, "clock");
                return this;
            }

            /** Default: a new meter (one per execution environment, as on Lambda). */
            public Builder meter(CapacityMeter meter) {
                this.meter = Objects.requireNonNull(meter, "meter");
                return this;
            }

            /**
             * The app secret, from which quiz ids and referral codes are signed. Default: none, and keys made for
             * this instance only (tests and tools where one JVM both asks and judges).
             */
            public Builder secrets(Secrets secrets) {
                this.secrets = secrets;
                return this;
            }

            /** Where reward jobs (pool codes, CRM syncs) go. Default: {@link RewardQueue#NONE}. */
            public Builder rewards(RewardQueue rewards) {
                this.rewards = Objects.requireNonNull(rewards, "rewards");
                return this;
            }

            /** Where a record that used its own retry budget is set aside. Default: {@link DeadLetterQueue#NONE}. */
            public Builder deadLetters(DeadLetterQueue deadLetters) {
                this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
                return this;
            }

            /** A processor to use instead of the one built over the table (unit tests). */
            public Builder processor(MessageProcessor processor) {
                this.processor = processor;
                return this;
            }

            /** The records' failure counts, instead of the table's (unit tests). */
            public Builder recordFailures(RecordFailures recordFailures) {
                this.recordFailures = recordFailures;
                return this;
            }

            /** @throws IllegalStateException when neither a table (with graph and config) nor its stand-ins are set */
            public Dependencies build() {
                if (processor == null && (dynamo == null || graph == null || config == null)) {
                    throw new IllegalStateException("a game handler needs dynamo, graph and config, or a processor");
                }
                if (recordFailures == null && (dynamo == null || config == null)) {
                    throw new IllegalStateException("a game handler needs dynamo and config, or recordFailures");
                }
                return new Dependencies(this);
            }
        }
    }
}
