package io.playloop.local.emulators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.Props;
import org.elasticmq.OnDateTimeReceived;
import org.elasticmq.NumberMessageAttribute;
import org.elasticmq.StringMessageAttribute;
import org.elasticmq.actor.queue.InternalMessage;
import org.elasticmq.actor.queue.OperationSuccessful$;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.actor.queue.QueueEventWithOperationStatus;
import scala.Option;

/**
 * A read-only copy of every message ElasticMQ holds, kept up to date from its queue events (the hook
 * ElasticMQ offers for persistence). It lets the local cloud show a queue's contents without receiving
 * anything: no receive count goes up, and the records of a FIFO group that wait behind its first one
 * (which ReceiveMessage cannot reach without consuming the first) are shown too.
 */
public final class QueueMirror {
    private final ConcurrentMap<String, ConcurrentMap<String, MirroredMessage>> queues = new ConcurrentHashMap<>();

    /**
     * One message as ElasticMQ last reported it.
     *
     * @param messageId         the SQS message id
     * @param body              the body
     * @param attributes        system attributes under their SQS names (ApproximateReceiveCount, ...)
     * @param messageAttributes string and number message attributes
     * @param sentAtMillis      when it was sent (for ordering)
     * @param orderIndex        ElasticMQ's order among messages sent in the same millisecond
     */
    public record MirroredMessage(String messageId, String body, Map<String, String> attributes,
                                  Map<String, String> messageAttributes, long sentAtMillis, int orderIndex) {
    }

    /** The messages of a queue (by name), oldest first. */
    public List<MirroredMessage> messages(String queueName) {
        List<MirroredMessage> messages = new ArrayList<>(queues.getOrDefault(queueName, new ConcurrentHashMap<>()).values());
        messages.sort(Comparator.comparingLong(MirroredMessage::sentAtMillis).thenComparingInt(MirroredMessage::orderIndex));
        return messages;
    }

    /**
     * The actor ElasticMQ sends its queue events to: each is written to {@code journal} first (when there is one),
     * then mirrored, then acknowledged, so ElasticMQ answers a request only once its change is kept.
     */
    Props listenerProps(QueueJournal journal) {
        return Props.create(Listener.class, () -> new Listener(this, journal));
    }

    /** Mirrors a message put back from the journal (restoring sends no events). */
    void restored(String queueName, InternalMessage m) {
        put(queueName, m);
    }

    private void put(String queueName, InternalMessage m) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ApproximateReceiveCount", String.valueOf(m.receiveCount()));
        long sent = m.created().toInstant().toEpochMilli();
        attributes.put("SentTimestamp", String.valueOf(sent));
        if (m.firstReceive() instanceof OnDateTimeReceived received) {
            attributes.put("ApproximateFirstReceiveTimestamp", String.valueOf(received.when().toInstant().toEpochMilli()));
        }
        putIfDefined(attributes, "MessageGroupId", m.messageGroupId());
        if (m.messageDeduplicationId().isDefined()) {
            attributes.put("MessageDeduplicationId", m.messageDeduplicationId().get().id());
        }
        putIfDefined(attributes, "SequenceNumber", m.sequenceNumber());
        if (m.deadLetterSourceQueueName().isDefined()) {
            attributes.put("DeadLetterQueueSourceArn", "arn:aws:sqs:" + LocalAwsClients.REGION.id() + ":"
                    + LocalAwsClients.ACCOUNT_ID + ":" + m.deadLetterSourceQueueName().get());
        }
        Map<String, String> messageAttributes = new LinkedHashMap<>();
        scala.jdk.javaapi.CollectionConverters.asJava(m.messageAttributes()).forEach((name, value) -> {
            if (value instanceof StringMessageAttribute s) {
                messageAttributes.put(name, s.stringValue());
            } else if (value instanceof NumberMessageAttribute n) {
                messageAttributes.put(name, n.stringValue()); // e.g. a parked record's Attempts
            }
        });
        queues.computeIfAbsent(queueName, q -> new ConcurrentHashMap<>()).put(m.id(),
                new MirroredMessage(m.id(), m.content().value(), Map.copyOf(attributes), Map.copyOf(messageAttributes),
                        sent, m.orderIndex()));
    }

    private static void putIfDefined(Map<String, String> attributes, String name, Option<String> value) {
        if (value.isDefined()) {
            attributes.put(name, value.get());
        }
    }

    /** Applies ElasticMQ's events to the journal and the mirror and acknowledges those ElasticMQ waits for. */
    static final class Listener extends AbstractActor {
        private final QueueMirror mirror;
        private final QueueJournal journal;

        Listener(QueueMirror mirror, QueueJournal journal) {
            this.mirror = mirror;
            this.journal = journal;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(this::onEvent).build();
        }

        private void onEvent(Object event) {
            if (journal != null) {
                try {
                    keep(event);
                } catch (RuntimeException e) {
                    // Not acknowledged: ElasticMQ does not answer the request, whose sender retries it.
                    if (event instanceof QueueEventWithOperationStatus) {
                        getSender().tell(new org.apache.pekko.actor.Status.Failure(e), getSelf());
                    }
                    return;
                }
            }
            if (event instanceof QueueEvent.MessageAdded added) {
                mirror.put(added.queueName(), added.message());
            } else if (event instanceof QueueEvent.MessageUpdated updated) {
                mirror.put(updated.queueName(), updated.message());
            } else if (event instanceof QueueEvent.MessageRemoved removed) {
                ConcurrentMap<String, MirroredMessage> q = mirror.queues.get(removed.queueName());
                if (q != null) {
                    q.remove(removed.messageId());
                }
            } else if (event instanceof QueueEvent.QueueDeleted deleted) {
                mirror.queues.remove(deleted.queueName());
            }
            // ElasticMQ waits for an acknowledgement of the events a persistence layer must store.
            if (event instanceof QueueEventWithOperationStatus) {
                getSender().tell(OperationSuccessful$.MODULE$, getSelf());
            }
        }

        private void keep(Object event) {
            if (event instanceof QueueEvent.MessageAdded added) {
                journal.put(added.queueName(), added.message());
            } else if (event instanceof QueueEvent.MessageUpdated updated) {
                journal.put(updated.queueName(), updated.message());
            } else if (event instanceof QueueEvent.MessageRemoved removed) {
                journal.remove(removed.queueName(), removed.messageId());
            } else if (event instanceof QueueEvent.QueueDeleted deleted) {
                journal.removeQueue(deleted.queueName());
            }
        }
    }
}
