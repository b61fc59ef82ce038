package io.playloop.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Runs the CLI in process and keeps what it printed. */
final class Cli {
    static final Instant NOW = Instant.parse("2025-06-02T08:00:00Z");

    private Cli() {
    }

    static Result run(DynamoConnector connector, String... args) {
        return run(connector, (url, table) -> {
            throw new AssertionError("no rewards queue expected");
        }, args);
    }

    /** Runs the CLI with this rewards-queue connector. */
    static Result run(DynamoConnector connector, QueueConnector queues, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PlayLoopCli.run(args, new PrintWriter(out), new PrintWriter(err), connector, queues,
                Clock.fixed(NOW, ZoneOffset.UTC));
        return new Result(status, out.toString(), err.toString());
    }

    /** A connector that must not be used (commands that need no table, or must fail before reaching it). */
    static DynamoConnector noTable() {
        return options -> {
            throw new AssertionError("the table must not be reached");
        };
    }

    /** A connector handing out a shared client whose close() the commands may call without closing it. */
    static DynamoConnector shared(DynamoDbClient client) {
        return options -> (DynamoDbClient) Proxy.newProxyInstance(Cli.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * What a run printed.
     *
     * @param status the exit status
     * @param out    standard output
     * @param err    standard error
     */
    record Result(int status, String out, String err) {
    }
}
