package io.playloop.local.emulators;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.InternalMessage;
import org.elasticmq.msg.LookupQueue;
import org.elasticmq.msg.RestoreMessages;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * ElasticMQ embedded on 127.0.0.1: SQS's API (AWS JSON protocol), FIFO queues, visibility timeouts
 * and redrive to dead-letter queues. Queue ARNs use region us-east-1 and account 000000000000. A
 * {@link QueueMirror} follows every message, so queues can be shown without receiving from them; with a
 * {@link QueueJournal} every message is also kept on disk, and {@link #restore} puts back what an earlier run
 * left once the queues exist again.
 */
public final class ElasticMqServer implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

    private final ActorSystem actors;
    private final SQSRestServer server;
    private final QueueMirror mirror;
    private final ActorRef queueManager;
    private final QueueJournal journal;
    private final int port;

    private ElasticMqServer(ActorSystem actors, SQSRestServer server, QueueMirror mirror, ActorRef queueManager,
                            QueueJournal journal, int port) {
        this.actors = actors;
        this.server = server;
        this.mirror = mirror;
        this.queueManager = queueManager;
        this.journal = journal;
        this.port = port;
    }

    /** Starts on {@code port}, or on a free port when it is 0, holding messages in memory only. */
    public static ElasticMqServer start(int port) {
        return start(port, null);
    }

    /**
     * Starts on {@code port} (0: a free one); with a {@code journal}, every change to a message is written there
     * before ElasticMQ answers the request that made it. The journal is closed with the server.
     */
    public static ElasticMqServer start(int port, QueueJournal journal) {
        return EmulatorLogs.silencedDuring(() -> {
            ActorSystem actors = ActorSystem.create("elasticmq");
            QueueMirror mirror = new QueueMirror();
            SQSRestServer server = null;
            try {
                ActorRef listener = actors.actorOf(mirror.listenerProps(journal), "queue-events");
                // Made here rather than by the builder, so restore() can reach the queues' actors.
                ActorRef queueManager = actors.actorOf(Props.create(QueueManagerActor.class,
                        () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(listener))),
                        "queue-manager");
                server = (port == 0 ? SQSRestServerBuilder.withDynamicPort() : SQSRestServerBuilder.withPort(port))
                        .withInterface("127.0.0.1")
                        .withAWSRegion(LocalAwsClients.REGION.id())
                        .withAWSAccountId(LocalAwsClients.ACCOUNT_ID)
                        .withActorSystem(actors)
                        .withQueueManagerActor(queueManager)
                        .start();
                return new ElasticMqServer(actors, server, mirror, queueManager, journal,
                        server.waitUntilStarted().localAddress().getPort());
            } catch (RuntimeException e) {
                if (server != null) {
                    server.stopAndWait();
                }
                terminate(actors);
                if (journal != null) {
                    journal.close();
                }
                throw new IllegalStateException("ElasticMQ could not start on port "
                        + (port == 0 ? "(a free one)" : port) + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * What {@link #restore} put back.
     *
     * @param messages   messages restored, by queue name
     * @param orphaned   messages kept for queues the template no longer declares (left on disk, not served)
     */
    public record Restored(Map<String, Integer> messages, Map<String, Integer> orphaned) {
        public int total() {
            return messages.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Puts the journal's messages back into these queues (created again from the template), before anything
     * polls them. A message that was being processed when the last run stopped was received by a poller that no
     * longer exists: it becomes visible again after {@code inFlightDelay} (null: when its visibility timeout
     * ends, as on AWS), the local retry delay standing in for the visibility timeout as it does for a failure.
     */
    public Restored restore(Collection<ProvisionedQueue> queues, Duration inFlightDelay) {
        if (journal == null) {
            return new Restored(Map.of(), Map.of());
        }
        long now = System.currentTimeMillis();
        Map<String, Integer> restored = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (ProvisionedQueue q : queues) {
            names.add(q.name());
            List<InternalMessage> kept = journal.messages(q.name(), q.definition().fifo());
            if (kept.isEmpty()) {
                continue;
            }
            for (InternalMessage m : kept) {
                if (inFlightDelay != null && m.receiveCount() > 0 && m.nextDelivery() > now + inFlightDelay.toMillis()) {
                    m.nextDelivery_$eq(now + inFlightDelay.toMillis());
                }
            }
            Option<?> queueActor = (Option<?>) ask(queueManager, new LookupQueue(q.name()));
            if (queueActor.isEmpty()) {
                throw new IllegalStateException("queue " + q.name() + " must exist before its messages are restored");
            }
            ask((ActorRef) queueActor.get(), new RestoreMessages(CollectionConverters.asScala(kept).toList()));
            kept.forEach(m -> mirror.restored(q.name(), m));
            restored.put(q.name(), kept.size());
        }
        Map<String, Integer> orphaned = new LinkedHashMap<>(journal.counts());
        orphaned.keySet().removeAll(names);
        return new Restored(restored, orphaned);
    }

    private static Object ask(ActorRef actor, Object message) {
        try {
            return Patterns.ask(actor, message, ASK_TIMEOUT).toCompletableFuture().get(ASK_TIMEOUT.toMillis() + 1_000,
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring ElasticMQ's messages", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("ElasticMQ did not take back its messages: " + e, e);
        }
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
            if (journal != null) {
                journal.close();
            }
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
