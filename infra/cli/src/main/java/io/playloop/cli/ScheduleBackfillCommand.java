package io.playloop.cli;

import io.playloop.campaign.CampaignSource;
import io.playloop.scheduling.ScheduleBackfill;
import io.playloop.store.CampaignTable;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoSchedulerStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code schedule-backfill --table T}: once, after deploying or upgrading the scheduler, puts every customer who is not
 * in the due index into it, following the active campaign's reminders and retention. Safe to run again.
 */
@Command(name = "schedule-backfill",
        description = "Indexes customers the scheduler would not visit: who chatted before it existed, or whose schedule "
                + "has nothing ahead (run once after deploying or upgrading it).")
final class ScheduleBackfillCommand implements Callable<Integer> {
    @Mixin
    TableOptions table;

    @ParentCommand
    PlayLoopCli cli;

    @Override
    public Integer call() {
        PrintWriter out = cli.spec.commandLine().getOut();
        try (DynamoDbClient dynamo = cli.connector.connect(table)) {
            CapacityMeter meter = new CapacityMeter();
            CampaignSource campaigns = CampaignSource.withDemoFallback(
                    new CampaignTable(dynamo, table.table(), meter), cli.clock);
            ScheduleBackfill.Result result = new ScheduleBackfill(
                    new DynamoSchedulerStore(dynamo, table.table(), meter))
                    .run(campaigns.campaign(), cli.clock.instant());
            out.println("customers: " + result.customers() + ", indexed now: " + result.indexed()
                    + ", already scheduled: " + result.alreadyScheduled() + ", nothing ahead: "
                    + result.nothingAhead());
        }
        return ExitCodes.OK;
    }
}
