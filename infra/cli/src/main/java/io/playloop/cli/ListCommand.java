package io.playloop.cli;

import io.playloop.campaign.ActivePointer;
import io.playloop.campaign.CampaignListing;
import io.playloop.campaign.StoredVersion;
import io.playloop.store.CampaignTable;
import io.playloop.store.CapacityMeter;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code list --table T}: campaigns, their versions, and which one plays. */
@Command(name = "list", description = "Lists the campaigns in the table, their versions and which one is active.")
final class ListCommand implements Callable<Integer> {
    private static final String ROW = "%-24s %7s  %-6s  %-20s  %9s  %-12s  %s%n";

    @Mixin
    TableOptions table;

    @ParentCommand
    PlayLoopCli cli;

    @Override
    public Integer call() {
        PrintWriter out = cli.spec.commandLine().getOut();
        try (DynamoDbClient dynamo = cli.connector.connect(table)) {
            CampaignTable campaigns = new CampaignTable(dynamo, table.table(), new CapacityMeter());
            List<CampaignListing> listings = campaigns.list();
            Optional<ActivePointer> active = campaigns.activePointer();
            if (listings.isEmpty()) {
                out.println("no campaigns in table " + table.table());
            } else {
                out.printf(ROW, "CAMPAIGN", "VERSION", "ACTIVE", "PUSHED", "BYTES", "SHA256", "NAME");
                for (CampaignListing listing : listings) {
                    for (StoredVersion v : listing.versions()) {
                        boolean playing = active.map(p -> p.campaignId().equals(v.campaignId())
                                && p.version() == v.version()).orElse(false);
                        out.printf(ROW, v.campaignId(), v.version(), playing ? "*" : "", v.pushedAt(), v.bytes(),
                                v.sha256().substring(0, 12), v.name());
                    }
                }
            }
            out.println(active.map(p -> "active: " + p.campaignId() + " v" + p.version() + " (since "
                    + p.activatedAt() + ", revision " + p.revision() + ")")
                    .orElse("no active campaign: the game plays the bundled demo"));
        }
        return ExitCodes.OK;
    }
}
