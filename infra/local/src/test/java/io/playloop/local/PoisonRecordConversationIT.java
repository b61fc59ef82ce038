package io.playloop.local;

import static io.playloop.local.LocalCloudClient.readable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.definitions.QueueDefinition;
import io.playloop.definitions.TemplateDefinitions;
import io.playloop.local.http.Json;
import io.playloop.store.Keys;
import io.playloop.testing.Messages;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Point 1 of issue 10 through the local cloud (ingest, ElasticMQ with the template's redrive, the game function,
 * DynamoDB Local): a record that cannot be processed is set aside alone with its reason, and its customer's later
 * messages are answered in order; a reply that cannot be sent before the window closes is given up, not retried.
 */
class PoisonRecordConversationIT extends LocalCloudConversation {
    private static final QueueDefinition INBOUND = TemplateDefinitions.bundled().queue("InboundQueue").orElseThrow();
    private static final String DLQ_NAME = TemplateDefinitions.bundled().queue(INBOUND.deadLetterLogicalId())
            .orElseThrow().localName();

    /** One webhook carrying these messages from one customer, each {@code {wamid, text}}, in this order. */
    private static String webhook(String waId, long timestamp, List<String[]> messages) {
        String items = messages.stream().map(m -> "{\"from\":\"" + waId + "\",\"id\":\"" + m[0]
                + "\",\"timestamp\":\"" + timestamp + "\",\"type\":\"text\",\"text\":{\"body\":\"" + m[1] + "\"}}")
                .collect(Collectors.joining(","));
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + Webhooks.WABA_ID
                + "\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"" + Webhooks.DISPLAY_PHONE_NUMBER + "\",\"phone_number_id\":\""
                + LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID + "\"},\"contacts\":[{\"profile\":{\"name\":\"Sam\"},"
                + "\"wa_id\":\"" + waId + "\"}],\"messages\":[" + items + "]},\"field\":\"messages\"}]}]}";
    }

    private static List<JsonNode> deadLettered(String waId) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        Json.parse(client.get("/_local/dlq").body()).path(DLQ_NAME).forEach(r -> {
            if (waId.equals(r.path("attributes").path("MessageGroupId").asText())) {
                records.add(r);
            }
        });
        return records;
    }

    private static void fault(String waId, int status, int count) throws Exception {
        assertThat(client.post("/_local/faults", "{\"graph\":{\"status\":" + status + ",\"count\":" + count
                + ",\"to\":\"" + waId + "\"}}").statusCode()).isEqualTo(200);
    }

    @Test
    void theReproduction_aReplyThatFailsOnce_thenA3000CharacterWamid_thenThreePoints_givesFourReplies()
            throws Exception {
        String waId = "16505551001";
        fault(waId, 500, 1);
        assertThat(client.postWebhook(client.textWebhook(waId, "Sam", "POINTS"))).isEqualTo(200);
        long now = client.now().getEpochSecond();
        List<String[]> messages = new ArrayList<>();
        messages.add(new String[] {"wamid." + "X".repeat(3_000), "POINTS"});
        IntStream.range(0, 3).forEach(i -> messages.add(new String[] {LocalCloudClient.newWamid(), "POINTS"}));

        assertThat(client.postWebhook(webhook(waId, now, messages))).isEqualTo(200);
        client.drain();

        assertThat(client.outbox(waId)).hasSize(4);
        assertThat(deadLettered(waId)).isEmpty(); // the 3,000-character wamid was refused at the door
    }

    @Test
    void aStop_behindAPoisonRecord_isStillHonoured_andThePoisonSitsAloneInTheDlqWithItsReason() throws Exception {
        String waId = "16505551002";
        client.say(waId, "Sam", "hello");
        // A record ingest would refuse today, put on the queue as an older ingest (or a bug) could have.
        String poisonWamid = "wamid." + "P".repeat(3_000);
        String poison = new InboundMessageCodec(new ObjectMapper())
                .write(Messages.text(poisonWamid, waId, "Sam", "POINTS", client.now()));
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("InboundQueue")).messageBody(poison)
                .messageGroupId(waId).messageDeduplicationId("poison-" + waId));

        JsonNode stop = client.say(waId, "Sam", "STOP");

        assertThat(readable(stop)).contains("Reply START to opt back in");
        assertThat(cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName()).key(Keys.customer(waId))
                .consistentRead(true)).item().get("consent").m().get("proactive").bool()).isFalse();
        assertThat(deadLettered(waId)).singleElement().satisfies(r -> {
            assertThat(r.path("body").path("wamid").asText()).isEqualTo(poisonWamid);
            JsonNode why = r.path("messageAttributes");
            assertThat(why.path("Reason").asText()).isEqualTo("permanent_failure");
            // The receipt's 3,000-character key is refused by the step's transaction (no receipt is read before).
            assertThat(why.path("ErrorType").asText()).isEqualTo("TransactionCanceledException:ValidationError");
            assertThat(why.path("Attempts").asText()).isEqualTo("3");
            assertThat(why.path("SourceQueue").asText()).isEqualTo(INBOUND.localName());
            assertThat(why.path("FirstFailedAt").asText()).isNotEmpty();
        });
    }

    @Test
    void innocentRecords_behindARecordFailingTransientlySeveralTimes_areAllProcessedInOrder() throws Exception {
        String waId = "16505551003";
        client.say(waId, "Sam", "hello");
        int before = client.outbox(waId).size();
        fault(waId, 503, 8); // longer than the old 5 receives
        long now = client.now().getEpochSecond();
        List<String[]> messages = List.of(new String[] {LocalCloudClient.newWamid(), "POINTS"},
                new String[] {LocalCloudClient.newWamid(), "STOP"},
                new String[] {LocalCloudClient.newWamid(), "POINTS"},
                new String[] {LocalCloudClient.newWamid(), "START"});

        assertThat(client.postWebhook(webhook(waId, now, messages))).isEqualTo(200);
        client.drain();

        List<JsonNode> replies = client.outbox(waId).subList(before, client.outbox(waId).size());
        assertThat(replies).hasSize(4);
        assertThat(readable(replies.get(1).path("body"))).contains("Reply START to opt back in");
        assertThat(deadLettered(waId)).isEmpty();
        assertThat(cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName()).key(Keys.customer(waId))
                .consistentRead(true)).item().get("consent").m().get("proactive").bool()).isTrue();
    }

    @Test
    void aTransientFailureBeyondTheWindow_givesUpTheReply_notTheState() throws Exception {
        String waId = "16505551004";
        String wamid = LocalCloudClient.newWamid();
        fault(waId, 500, 1);
        Instant sent = client.now().minus(Duration.ofHours(24)).plusSeconds(60); // the window closes in a minute

        assertThat(client.postWebhook(Webhooks.text(LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID, wamid, waId, "Sam",
                "POINTS", sent.getEpochSecond()))).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Json.parse(client.get("/_local/faults").body()).has("graph") && System.nanoTime() < deadline) {
            Thread.sleep(20); // until the first attempt met the fault
        }
        client.advanceClock(Duration.ofMinutes(5)); // its retry comes after the window closed
        client.drain();

        assertThat(client.outbox(waId)).isEmpty();
        assertThat(deadLettered(waId)).isEmpty();
        Map<String, AttributeValue> receipt = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName())
                .key(Keys.receipt(waId, wamid)).consistentRead(true)).item();
        assertThat(receipt.get("status").s()).isEqualTo("NO_REPLY");
        assertThat(cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName()).key(Keys.customer(waId))
                .consistentRead(true)).item()).isNotEmpty();
    }
}
