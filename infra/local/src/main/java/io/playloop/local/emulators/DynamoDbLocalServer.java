package io.playloop.local.emulators;

import java.net.URI;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local 3.x in server mode, in memory, on 127.0.0.1: a real HTTP endpoint any SDK or the AWS
 * CLI can reach, so the table can be inspected while the local cloud runs.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
    private static final int ATTEMPTS = 3;

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the server on {@code port}, or on a free port when it is 0 (DynamoDB Local cannot report
     * the port it bound, so one is picked first and the pick retried if another process takes it).
     */
    public static DynamoDbLocalServer start(int port) {
        Exception last = null;
        for (int attempt = 0; attempt < (port == 0 ? ATTEMPTS : 1); attempt++) {
            int chosen = port == 0 ? FreePorts.find() : port;
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-sharedDb", "-port", String.valueOf(chosen)});
                server.start();
                return new DynamoDbLocalServer(server, chosen);
            } catch (Exception e) {
                last = e;
            }
        }
        throw new IllegalStateException("DynamoDB Local could not start on port "
                + (port == 0 ? "(a free one)" : port) + ": " + last, last);
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
