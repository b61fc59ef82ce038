package io.playloop.cli;

import io.playloop.campaign.CampaignSource;
import io.playloop.rewards.RewardJob;
import io.playloop.rewards.RewardQueue;
import io.playloop.rights.CustomerErasure;
import io.playloop.store.CampaignTable;
import io.playloop.store.CapacityMeter;
import io.playloop.store.ItemKind;
import java.io.PrintWriter;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code customer erase --phone P|--key K --table T [--rewards-queue URL]}: erases everything the table holds on the
 * customer ({@link CustomerErasure}: the partition, the items elsewhere that name them, aggregates kept), then queues an
 * ERASE job so the reward function deletes their contact in the CRMs. Safe to run again.
 */
@Command(name = "erase", description = "Erases a customer: every item that names them (aggregates stay), then their "
        + "CRM contact through the rewards queue.")
final class CustomerEraseCommand implements Callable<Integer> {
    @Mixin
    TableOptions table;

    @Mixin
    CustomerOptions customer;

    @Option(names = "--rewards-queue", paramLabel = "URL", description = "The stack's rewards queue (output "
            + "RewardsQueueUrl): the reward function deletes the customer's CRM contact. Without it the CRMs are not told.")
    String rewardsQueue;

    @ParentCommand
    CustomerCommand parent;

    @Override
    public Integer call() {
        PlayLoopCli cli = parent.cli;
        PrintWriter out = cli.spec.commandLine().getOut();
        PrintWriter err = cli.spec.commandLine().getErr();
        String key;
        try {
            key = customer.customerKey();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        String campaignId;
        CustomerErasure.Result result;
        try (DynamoDbClient dynamo = cli.connector.connect(table)) {
            CapacityMeter meter = new CapacityMeter();
            campaignId = CampaignSource.withDemoFallback(new CampaignTable(dynamo, table.table(), meter), cli.clock)
                    .campaign().id();
            result = new CustomerErasure(dynamo, table.table(), meter, cli.clock).erase(key);
        }
        if (result.found()) {
            StringJoiner kinds = new StringJoiner(", ");
            result.deleted().forEach((kind, n) -> kinds.add(label(kind) + " " + n));
            out.println("erased customer " + key + ": " + result.total() + " item(s) (" + kinds + ") in "
                    + result.sweeps() + " sweep(s)");
        } else {
            out.println("the table holds nothing on customer " + key + " (already erased, or never a customer)");
        }
        if (rewardsQueue == null || rewardsQueue.isBlank()) {
            err.println("the CRMs were not told: give --rewards-queue <the stack's RewardsQueueUrl> so the reward "
                    + "function deletes the contact (running this command again with it is safe)");
            return ExitCodes.OK;
        }
        RewardJob job = RewardJob.erase("cli:" + key + ":" + cli.clock.millis(), key, campaignId);
        RewardQueue queue = cli.queues.connect(rewardsQueue, table);
        queue.send(List.of(job));
        out.println("CRM deletion queued (" + job.jobId() + ")");
        return ExitCodes.OK;
    }

    private static String label(ItemKind kind) {
        return kind.label();
    }
}
