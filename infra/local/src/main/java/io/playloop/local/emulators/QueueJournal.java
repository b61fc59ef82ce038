package io.playloop.local.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.http.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elasticmq.BinaryMessageAttribute;
import org.elasticmq.DeduplicationId;
import org.elasticmq.MessageAttribute;
import org.elasticmq.MessageContent;
import org.elasticmq.NeverReceived$;
import org.elasticmq.NumberMessageAttribute;
import org.elasticmq.OnDateTimeReceived;
import org.elasticmq.Received;
import org.elasticmq.StringMessageAttribute;
import org.elasticmq.TracingId;
import org.elasticmq.actor.queue.InternalMessage;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * ElasticMQ's messages kept on disk, in H2: written from ElasticMQ's queue events before ElasticMQ answers the
 * request that caused them (the hook its own SQL persistence uses), read back when a local cloud starts again
 * on the same data directory.
 *
 * <p>Why not ElasticMQ 1.7.1's {@code SqlQueuePersistenceActor} itself: it restores FIFO messages as standard
 * ones (their group order is lost), reads bodies back in the platform charset (Arabic is lost where that is not
 * UTF-8), keeps one JDBC pool per JVM (a second local cloud would write into the first one's file), and opens
 * H2 with its default write delay, which loses the last ~0.5 s of acknowledged writes when the process is
 * killed (measured: 205 to 375 acknowledged rows lost per kill). Here every message is one JSON row, written
 * with {@code WRITE_DELAY=0}: acknowledged means on disk.
 */
public final class QueueJournal implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement put;
    private final PreparedStatement remove;

    private QueueJournal(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS message (queue VARCHAR(100) NOT NULL, message_id VARCHAR(100) NOT NULL,"
                    + " data CHARACTER LARGE OBJECT NOT NULL, PRIMARY KEY (queue, message_id))");
        }
        this.put = connection.prepareStatement("MERGE INTO message (queue, message_id, data) KEY (queue, message_id)"
                + " VALUES (?, ?, ?)");
        this.remove = connection.prepareStatement("DELETE FROM message WHERE queue = ? AND message_id = ?");
    }

    /**
     * Opens (or creates) the database {@code <database>.mv.db}.
     *
     * @throws IllegalStateException when H2 cannot open it (e.g. another process holds it)
     */
    public static QueueJournal open(Path database) {
        try {
            // WRITE_DELAY=0: each commit reaches the file (the OS's cache, which survives a killed process)
            // before it returns, instead of up to 500 ms later.
            return new QueueJournal(DriverManager.getConnection("jdbc:h2:file:" + database.toAbsolutePath()
                    + ";WRITE_DELAY=0", "sa", ""));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the queues' database " + database + ".mv.db: "
                    + e.getMessage(), e);
        }
    }

    /** Keeps a message as ElasticMQ now holds it (sent, received, made visible again...). */
    public synchronized void put(String queue, InternalMessage message) {
        try {
            put.setString(1, queue);
            put.setString(2, message.id());
            put.setString(3, new String(Json.bytes(toJson(message)), java.nio.charset.StandardCharsets.UTF_8));
            put.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep message " + message.id() + " of " + queue + ": "
                    + e.getMessage(), e);
        }
    }

    /** Forgets a message (deleted, or moved to its dead-letter queue). */
    public synchronized void remove(String queue, String messageId) {
        try {
            remove.setString(1, queue);
            remove.setString(2, messageId);
            remove.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot forget message " + messageId + " of " + queue + ": "
                    + e.getMessage(), e);
        }
    }

    /** Forgets every message of a deleted queue. */
    public synchronized void removeQueue(String queue) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM message WHERE queue = ?")) {
            delete.setString(1, queue);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot forget the messages of " + queue + ": " + e.getMessage(), e);
        }
    }

    /** How many messages each queue had when the last run stopped. */
    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT queue, COUNT(*) FROM message GROUP BY queue ORDER BY queue")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the queues' database: " + e.getMessage(), e);
        }
        return counts;
    }

    /** The messages kept for a queue, as ElasticMQ holds them ({@code fifo}: the queue's kind). */
    public synchronized List<InternalMessage> messages(String queue, boolean fifo) {
        List<InternalMessage> messages = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT data FROM message WHERE queue = ?")) {
            query.setString(1, queue);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    messages.add(fromJson(Json.parse(rows.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                            fifo));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the messages of " + queue + ": " + e.getMessage(), e);
        }
        return messages;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // every write was committed when it returned
        }
    }

    // --- one message as a JSON row -------------------------------------------------------------------

    static Map<String, Object> toJson(InternalMessage m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("deliveryReceipts", CollectionConverters.asJava(m.deliveryReceipts()));
        json.put("nextDelivery", m.nextDelivery());
        json.put("content", m.content().value());
        List<Map<String, Object>> attributes = new ArrayList<>();
        CollectionConverters.asJava(m.messageAttributes()).forEach((name, value) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", name);
            if (value instanceof StringMessageAttribute s) {
                a.put("type", "String");
                a.put("value", s.stringValue());
            } else if (value instanceof NumberMessageAttribute n) {
                a.put("type", "Number");
                a.put("value", n.stringValue());
            } else if (value instanceof BinaryMessageAttribute b) {
                a.put("type", "Binary");
                a.put("value", b.asBase64());
            }
            a.put("customType", value.customType().isDefined() ? value.customType().get() : null);
            attributes.add(a);
        });
        json.put("attributes", attributes);
        json.put("created", m.created().toString());
        json.put("orderIndex", m.orderIndex());
        json.put("firstReceive", m.firstReceive() instanceof OnDateTimeReceived r ? r.when().toString() : null);
        json.put("receiveCount", m.receiveCount());
        json.put("groupId", orNull(m.messageGroupId()));
        json.put("deduplicationId", m.messageDeduplicationId().isDefined() ? m.messageDeduplicationId().get().id() : null);
        json.put("tracingId", m.tracingId().isDefined() ? m.tracingId().get().id() : null);
        json.put("sequenceNumber", orNull(m.sequenceNumber()));
        json.put("deadLetterSourceQueueName", orNull(m.deadLetterSourceQueueName()));
        return json;
    }

    static InternalMessage fromJson(JsonNode json, boolean fifo) {
        List<String> receipts = new ArrayList<>();
        json.path("deliveryReceipts").forEach(r -> receipts.add(r.asText()));
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (JsonNode a : json.path("attributes")) {
            Option<String> customType = text(a, "customType");
            String value = a.path("value").asText();
            attributes.put(a.path("name").asText(), switch (a.path("type").asText()) {
                case "Number" -> new NumberMessageAttribute(value, customType);
                case "Binary" -> BinaryMessageAttribute.fromBase64(value, customType);
                default -> new StringMessageAttribute(value, customType);
            });
        }
        Received firstReceive = json.hasNonNull("firstReceive")
                ? new OnDateTimeReceived(OffsetDateTime.parse(json.get("firstReceive").asText()))
                : NeverReceived$.MODULE$;
        Option<String> deduplicationId = text(json, "deduplicationId");
        Option<String> tracingId = text(json, "tracingId");
        return new InternalMessage(
                json.path("id").asText(),
                CollectionConverters.asScala(receipts),
                json.path("nextDelivery").asLong(),
                new MessageContent(json.path("content").asText()),
                scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(attributes)),
                OffsetDateTime.parse(json.path("created").asText()),
                json.path("orderIndex").asInt(),
                firstReceive,
                json.path("receiveCount").asInt(),
                fifo,
                text(json, "groupId"),
                deduplicationId.isDefined() ? Option.apply(new DeduplicationId(deduplicationId.get())) : Option.empty(),
                tracingId.isDefined() ? Option.apply(new TracingId(tracingId.get())) : Option.empty(),
                text(json, "sequenceNumber"),
                text(json, "deadLetterSourceQueueName"));
    }

    private static String orNull(Option<String> value) {
        return value.isDefined() ? value.get() : null;
    }

    private static Option<String> text(JsonNode json, String field) {
        return json.hasNonNull(field) ? Option.apply(json.get(field).asText()) : Option.empty();
    }
}
