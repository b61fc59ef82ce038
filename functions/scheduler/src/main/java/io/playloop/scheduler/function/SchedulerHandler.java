package io.playloop.scheduler.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.CampaignSource;
import io.playloop.store.CampaignTable;
import io.playloop.config.AwsClients;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.Secrets;
import io.playloop.metrics.EmfMetrics;
import io.playloop.scheduling.RunSummary;
import io.playloop.scheduling.SchedulerService;
import io.playloop.store.CapacityMeter;
import io.playloop.whatsapp.outbound.GraphApi;
import io.playloop.whatsapp.outbound.GraphApiClient;
import io.playloop.whatsapp.outbound.GraphPayloads;
import io.playloop.whatsapp.outbound.TemplateMessage;
import io.playloop.whatsapp.outbound.TextMessage;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import io.playloop.config.EnvironmentVariables;
import io.playloop.rewards.RewardQueue;
import io.playloop.rewards.SqsRewardQueue;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The scheduler function: EventBridge Scheduler invokes it every few minutes (template.yaml's
 * {@code SchedulerRate}) and it runs one {@link SchedulerService#run} within the time Lambda leaves it:
 * reminders, expiry and throttling. Its input (the schedule's {@code Input}) is only logged: whatever it
 * holds, even nothing, a run does the same. The answer is the run's summary.
 */
public final class SchedulerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Resource {
    /** Kept back from the remaining time so the run's last write and the answer to Lambda fit before the timeout. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(10);
    /** The shortest budget a run gets, even when Lambda has less than the margin left. */
    static final Duration MINIMUM_BUDGET = Duration.ofSeconds(1);
    /** A direct call without a context (a tool, a test): as if the function's 300-s timeout had just begun. */
    static final Duration WITHOUT_CONTEXT = Duration.ofSeconds(300);
    /** The keys of the schedule's Input (template.yaml) that are logged with the run. */
    public static final List<String> SCHEDULE_ATTRIBUTES = List.of("scheduleArn", "scheduledTime", "executionId",
            "attemptNumber");
    private static final Duration GRAPH_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerHandler.class);

    private final Function<Duration, RunSummary> run;
    private final Runnable priming;
    private final EmfMetrics metrics;

    /** Called by the Lambda runtime: builds the clients once, from the environment, without calling AWS. */
    public SchedulerHandler() {
        this(fromEnvironment(System.getenv(), Clock.systemUTC()));
        Core.getGlobalContext().register(this);
    }

    /** A handler over these dependencies (tests, the local cloud). */
    public SchedulerHandler(Dependencies dependencies) {
        Dependencies d = Objects.requireNonNull(dependencies, "dependencies");
        if (d.run != null) {
            this.run = d.run;
            this.priming = d.priming != null ? d.priming : () -> { };
        } else {
            // One source for the function's life: its cache keeps the active campaign for a minute.
            CampaignSource campaigns = CampaignSource.withDemoFallback(
                    new CampaignTable(d.dynamo, d.config.tableName(), d.meter), d.clock);
            this.run = new SchedulerService(d.dynamo, d.config, d.graph, campaigns, d.clock, d.meter, d.rewards)::run;
            this.priming = d.priming != null ? d.priming : () -> primeReadOnly(campaigns);
        }
        this.metrics = d.metrics != null ? d.metrics
                : new EmfMetrics(new ObjectMapper(), System.out, Clock.systemUTC(), "scheduler");
    }

    private static Dependencies fromEnvironment(Map<String, String> env, Clock clock) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        PlayLoopConfig config = PlayLoopConfig.fromEnvironment(env);
        Secrets secrets = AwsClients.secrets(env, clock);
        return Dependencies.builder().dynamo(dynamo)
                .graph(new GraphApiClient(config, secrets,
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(), GRAPH_TIMEOUT))
                .config(config).clock(clock).rewards(rewardQueue(env)).build();
    }

    /** The rewards queue named by {@code PLAYLOOP_REWARDS_QUEUE_URL} (erasures for silence); none when unset. */
    private static RewardQueue rewardQueue(Map<String, String> env) {
        String url = env.get(EnvironmentVariables.REWARDS_QUEUE_URL);
        return url == null || url.isBlank() ? RewardQueue.NONE
                : SqsRewardQueue.fromEnvironment(AwsClients.sqs(env), url, env);
    }

    /**
     * Reads the active campaign (the pointer, and the campaign if one is pushed: GetItems only) and writes two
     * Graph payloads into memory, so the restored function has the DynamoDB client, the campaign parser and
     * Jackson warm. Nothing is written to the table and nothing is sent: a run is never started from here,
     * since a snapshot taken during a deploy must not message customers.
     */
    private static void primeReadOnly(CampaignSource campaigns) {
        campaigns.campaign();
        GraphPayloads payloads = new GraphPayloads(new ObjectMapper());
        payloads.toBytes(new TextMessage("+10000000000", "priming"));
        payloads.toBytes(new TemplateMessage("+10000000000", "priming", "en", List.of("priming")));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        try {
            priming.run();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("priming skipped");
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to do: SDK clients reconnect by themselves and no per-instance value is made at init.
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        if (context != null) {
            PowertoolsLogging.initializeLogging(context);
        }
        Duration budget = budget(context);
        RunSummary summary;
        try {
            summary = run.apply(budget);
        } catch (RuntimeException e) {
            // Lambda reports the error (the Errors alarm); the next scheduled run tries again.
            LOG.atError().addKeyValue("budgetMillis", budget.toMillis()).addKeyValue("errorType",
                    e.getClass().getSimpleName()).setCause(e).log("scheduler run failed");
            throw e;
        }
        Map<String, Object> answer = summary.toMap();
        metrics.counts(counts(summary));
        var event = LOG.atInfo().addKeyValue("budgetMillis", budget.toMillis());
        for (Map.Entry<String, Object> e : answer.entrySet()) {
            event = event.addKeyValue(e.getKey(), e.getValue());
        }
        if (input != null) {
            // Only the schedule's own attributes (template.yaml's Input): nothing else a caller passes is logged,
            // so no customer data can reach the logs through it.
            for (String key : SCHEDULE_ATTRIBUTES) {
                Object value = input.get(key);
                if (value != null) {
                    event = event.addKeyValue(key, value.toString());
                }
            }
        }
        event.log(summary.finished() ? "scheduler run finished" : "scheduler run stopped at its time budget");
        return answer;
    }

    /** The context's remaining time less {@link #SAFETY_MARGIN}, at least {@link #MINIMUM_BUDGET}. */
    static Duration budget(Context context) {
        Duration remaining = context == null ? WITHOUT_CONTEXT : Duration.ofMillis(context.getRemainingTimeInMillis());
        Duration budget = remaining.minus(SAFETY_MARGIN);
        return budget.compareTo(MINIMUM_BUDGET) < 0 ? MINIMUM_BUDGET : budget;
    }

    private static Map<String, Number> counts(RunSummary summary) {
        Map<String, Number> counts = new LinkedHashMap<>();
        counts.put("Due", summary.due());
        counts.put("Sent", summary.sent());
        counts.put("Templates", summary.templates());
        counts.put("Deferred", summary.deferred());
        counts.put("Skipped", summary.skipped());
        counts.put("Expired", summary.expired());
        counts.put("Failed", summary.failed());
        counts.put("Erasures", summary.erasures());
        counts.put("IndexItemsRead", summary.indexItemsRead());
        // 1 for a run that left nothing due, 0 for one stopped at its budget: a Minimum of 0 for a while means
        // the scheduler falls behind.
        counts.put("Finished", summary.finished() ? 1 : 0);
        return counts;
    }

    /**
     * What a scheduler handler runs on, built with {@link #builder()}: a table client, the Graph API and the
     * configuration (the handler builds its {@link SchedulerService} over them), or a ready {@code run} (unit tests).
     * Immutable.
     */
    public static final class Dependencies {
        private final DynamoDbClient dynamo;
        private final GraphApi graph;
        private final PlayLoopConfig config;
        private final Clock clock;
        private final CapacityMeter meter;
        private final RewardQueue rewards;
        private final Function<Duration, RunSummary> run;
        private final Runnable priming;
        private final EmfMetrics metrics;

        private Dependencies(Builder b) {
            this.dynamo = b.dynamo;
            this.graph = b.graph;
            this.config = b.config;
            this.clock = b.clock;
            this.meter = b.meter;
            this.rewards = b.rewards;
            this.run = b.run;
            this.priming = b.priming;
            this.metrics = b.metrics;
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
            private RewardQueue rewards = RewardQueue.NONE;
            private Function<Duration, RunSummary> run;
            private Runnable priming;
            private EmfMetrics metrics;

            private Builder() {
            }

            /** The table client: the due index, the customers' items, the campaigns. */
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

            /** Default: a new meter. */
            public Builder meter(CapacityMeter meter) {
                this.meter = Objects.requireNonNull(meter, "meter");
                return this;
            }

            /** Where customers silent past the retention are sent to be erased. Default: {@link RewardQueue#NONE}. */
            public Builder rewards(RewardQueue rewards) {
                this.rewards = Objects.requireNonNull(rewards, "rewards");
                return this;
            }

            /** One scheduler run for a time budget, instead of {@link SchedulerService#run} over the table (tests). */
            public Builder run(Function<Duration, RunSummary> run) {
                this.run = run;
                return this;
            }

            /**
             * What SnapStart runs before the snapshot: reads only, never a write or a send. Default: read the active
             * campaign and serialise two Graph payloads ({@link #primeReadOnly}); nothing with a {@code run} given.
             */
            public Builder priming(Runnable priming) {
                this.priming = priming;
                return this;
            }

            /** Where the run's counts go. Default: EMF lines on stdout (Lambda). */
            public Builder metrics(EmfMetrics metrics) {
                this.metrics = metrics;
                return this;
            }

            /** @throws IllegalStateException when neither a table (with graph and config) nor a {@code run} is set */
            public Dependencies build() {
                if (run == null && (dynamo == null || graph == null || config == null)) {
                    throw new IllegalStateException("a scheduler handler needs dynamo, graph and config, or a run");
                }
                return new Dependencies(this);
            }
        }
    }
}
