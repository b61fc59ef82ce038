package io.playloop.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.rights.CustomerExport;
import io.playloop.store.CapacityMeter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code customer export --phone P|--key K --table T [--out F]}: everything the table holds on the customer as one JSON
 * document ({@link CustomerExport}), to a file or standard output. Reads only (Queries and BatchGetItems, no Scan).
 */
@Command(name = "export", description = "Writes everything held on a customer as one JSON document.")
final class CustomerExportCommand implements Callable<Integer> {
    @Mixin
    TableOptions table;

    @Mixin
    CustomerOptions customer;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the JSON (default: standard output).")
    Path out;

    @ParentCommand
    CustomerCommand parent;

    @Override
    public Integer call() throws IOException {
        PlayLoopCli cli = parent.cli;
        PrintWriter stdout = cli.spec.commandLine().getOut();
        PrintWriter err = cli.spec.commandLine().getErr();
        String key;
        try {
            key = customer.customerKey();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        ObjectNode document;
        try (DynamoDbClient dynamo = cli.connector.connect(table)) {
            document = new CustomerExport(dynamo, table.table(), new CapacityMeter(), cli.clock).export(key);
        }
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
        if (out == null) {
            stdout.println(json);
        } else {
            Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
            stdout.println("wrote " + document.path("items").size() + " item(s) on customer " + key + " to " + out);
        }
        if (!document.path("found").asBoolean()) {
            err.println("the table holds nothing on customer " + key);
            return ExitCodes.NO_SUCH_CUSTOMER;
        }
        return ExitCodes.OK;
    }
}
