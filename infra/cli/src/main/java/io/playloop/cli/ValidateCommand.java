package io.playloop.cli;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.InvalidCampaignException;
import io.playloop.text.TextLint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate FILE...}: every problem of every file, or a summary of each valid one; then the text lint reads
 * every text as customers will (every count, with and without a name) and lists what they would notice.
 */
@Command(name = "validate", description = "Checks campaign files (YAML, or JSON as stored) and lists every problem,"
        + " then renders every text with many values and lists what a customer would notice (\"1 points\", a hole"
        + " where a name is missing, a raw {{placeholder}}, a message over WhatsApp's limits).")
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
                TextLint.Report lint = campaign.texts().lint(campaign.languages());
                out.println("  text lint: " + lint.texts() + " texts rendered " + lint.renderings() + " times, "
                        + lint.findings().size() + " findings");
                if (!lint.clean()) {
                    err.println(file + ": the text lint found " + lint.findings().size()
                            + " things a customer would notice:");
                    lint.findings().forEach(finding -> err.println("  " + finding));
                    status = Math.max(status, ExitCodes.INVALID_CAMPAIGN);
                }
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
