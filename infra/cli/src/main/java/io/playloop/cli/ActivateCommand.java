package io.playloop.cli;

import io.playloop.campaign.ActivePointer;
import io.playloop.campaign.StoredVersion;
import io.playloop.store.CampaignTable;
import io.playloop.store.CapacityMeter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code activate ID VERSION --table T}: plays a stored version (also how to roll back). */
@Command(name = "activate", description = "Makes a stored campaign version the one that plays (e.g. to roll back).")
final class ActivateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "The campaign id, e.g. demo.")
    String campaignId;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version number (see list).")
    int version;

    @Mixin
    TableOptions table;

    @ParentCommand
    PlayLoopCli cli;

    @Override
    public Integer call() {
        try (DynamoDbClient dynamo = cli.connector.connect(table)) {
            ActivePointer pointer = new CampaignTable(dynamo, table.table(), new CapacityMeter())
                    .activate(campaignId, version, cli.clock.instant());
            cli.spec.commandLine().getOut().println("active: " + StoredVersion.describe(pointer.campaignId(),
                    pointer.version()) + " (the game picks it up within a minute)");
        }
        return ExitCodes.OK;
    }
}
