package io.playloop.local.emulators;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ embedded on 127.0.0.1: SQS's API (AWS JSON protocol), FIFO queues, visibility timeouts
 * and redrive to dead-letter queues. Queue ARNs use region us-east-1 and account 000000000000. A
 * {@link QueueMirror} follows every message, so queues can be shown without receiving from them.
 */
public final class ElasticMqServer implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ActorSystem actors;
    private final SQSRestServer server;
    private final QueueMirror mirror;
    private final int port;

    private ElasticMqServer(ActorSystem actors, SQSRestServer server, QueueMirror mirror, int port) {
        this.actors = actors;
        this.server = server;
        this.mirror = mirror;
        this.port = port;
    }

    /** Starts on {@code port}, or on a free port when it is 0. */
    public static ElasticMqServer start(int port) {
        return EmulatorLogs.silencedDuring(() -> {
            ActorSystem actors = ActorSystem.create("elasticmq");
            QueueMirror mirror = new QueueMirror();
            SQSRestServer server = null;
            try {
                server = (port == 0 ? SQSRestServerBuilder.withDynamicPort() : SQSRestServerBuilder.withPort(port))
                        .withInterface("127.0.0.1")
                        .withAWSRegion(LocalAwsClients.REGION.id())
                        .withAWSAccountId(LocalAwsClients.ACCOUNT_ID)
                        .withActorSystem(actors)
                        .withQueueEventListener(actors.actorOf(mirror.listenerProps(), "queue-mirror"))
                        .start();
                return new ElasticMqServer(actors, server, mirror, server.waitUntilStarted().localAddress().getPort());
            } catch (RuntimeException e) {
                if (server != null) {
                    server.stopAndWait();
                }
                terminate(actors);
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

    /** Every message ElasticMQ holds, by queue, without receiving any. */
    public QueueMirror mirror() {
        return mirror;
    }

    @Override
    public void close() {
        try {
            server.stopAndWait();
        } finally {
            terminate(actors);
        }
    }

    private static void terminate(ActorSystem actors) {
        try {
            actors.terminate();
            actors.getWhenTerminated().toCompletableFuture().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // stopping anyway: an actor system that does not stop in time dies with the JVM
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
