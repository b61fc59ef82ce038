package io.playloop.local.emulators;

import java.lang.reflect.Field;
import java.net.URI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local 3.x in server mode on 127.0.0.1, telemetry off: a real HTTP endpoint any SDK or the AWS CLI
 * can reach, so the table can be inspected while the local cloud runs. In memory, or in a SQLite file under a
 * directory ({@code -dbPath}) that outlives the process: SQLite's rollback journal, left at its defaults by
 * DynamoDB Local (no PRAGMA changes them), makes each write all or nothing even when the process is killed.
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
        return start(port, null);
    }

    /** The same, keeping the database in {@code dbPath} (created if needed); null: in memory. */
    public static DynamoDbLocalServer start(int port, Path dbPath) {
        if (dbPath != null) {
            try {
                Files.createDirectories(dbPath); // DynamoDB Local refuses a directory that does not exist
            } catch (IOException e) {
                throw new IllegalStateException("cannot create DynamoDB Local's directory " + dbPath + ": " + e, e);
            }
        }
        Exception last = null;
        for (int attempt = 0; attempt < (port == 0 ? ATTEMPTS : 1); attempt++) {
            int chosen = port == 0 ? FreePorts.find() : port;
            try {
                return new DynamoDbLocalServer(BannerFilter.around(() -> createAndStart(chosen, dbPath)), chosen);
            } catch (Exception e) {
                last = e;
            }
        }
        throw new IllegalStateException("DynamoDB Local could not start on port "
                + (port == 0 ? "(a free one)" : port) + ": " + last, last);
    }

    private static DynamoDBProxyServer createAndStart(int port, Path dbPath) {
        try {
            String[] storage = dbPath == null ? new String[] {"-inMemory"}
                    : new String[] {"-dbPath", dbPath.toAbsolutePath().toString()};
            List<String> args = new ArrayList<>(List.of(storage));
            args.addAll(List.of("-sharedDb", "-disableTelemetry", "-port", String.valueOf(port)));
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            bindToLoopback(server);
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * DynamoDB Local has no option for the interface and binds every one; the local cloud talks to it
     * over 127.0.0.1 only, so its Jetty connector is pointed there before it starts.
     */
    private static void bindToLoopback(DynamoDBProxyServer proxy) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            for (Connector connector : ((Server) field.get(proxy)).getConnectors()) {
                if (connector instanceof ServerConnector network) {
                    network.setHost("127.0.0.1");
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Another DynamoDB Local version: it then listens on all interfaces, as it does by default.
        }
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
