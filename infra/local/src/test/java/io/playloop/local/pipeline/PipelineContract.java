package io.playloop.local.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.StaticSecrets;
import io.playloop.definitions.QueueDefinition;
import io.playloop.definitions.TemplateDefinitions;
import io.playloop.game.GameHandler;
import io.playloop.ingest.IngestHandler;
import io.playloop.local.Webhooks;
import io.playloop.testing.WebhookEvents;
import io.playloop.local.esm.SqsEvents;
import io.playloop.store.Keys;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.TextMessage;
import io.playloop.whatsapp.outbound.ButtonMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The whole path below HTTP, against a real DynamoDB and a real SQS: a signed webhook through the
 * ingest handler into the FIFO queue, the records through the game handler into the table and the
 * Graph API. Run against the emulators ({@link PipelineIT}) and, where Docker runs, against LocalStack
 * ({@link PipelineLocalStackIT}). Table and queues come from template.yaml.
 */
abstract class PipelineContract {
    static final String APP_SECRET = "local-app-secret";
    static final String PHONE_NUMBER_ID = "100000000000001";

    protected abstract DynamoDbClient dynamo();

    protected abstract SqsClient sqs();

    private final TestClock clock = new TestClock(Instant.now());
    private final RecordingGraphApi graph = new RecordingGraphApi();
    private String tableName;
    private String inboundQueueUrl;
    private String deadLetterQueueUrl;
    private IngestHandler ingest;
    private GameHandler game;

