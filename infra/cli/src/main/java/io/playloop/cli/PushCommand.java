package io.playloop.cli;

import io.playloop.campaign.ActivePointer;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.PushResult;
import io.playloop.campaign.StoredVersion;
import io.playloop.store.CampaignTable;
import io.playloop.store.CapacityMeter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code push FILE --table T [--activate]}: validates, then stores the campaign as its next version. */
@Command(name = "push", description = "Validates a campaign file, then stores it in the table as the campaign's next"
        + " version. Nothing is written if the file has problems.")
final class PushCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The campaign file.")
    Path file;

    @Option(names = "--activate", description = "Make this version the one that plays (within a minute).")
    boolean activate;

    @Mixin
    TableOptions table;

    @ParentCommand
    PlayLoopCli cli;

    @Override
    public Integer call() {
        PrintWriter out = cli.spec.commandLine().getOut();
        Campaign campaign = CampaignFile.read(file);
        out.println(file + ": valid " + Campaign.FORMAT);
        Summary.of(campaign).forEach(line -> out.println("  " + line));
        try (DynamoDbClient dynamo = cli.connector.connect(table)) {
            CampaignTable campaigns = new CampaignTable(dynamo, table.table(), new CapacityMeter());
            PushResult pushed = campaigns.push(campaign, cli.clock.instant(), activate);
            out.println("pushed " + StoredVersion.describe(pushed.campaignId(), pushed.version()) + " to table "
                    + table.table() + " (" + pushed.bytes() + " bytes, sha256 " + pushed.sha256().substring(0, 12) + ")");
            if (pushed.activated()) {
                out.println("active: " + StoredVersion.describe(pushed.campaignId(), pushed.version())
                        + " (the game picks it up within a minute)");
            } else {
                Optional<ActivePointer> active = campaigns.activePointer();
                out.println("not activated; the game plays " + active.map(p -> StoredVersion.describe(p.campaignId(),
                        p.version())).orElse("the bundled demo") + ". To play this version: playloop-cli activate "
                        + pushed.campaignId() + " " + pushed.version() + " --table " + table.table());
            }
        }
        return ExitCodes.OK;
    }
}
