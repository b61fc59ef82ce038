package io.playloop.local.emulators;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ embedded on 127.0.0.1: SQS's API (AWS JSON protocol), FIFO queues, visibility timeouts
 * and redrive to dead-letter queues. Queue ARNs use region us-east-1 and account 000000000000.
 */
public final class ElasticMqServer implements AutoCloseable {
    private final SQSRestServer server;
    private final int port;

    private ElasticMqServer(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on {@code port}, or on a free port when it is 0. */
    public static ElasticMqServer start(int port) {
        var builder = (port == 0 ? SQSRestServerBuilder.withDynamicPort() : SQSRestServerBuilder.withPort(port))
                .withInterface("127.0.0.1")
                .withAWSRegion(LocalAwsClients.REGION.id())
                .withAWSAccountId(LocalAwsClients.ACCOUNT_ID);
        return EmulatorLogs.silencedDuring(() -> {
            SQSRestServer server = null;
            try {
                server = builder.start();
                return new ElasticMqServer(server, server.waitUntilStarted().localAddress().getPort());
            } catch (RuntimeException e) {
                if (server != null) {
                    server.stopAndWait();
                }
                throw new IllegalStateException("ElasticMQ could not start on port "
                        + (port == 0 ? "(a free one)" : port) + ": " + e.getMessage(), e);
            }
        });
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
