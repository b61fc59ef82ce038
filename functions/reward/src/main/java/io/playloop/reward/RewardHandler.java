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
import java.util.List;
import java.util.Map;
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
    private final PartialBatch batch;
    private final RewardJobCodec codec = new RewardJobCodec(new ObjectMapper());
    private final Clock clock;

    /** Called by the Lambda runtime: builds the clients once, from the environment, without calling AWS. */
    public RewardHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    private RewardHandler(Map<String, String> env, Clock clock) {
        this(AwsClients.dynamoDb(env), PlayLoopConfig.fromEnvironment(env), AwsClients.secrets(env, clock),
                CrmConfig.fromEnvironment(env),
                SqsDeadLetterQueue.orNone(AwsClients.sqs(env), env.get(EnvironmentVariables.REWARDS_DLQ_URL)), clock);
    }

    private RewardHandler(DynamoDbClient dynamo, PlayLoopConfig config, Secrets secrets, CrmConfig crm,
                          DeadLetterQueue deadLetters, Clock clock) {
        // The CRM tokens live in the same secret: read through the same cache.
        this(dynamo, new GraphApiClient(config, secrets, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                        .build(), GRAPH_TIMEOUT), config, crm,
                secrets instanceof SecretsManagerSecrets s ? new SecretsManagerCrmSecrets(s) : null, clock,
                new CapacityMeter(), deadLetters);
    }

    /**
     * A handler over these clients (tests, the local cloud), without a dead-letter queue of its own: a job that
     * used its budget stays until SQS's redrive takes it.
     *
     * @param crmSecrets the CRM tokens, or null when no CRM is configured
     */
    public RewardHandler(DynamoDbClient dynamo, GraphApi graph, PlayLoopConfig config, CrmConfig crm,
                         CrmSecrets crmSecrets, Clock clock, CapacityMeter meter) {
        this(dynamo, graph, config, crm, crmSecrets, clock, meter, DeadLetterQueue.NONE);
    }

    /**
     * A handler over these clients that sets aside in {@code deadLetters} a job that used its own retry budget.
     *
     * @param crmSecrets the CRM tokens, or null when no CRM is configured
     */
    public RewardHandler(DynamoDbClient dynamo, GraphApi graph, PlayLoopConfig config, CrmConfig crm,
                         CrmSecrets crmSecrets, Clock clock, CapacityMeter meter, DeadLetterQueue deadLetters) {
        this(new RewardWorker(new DynamoGameStore(dynamo, config.tableName(), meter),
                new PoolCodes(dynamo, config.tableName(), meter),
                // One source for the function's life: its cache keeps the active campaign for a minute.
                CampaignSource.withDemoFallback(new CampaignTable(dynamo, config.tableName(), meter), clock)::campaign,
                graph, crmSync(crm, crmSecrets, clock), new CustomerErasure(dynamo, config.tableName(), meter, clock),
                clock),
                new PartialBatch(RETRY_BUDGET, new DynamoRecordFailures(dynamo, config.tableName(), meter), deadLetters,
                        clock, TIME_MARGIN), clock);
    }

    RewardHandler(RewardWorker worker, PartialBatch batch, Clock clock) {
        this.worker = worker;
        this.batch = batch;
        this.clock = clock;
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
        List<QueueRecord> records = event.getRecords() == null ? List.of() : event.getRecords().stream()
                .map(m -> QueueRecord.of(m.getMessageId(), m.getBody(), m.getAttributes(), m.getEventSourceArn()))
                .toList();
        PartialBatch.Report report = batch.run(records,
                context == null ? () -> Long.MAX_VALUE : context::getRemainingTimeInMillis,
                record -> run(record, context));
        LOG.atInfo().addKeyValue("records", records.size()).addKeyValue("failed", report.retrying())
                .addKeyValue("waiting", report.waiting()).addKeyValue("deferred", report.deferred())
                .addKeyValue("parked", report.parked()).log("reward batch processed");
        return SQSBatchResponse.builder().withBatchItemFailures(report.failedIds().stream()
                .map(SQSBatchResponse.BatchItemFailure::new).toList()).build();
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
}