    @BeforeEach
    void createResources() {
        TemplateDefinitions template = TemplateDefinitions.bundled();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tableName = "playloop-" + suffix;
        dynamo().createTable(template.createTableRequest(tableName));
        dynamo().updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(tableName)
                .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(template.ttlAttribute())
                        .enabled(true).build()).build());
        QueueDefinition inbound = template.queue("InboundQueue").orElseThrow();
        QueueDefinition dlq = template.queue(inbound.deadLetterLogicalId()).orElseThrow();
        deadLetterQueueUrl = createQueue(dlq, suffix, null);
        String dlqArn = sqs().getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(deadLetterQueueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN).build()).attributes().get(QueueAttributeName.QUEUE_ARN);
        inboundQueueUrl = createQueue(inbound, suffix,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + inbound.maxReceiveCount() + "\"}");

        PlayLoopConfig config = new PlayLoopConfig(tableName, inboundQueueUrl, "http://127.0.0.1:9", "v23.0",
                PHONE_NUMBER_ID, "Café Lumière", "en");
        ingest = new IngestHandler(IngestHandler.Dependencies.builder().sqs(sqs()).config(config)
                .secrets(new StaticSecrets(APP_SECRET, "local-verify-token", "token")).clock(clock).build());
        game = new GameHandler(GameHandler.Dependencies.builder().dynamo(dynamo()).graph(graph).config(config)
                .clock(clock).secrets(new StaticSecrets(APP_SECRET, "local-verify-token", "token"))
                .deadLetters(new io.playloop.sqs.SqsDeadLetterQueue(sqs(), deadLetterQueueUrl)).build());
    }

    @Test
    void aSignedWebhookPostedEightTimes_isQueuedOnce_appliedOnce_andAnsweredOnce() {
        String body = textWebhook("wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQTdGQjJBMEE1QjA0QjQ0QjM4RgA=", "33612345678",
                "Léa", "POINTS");
        for (int i = 0; i < 8; i++) {
            assertThat(ingest.handleRequest(WebhookEvents.signedPost(body, APP_SECRET), null).getStatusCode())
                    .isEqualTo(200);
        }

        List<Message> records = receiveAll(inboundQueueUrl);
        assertThat(records).hasSize(1);
        assertThat(process(records).getBatchItemFailures()).isEmpty();

        assertThat(graph.sent()).singleElement().extracting(OutboundMessage::to).isEqualTo("+33612345678");
        assertThat(customerVersion("33612345678")).isEqualTo(1);
    }

    @Test
    void theSameMessageArrivingAgainDaysLater_changesNothing() {
        String body = textWebhook("wamid.LATE-DUPLICATE", "33612345678", "Léa", "STOP");
        ingest.handleRequest(WebhookEvents.signedPost(body, APP_SECRET), null);
        process(receiveAll(inboundQueueUrl));

        clock.advance(Duration.ofDays(6));
        SQSEvent again = toEvent(List.of(Message.builder().messageId(UUID.randomUUID().toString())
                .receiptHandle("r").body(receiveBodyOf(body)).build()));
        assertThat(game.handleRequest(again, null).getBatchItemFailures()).isEmpty();

        assertThat(graph.sent()).hasSize(1);
        assertThat(customerVersion("33612345678")).isEqualTo(1);
    }

    @Test
    void arabicIn_arabicOut_byteForByte() {
        String body = textWebhook("wamid.ARABIC-1", "971501234567", "محمد", "نقاط");
        ingest.handleRequest(WebhookEvents.signedPost(body, APP_SECRET), null);
        process(receiveAll(inboundQueueUrl));

        String reply = bodyOf(graph.sent().get(0));
        assertThat(reply).contains("محمد");
        assertThat(reply.getBytes(StandardCharsets.UTF_8)).containsSequence("محمد".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC))
                .isTrue();
    }

    @Test
    void aRecordWhoseReplyKeepsFailing_endsInTheDeadLetterQueue_withoutBlockingOthers() {
        graph.failNext(100, 500, 131000);
        ingest.handleRequest(WebhookEvents.signedPost(textWebhook("wamid.POISON", "33600000001", "A", "POINTS"),
                APP_SECRET), null);

        // The game function sets it aside itself after its own budget (20 failures), with its reason.
        for (int receive = 0; receive < 25 && receiveAll(deadLetterQueueUrl, false).isEmpty(); receive++) {
            List<Message> records = receiveAll(inboundQueueUrl);
            if (!records.isEmpty()) {
                process(records);
            }
        }
        List<Message> parked = sqs().receiveMessage(ReceiveMessageRequest.builder().queueUrl(deadLetterQueueUrl)
                .maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All").build()).messages();
        assertThat(parked).singleElement().satisfies(m ->
                assertThat(m.messageAttributes().get("Reason").stringValue()).isEqualTo("retries_exhausted"));

        graph.failNext(0, 0, 0);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private String createQueue(QueueDefinition q, String suffix, String redrivePolicy) {
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        String name = q.localName().replace(".fifo", "") + "-" + suffix + (q.fifo() ? ".fifo" : "");
        if (q.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, String.valueOf(q.contentBasedDeduplication()));
        }
        // Zero visibility so a failed record is received again at once: the test drives the retries.
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, "0");
        if (redrivePolicy != null) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY, redrivePolicy);
        }
        return sqs().createQueue(CreateQueueRequest.builder().queueName(name).attributes(attributes).build()).queueUrl();
    }

    private List<Message> receiveAll(String queueUrl) {
        return receiveAll(queueUrl, true);
    }

    private List<Message> receiveAll(String queueUrl, boolean hide) {
        return sqs().receiveMessage(ReceiveMessageRequest.builder().queueUrl(queueUrl).maxNumberOfMessages(10)
                .visibilityTimeout(hide ? 0 : 0).waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).build()).messages();
    }

    private SQSBatchResponse process(List<Message> records) {
        SQSBatchResponse response = game.handleRequest(toEvent(records), null);
        List<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
        for (Message m : records) {
            if (!failed.contains(m.messageId())) {
                sqs().deleteMessage(b -> b.queueUrl(inboundQueueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return response;
    }

    /** The queue record the ingest handler writes for a one-message webhook (re-read from a fresh queue). */
    private String receiveBodyOf(String webhook) {
        // The record body is what ingest queued: replay it through a scratch ingest onto the same queue
        // would be deduplicated, so rebuild it with the codec the game reads.
        var parser = new io.playloop.whatsapp.webhook.WebhookParser(PHONE_NUMBER_ID);
        var message = parser.parse(webhook.getBytes(StandardCharsets.UTF_8)).messages().get(0);
        return new io.playloop.whatsapp.inbound.InboundMessageCodec(new com.fasterxml.jackson.databind.ObjectMapper())
                .write(message);
    }

    private long customerVersion(String key) {
        Map<String, AttributeValue> item = dynamo().getItem(GetItemRequest.builder().tableName(tableName)
                .consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS("CUSTOMER#" + key), Keys.SK, AttributeValue.fromS("PROFILE")))
                .build()).item();
        return Long.parseLong(item.get("version").n());
    }

    private static String bodyOf(OutboundMessage m) {
        if (m instanceof TextMessage t) {
            return t.body();
        }
        if (m instanceof ButtonMessage b) {
            return b.body();
        }
        return m.bodyText();
    }

    private static SQSEvent toEvent(List<Message> records) {
        return SqsEvents.of(records, "arn:aws:sqs:us-east-1:000000000000:inbound-queue.fifo", "us-east-1");
    }

    private String textWebhook(String wamid, String waId, String name, String text) {
        return Webhooks.text(PHONE_NUMBER_ID, wamid, waId, name, text, clock.instant().getEpochSecond());
    }
}
