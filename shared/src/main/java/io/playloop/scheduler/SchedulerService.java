package io.playloop.scheduler;

import io.playloop.campaign.CampaignSource;
import io.playloop.config.PlayLoopConfig;
import io.playloop.store.CapacityMeter;
import io.playloop.whatsapp.outbound.GraphApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One scheduler run: reads what is due from the sparse time-bucket index, expires points and rewards, and sends
 * the reminders that pass the contact budget, the 24-hour window, the money budget and Meta's limits. Built once
 * per Lambda instance; {@link #run(Duration)} is called by each EventBridge Scheduler invocation (and by the
 * local cloud's {@code POST /_local/tick}).
 */
public final class SchedulerService {
    private final DynamoDbClient dynamo;
    private final PlayLoopConfig config;
    private final GraphApi graph;
    private final CampaignSource campaigns;
    private final Clock clock;
    private final CapacityMeter meter;

    public SchedulerService(DynamoDbClient dynamo, PlayLoopConfig config, GraphApi graph, CampaignSource campaigns,
                            Clock clock, CapacityMeter meter) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.config = Objects.requireNonNull(config, "config");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    /**
     * Runs until nothing is due or {@code timeBudget} is spent, whichever comes first.
     *
     * @param timeBudget how long the run may take (the Lambda's remaining time less a safety margin)
     */
    public RunSummary run(Duration timeBudget) {
        Instant started = clock.instant();
        // Filled in by the scheduler work (issue 5); the stub lets the function and the local cloud be wired.
        return new RunSummary(0, 0, 0, 0, 0, 0, 0, 0, true, Duration.between(started, clock.instant()));
    }
}
