package io.playloop.cli;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.InvalidCampaignException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate FILE...}: every problem of every file, or a summary of each valid one. */
@Command(name = "validate", description = "Checks campaign files (YAML, or JSON as stored) and lists every problem.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Campaign files, e.g. infra/campaigns/demo.yaml.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int status = ExitCodes.OK;
        for (Path file : files) {
            try {
                Campaign campaign = CampaignFile.read(file);
                out.println(file + ": valid " + Campaign.FORMAT);
                Summary.of(campaign).forEach(line -> out.println("  " + line));
            } catch (InvalidCampaignException e) {
                err.println(e.getMessage());
                status = Math.max(status, ExitCodes.INVALID_CAMPAIGN);
            } catch (CampaignFile.UnreadableFileException e) {
                err.println(e.getMessage());
                status = Math.max(status, ExitCodes.USAGE);
            }
        }
        return status;
    }
}
