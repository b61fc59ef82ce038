package io.playloop.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code customer export|erase}: a customer's rights of access and erasure. */
@Command(name = "customer", description = "A customer's data: export it as JSON, or erase it (table and CRMs).",
        subcommands = {CustomerExportCommand.class, CustomerEraseCommand.class})
final class CustomerCommand implements Runnable {
    @ParentCommand
    PlayLoopCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
