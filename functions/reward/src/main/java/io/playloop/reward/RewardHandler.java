package io.playloop.reward;

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
import io.playloop.config.SecretsManagerSecrets;
import io.playloop.batch.DeadLetterQueue;
import io.playloop.batch.PartialBatch;
import io.playloop.batch.QueueRecord;
import io.playloop.batch.SqsBatchLoop;
import io.playloop.batch.RetryBudget;
import io.playloop.batch.RetryLaterException;
import io.playloop.batch.UnreadableRecordException;
import io.playloop.config.EnvironmentVariables;
import io.playloop.crm.SecretsManagerCrmSecrets;
import io.playloop.crm.CrmConfig;
import io.playloop.crm.CrmSecrets;
import io.playloop.crm.CrmSinks;
import io.playloop.crm.CrmSync;
import io.playloop.rewards.RewardJob;
import io.playloop.rights.CustomerErasure;
import io.playloop.rewards.RewardJobCodec;
import io.playloop.rewards.RewardWorker;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.DynamoRecordFailures;
import io.playloop.sqs.SqsDeadLetterQueue;
import io.playloop.store.PoolCodes;
import io.playloop.whatsapp.outbound.GraphApi;
import io.playloop.whatsapp.outbound.GraphApiClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The reward function: reads reward jobs from the rewards FIFO queue (grouped by customer) and runs each with
 * {@link RewardWorker}, through the consumers' one partial-batch loop ({@link PartialBatch}): a job that fails, or
 * must wait (a pool to refill, a CRM to come back), stays on the queue with the later jobs of the same customer
 * waiting behind it (in order, their own retries untouched); after its own budget ({@link #RETRY_BUDGET}: an hour
 * of CRM outage ridden out) it is set aside alone in the rewards dead-letter queue with its reason.
 */
public final class RewardHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** Time kept back from the function's remaining time for answering Lambda. */
    static final Duration MARGIN = Duration.ofSeconds(3);
    static final Duration GRAPH_TIMEOUT = Duration.ofSeconds(10);
    /**
     * A job's own budget: 3 failures retrying does not fix, or 20 of any kind (20 receives x 180 s visibility: an
     * hour of CRM outage or of an empty coupon pool), far under the rewards queue's maxReceiveCount (template.yaml).
     */
    public static final RetryBudget RETRY_BUDGET = new RetryBudget(3, 20);
    /** A job is only started with this much time left: a Graph API call's timeout and the margin to answer. */
    static final Duration TIME_MARGIN = GRAPH_TIMEOUT.plus(MARGIN);
    private static final Logger LOG = LoggerFactory.getLogger(RewardHandler.class);

    private final RewardWorker worker;
    private final SqsBatchLoop loop;
    private final RewardJobCodec codec = new RewardJobCodec(new ObjectMapper());
    private final Clock clock;

    /** Called by the Lambda runtime: builds the clients once, from the environment, without calling AWS. */
    public RewardHandler() {
        this(fromEnvironment(System.getenv(), Clock.systemUTC()));
    }

    /** A handler over these dependencies (tests, the local cloud). */
    public RewardHandler(Dependencies dependencies) {
        Dependencies d = Objects.requireNonNull(dependencies, "dependencies");
        this.worker = new RewardWorker(new DynamoGameStore(d.dynamo, d.config.tableName(), d.meter),
                new PoolCodes(d.dynamo, d.config.tableName(), d.meter),
                // One source for the function's life: its cache keeps the active campaign for a minute.
                CampaignSource.withDemoFallback(new CampaignTable(d.dynamo, d.config.tableName(), d.meter), d.clock)
                        ::campaign,
                d.graph, crmSync(d.crm, d.crmSecrets, d.clock),
                new CustomerErasure(d.dynamo, d.config.tableName(), d.meter, d.clock), d.clock);
        this.loop = new SqsBatchLoop(new PartialBatch(RETRY_BUDGET,
                new DynamoRecordFailures(d.dynamo, d.config.tableName(), d.meter), d.deadLetters, d.clock,
                TIME_MARGIN));
        this.clock = d.clock;
    }

    private static Dependencies fromEnvironment(Map<String, String> env, Clock clock) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        PlayLoopConfig config = PlayLoopConfig.fromEnvironment(env);
        Secrets secrets = AwsClients.secrets(env, clock);
        return Dependencies.builder().dynamo(dynamo)
                .graph(new GraphApiClient(config, secrets, HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(3)).build(), GRAPH_TIMEOUT))
                .config(config).clock(clock).crm(CrmConfig.fromEnvironment(env))
                // The CRM tokens live in the same secret: read through the same cache.
                .crmSecrets(secrets instanceof SecretsManagerSecrets s ? new SecretsManagerCrmSecrets(s) : null)
                .deadLetters(SqsDeadLetterQueue.orNone(AwsClients.sqs(env),
                        env.get(EnvironmentVariables.REWARDS_DLQ_URL))).build();
    }

    private static Optional<CrmSync> crmSync(CrmConfig config, CrmSecrets secrets, Clock clock) {
        if (config.sinks().isEmpty() || secrets == null) {
            return Optional.empty();
        }
        return Optional.of(CrmSinks.sync(config, secrets, clock));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        if (context != null) {
            PowertoolsLogging.initializeLogging(context);
        }
        SqsBatchLoop.Result batch = loop.run(event, context, record -> run(record, context));
        PartialBatch.Report report = batch.report();
        LOG.atInfo().addKeyValue("records", batch.records()).addKeyValue("failed", report.retrying())
                .addKeyValue("waiting", report.waiting()).addKeyValue("deferred", report.deferred())
                .addKeyValue("parked", report.parked()).log("reward batch processed");
        return batch.response();
    }

    /** One job; a job that must wait (a pool to refill, a CRM to come back) is retried like a transient failure. */
    private void run(QueueRecord record, Context context) {
        RewardJob job;
        try {
            job = codec.read(record.body());
        } catch (RuntimeException e) {
            throw new UnreadableRecordException("not a reward job of this version", e);
        }
        // The CRM sync may use the time left less the margin to answer; the loop only starts a job with enough.
        Instant deadline = context == null ? clock.instant().plus(Duration.ofSeconds(20))
                : clock.instant().plusMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
        if (worker.run(job, deadline) != RewardWorker.Result.DONE) {
            throw new RetryLaterException("the reward job must wait (a coupon pool to refill, a CRM to come back)");
        }
    }

    /** What a reward handler runs on, built with {@link #builder()}. Immutable. */
    public static final class Dependencies {
        private final DynamoDbClient dynamo;
        private final GraphApi graph;
        private final PlayLoopConfig config;
        private final CrmConfig crm;
        private final CrmSecrets crmSecrets;
        private final Clock clock;
        private final CapacityMeter meter;
        private final DeadLetterQueue deadLetters;

        private Dependencies(Builder b) {
            this.dynamo = b.dynamo;
            this.graph = b.graph;
            this.config = b.config;
            this.crm = b.crm;
            this.crmSecrets = b.crmSecrets;
            this.clock = b.clock;
            this.meter = b.meter;
            this.deadLetters = b.deadLetters;
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Dependencies}; what is not set takes the default its setter names. */
        public static final class Builder {
            private DynamoDbClient dynamo;
            private GraphApi graph;
            private PlayLoopConfig config;
            private CrmConfig crm = CrmConfig.fromEnvironment(Map.of());
            private CrmSecrets crmSecrets;
            private Clock clock = Clock.systemUTC();
            private CapacityMeter meter = new CapacityMeter();
            private DeadLetterQueue deadLetters = DeadLetterQueue.NONE;

            private Builder() {
            }

            /** The table client: the store, the coupon pools, the campaigns, erasures and the jobs' failure counts. */
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

            /** The CRMs to sync. Default: none. */
            public Builder crm(CrmConfig crm) {
                this.crm = Objects.requireNonNull(crm, "crm");
                return this;
            }

            /** The CRM tokens. Default: none, and no CRM sync. */
            public Builder crmSecrets(CrmSecrets crmSecrets) {
                this.crmSecrets = crmSecrets;
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
             * Where a job that used its own retry budget is set aside. Default: {@link DeadLetterQueue#NONE}, and the
             * job stays until SQS's redrive takes it.
             */
            public Builder deadLetters(DeadLetterQueue deadLetters) {
                this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
                return this;
            }

            /** @throws IllegalStateException without a table client, the Graph API or the configuration */
            public Dependencies build() {
                if (dynamo == null || graph == null || config == null) {
                    throw new IllegalStateException("a reward handler needs dynamo, graph and config");
                }
                return new Dependencies(this);
            }
        }
    }
}
