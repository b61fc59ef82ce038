package io.playloop.scheduling;

import io.playloop.campaign.CampaignSource;
import io.playloop.config.PlayLoopConfig;
import io.playloop.outreach.SendPacer;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoLeaderboardReader;
import io.playloop.store.DynamoSchedulerStore;
import io.playloop.whatsapp.outbound.GraphApi;
import java.time.Clock;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds a {@link SchedulerService} on a given monotonic clock and pacing sleeper (benchmarks, tests). */
public final class SchedulerFactory {
    private SchedulerFactory() {
    }

    /**
     * A scheduler over the table like the function's, except that the run's time budget and the send pacer read
     * {@code nanoTime} and the pacer waits through {@code sleeper}: a benchmark passes a virtual clock that a
     * sleeper moves forward instead of sleeping, so the run measures reading and writing and still knows how long
     * pacing would have made it.
     */
    public static SchedulerService withPacing(DynamoDbClient dynamo, PlayLoopConfig config, GraphApi graph,
                                              CampaignSource campaigns, Clock clock, CapacityMeter meter,
                                              LongSupplier nanoTime, SendPacer.Sleeper sleeper) {
        return new SchedulerService(new DynamoSchedulerStore(dynamo, config.tableName(), meter),
                new DynamoLeaderboardReader(dynamo, config.tableName(), meter), config, graph, campaigns, clock,
                nanoTime, sleeper);
    }
}
