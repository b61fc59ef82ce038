package io.playloop.cli;

import io.playloop.campaign.ConcurrentCampaignChangeException;
import io.playloop.campaign.InvalidCampaignException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The PlayLoop command-line tool: validates campaign files and manages campaigns in the table.
 *
 * <pre>
 * playloop-cli validate infra/campaigns/demo.yaml
 * playloop-cli push infra/campaigns/demo.yaml --table PlayLoopTable --activate
 * playloop-cli list --table PlayLoopTable --endpoint http://127.0.0.1:8000
 * playloop-cli activate demo 2 --table PlayLoopTable
 * playloop-cli coupons-import --pool tote-bags codes.csv --table PlayLoopTable
 * playloop-cli customer export --phone +33612345678 --table PlayLoopTable --out lea.json
 * playloop-cli customer erase --phone +33612345678 --table PlayLoopTable --rewards-queue https://sqs...
 * </pre>
 *
 * <p>Exit status: see {@link ExitCodes}. Errors are sentences, never stack traces.
 */
@Command(name = "playloop-cli", mixinStandardHelpOptions = true, version = "playloop-cli 0.1.0 (playloop/campaign@1)",
        description = "Validates PlayLoop campaign files and manages campaigns in the PlayLoop table.",
        subcommands = {ValidateCommand.class, PushCommand.class, ListCommand.class, ActivateCommand.class,
                CouponsImportCommand.class, ScheduleBackfillCommand.class, CustomerCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:the campaign file (or the coupons file) has problems (all listed); nothing written",
                "2:wrong command line, or the file cannot be read", "3:the table could not be read or written",
                "4:customer export: the table holds nothing on that customer"})
public final class PlayLoopCli implements Runnable {
    final DynamoConnector connector;
    final QueueConnector queues;
    final Clock clock;

    @Spec
    CommandSpec spec;

    PlayLoopCli(DynamoConnector connector, QueueConnector queues, Clock clock) {
        this.connector = connector;
        this.queues = queues;
        this.clock = clock;
    }

    /** Runs the CLI and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err, TableOptions::connect, Clock.systemUTC()));
    }

    /** Runs the CLI with the given streams, DynamoDB connector and clock; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, DynamoConnector connector, Clock clock) {
        return run(args, out, err, connector, QueueConnector::sqs, clock);
    }

    /** Runs the CLI with the given rewards-queue connector too (tests). */
    static int run(String[] args, PrintWriter out, PrintWriter err, DynamoConnector connector, QueueConnector queues,
                   Clock clock) {
        CommandLine cli = new CommandLine(new PlayLoopCli(connector, queues, clock));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, command, parsed) -> report(e, command.getErr()));
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Turns an exception into a sentence and an exit status. */
    private static int report(Exception e, PrintWriter err) {
        if (e instanceof InvalidCampaignException invalid) {
            err.println(invalid.getMessage());
            return ExitCodes.INVALID_CAMPAIGN;
        }
        if (e instanceof CampaignFile.UnreadableFileException) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof ResourceNotFoundException) {
            err.println("the table does not exist there (check --table, --endpoint and --region): "
                    + firstLine(((ResourceNotFoundException) e).awsErrorDetails() == null ? e.getMessage()
                    : ((ResourceNotFoundException) e).awsErrorDetails().errorMessage()));
            return ExitCodes.TABLE_ERROR;
        }
        if (e instanceof SdkException) {
            err.println("the table could not be reached or refused the request: " + firstLine(e.getMessage()));
            return ExitCodes.TABLE_ERROR;
        }
        if (e instanceof ConcurrentCampaignChangeException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            err.println(e.getMessage());
            return ExitCodes.TABLE_ERROR;
        }
        err.println("unexpected error: " + e);
        return ExitCodes.TABLE_ERROR;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
