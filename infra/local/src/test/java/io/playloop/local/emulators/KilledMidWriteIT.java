package io.playloop.local.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.http.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.elasticmq.actor.queue.InternalMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What a data directory holds after its process is killed in the middle of writing, checked rather than assumed:
 * a child JVM writes items to DynamoDB Local on disk and messages to the queues' H2 journal as fast as it can,
 * printing each acknowledged write, and is killed ({@code kill -9}) mid-stream, twice over the same
 * directory. Each time both databases open again, and every write acknowledged before the kill is there.
 */
class KilledMidWriteIT {
    private static final String TABLE = "writes";
    private static final String QUEUE = "writes.fifo";

    @TempDir
    Path dataDir;

    @Test
    void killedMidWrite_bothDatabasesOpenAgain_withEveryAcknowledgedWrite() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        for (int kill = 1; kill <= 2; kill++) {
            int before = acknowledged.size();
            acknowledged.addAll(runWriterAndKill(150));
            assertThat(acknowledged.size()).as("writes acknowledged before kill %d", kill).isGreaterThan(before);

            try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.start(0, dataDir.resolve("dynamodb"));
                 DynamoDbClient client = LocalAwsClients.dynamoDb(dynamo.endpoint());
                 QueueJournal journal = QueueJournal.open(dataDir.resolve("queues"))) {
                Set<String> items = new HashSet<>();
                client.scanPaginator(b -> b.tableName(TABLE).consistentRead(true)).items()
                        .forEach(item -> items.add(item.get("id").s()));
                List<InternalMessage> messages = journal.messages(QUEUE, true);
                Set<String> queued = new HashSet<>();
                messages.forEach(m -> queued.add(m.id()));
                assertThat(items).as("DynamoDB items after kill %d", kill).containsAll(acknowledged);
                assertThat(queued).as("queued messages after kill %d", kill).containsAll(acknowledged);
                assertThat(messages).allSatisfy(m -> assertThat(m.content().value()).isEqualTo("مرحبا " + m.id()));
            }
        }
    }

    /** Starts the writer on the directory, kills it once it acknowledged {@code writes} writes; returns their ids. */
    private List<String> runWriterAndKill(int writes) throws Exception {
        Path target = Path.of("target");
        String classPath = String.join(java.io.File.pathSeparator, target.resolve("test-classes").toString(),
                target.resolve("classes").toString(), target.resolve("lib").resolve("*").toString());
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, Writer.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        List<String> acknowledged = new ArrayList<>();
        List<String> other = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && System.nanoTime() < deadline) {
                if (line.startsWith("acked ")) {
                    acknowledged.add(line.substring(6));
                    if (acknowledged.size() >= writes) {
                        writer.destroyForcibly(); // SIGKILL, in the middle of the next write
                        break;
                    }
                } else if (other.size() < 50) {
                    other.add(line);
                }
            }
        } finally {
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).as("the writer's output: %s", other).hasSize(writes);
        return acknowledged;
    }

    /** The child: writes until killed, one DynamoDB item and one queued message per step, then says so. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            try (DynamoDbLocalServer dynamo = DynamoDbLocalServer.start(0, dir.resolve("dynamodb"));
                 DynamoDbClient client = LocalAwsClients.dynamoDb(dynamo.endpoint());
                 QueueJournal journal = QueueJournal.open(dir.resolve("queues"))) {
                if (!client.listTables().tableNames().contains(TABLE)) {
                    client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
                }
                String run = Long.toString(ProcessHandle.current().pid());
                for (long next = 1; ; next++) {
                    String id = "w" + run + "-" + next;
                    client.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS(id),
                            "payload", AttributeValue.fromS("x".repeat(300)))));
                    journal.put(QUEUE, message(id));
                    System.out.println("acked " + id);
                }
            }
        }

        private static InternalMessage message(String id) {
            JsonNode json = Json.parse(("{\"id\":\"" + id + "\",\"deliveryReceipts\":[],\"nextDelivery\":0,"
                    + "\"content\":\"مرحبا " + id + "\",\"attributes\":[],\"created\":\"2026-12-07T10:00:00.123456789Z\","
                    + "\"orderIndex\":0,\"receiveCount\":0,\"groupId\":\"g\",\"deduplicationId\":\"" + id + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return QueueJournal.fromJson(json, true);
        }
    }
}
