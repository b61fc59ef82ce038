package io.playloop.reward;

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
import io.playloop.config.SecretsManagerSecrets;
import io.playloop.crm.SecretsManagerCrmSecrets;
import io.playloop.crm.CrmConfig;
import io.playloop.crm.CrmSecrets;
import io.playloop.crm.CrmSinks;
import io.playloop.crm.CrmSync;
import io.playloop.logging.Masking;
import io.playloop.rewards.RewardJob;
import io.playloop.rights.CustomerErasure;
import io.playloop.rewards.RewardJobCodec;
import io.playloop.rewards.RewardWorker;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.PoolCodes;
import io.playloop.whatsapp.outbound.GraphApi;
import io.playloop.whatsapp.outbound.GraphApiClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The reward function: reads reward jobs from the rewards FIFO queue (grouped by customer) and runs each with
 * {@link RewardWorker}. Partial batch failures: a job that fails, or must wait (a pool to refill, a CRM to come
 * back), is reported alone with the later jobs of the same customer, which keep their order behind it.
 */
public final class RewardHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** Time kept back from the function's remaining time for answering Lambda. */
    static final Duration MARGIN = Duration.ofSeconds(3);
    static final Duration GRAPH_TIMEOUT = Duration.ofSeconds(10);
    private static final String MESSAGE_GROUP_ID = "MessageGroupId";
    private static final Logger LOG = LoggerFactory.getLogger(RewardHandler.class);

    private final RewardWorker worker;
    private final RewardJobCodec codec = new RewardJobCodec(new ObjectMapper());
    private final Clock clock;

    /** Called by the Lambda runtime: builds the clients once, from the environment, without calling AWS. */
    public RewardHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    private RewardHandler(Map<String, String> env, Clock clock) {
        this(AwsClients.dynamoDb(env), PlayLoopConfig.fromEnvironment(env), AwsClients.secrets(env, clock),
                CrmConfig.fromEnvironment(env), clock);
    }

    private RewardHandler(DynamoDbClient dynamo, PlayLoopConfig config, Secrets secrets, CrmConfig crm, Clock clock) {
        // The CRM tokens live in the same secret: read through the same cache.
        this(dynamo, config, secrets, crm, secrets instanceof SecretsManagerSecrets s ? new SecretsManagerCrmSecrets(s)
                : null, clock);
    }

    private RewardHandler(DynamoDbClient dynamo, PlayLoopConfig config, Secrets secrets, CrmConfig crm,
                          CrmSecrets crmSecrets, Clock clock) {
        this(dynamo, new GraphApiClient(config, secrets, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .build(), GRAPH_TIMEOUT), config, crm, crmSecrets, clock, new CapacityMeter());
    }

    /**
     * A handler over these clients (tests, the local cloud).
     *
     * @param crmSecrets the CRM tokens, or null when no CRM is configured
     */
    public RewardHandler(DynamoDbClient dynamo, GraphApi graph, PlayLoopConfig config, CrmConfig crm,
                         CrmSecrets crmSecrets, Clock clock, CapacityMeter meter) {
        this(new RewardWorker(new DynamoGameStore(dynamo, config.tableName(), meter),
                new PoolCodes(dynamo, config.tableName(), meter),
                // One source for the function's life: its cache keeps the active campaign for a minute.
                CampaignSource.withDemoFallback(new CampaignTable(dynamo, config.tableName(), meter), clock)::campaign,
                graph, crmSync(crm, crmSecrets, clock), new CustomerErasure(dynamo, config.tableName(), meter, clock),
                clock), clock);
    }

    RewardHandler(RewardWorker worker, Clock clock) {
        this.worker = worker;
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
        Instant deadline = context == null ? clock.instant().plus(Duration.ofSeconds(20))
                : clock.instant().plusMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        for (SQSEvent.SQSMessage record : event.getRecords() == null ? List.<SQSEvent.SQSMessage>of() : event.getRecords()) {
            String group = record.getAttributes() == null ? null : record.getAttributes().get(MESSAGE_GROUP_ID);
            if (group != null && failedGroups.contains(group)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                continue;
            }
            boolean done;
            try {
                RewardJob job = codec.read(record.getBody());
                done = worker.run(job, deadline) == RewardWorker.Result.DONE;
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("record", record.getMessageId())
                        .addKeyValue("customer", group == null ? null : Masking.phone(group))
                        .addKeyValue("error", e.toString()).log("reward job failed; it will be retried");
                done = false;
            }
            if (!done) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                if (group != null) {
                    failedGroups.add(group);
                }
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
