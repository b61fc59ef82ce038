package io.playloop.ingest;

import static io.playloop.ingest.Events.APP_SECRET;
import static io.playloop.ingest.Events.PHONE_NUMBER_ID;
import static io.playloop.ingest.Events.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.StaticSecrets;
import io.playloop.definitions.QueueDefinition;
import io.playloop.definitions.TemplateDefinitions;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import io.playloop.whatsapp.webhook.WebhookParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The ingest handler against a real SQS FIFO queue (embedded ElasticMQ), created from template.yaml's
 * InboundQueue definition.
 */
class IngestHandlerIT {
    private static SQSRestServer elasticMq;
    private static SqsClient sqs;

    private final InboundMessageCodec codec = new InboundMessageCodec(new ObjectMapper());
    private String queueUrl;
    private IngestHandler handler;

    @BeforeAll
    static void startSqs() {
        elasticMq = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
        int port = elasticMq.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
        elasticMq.stopAndWait();
    }

    @BeforeEach
    void createQueue() {
        QueueDefinition inbound = TemplateDefinitions.bundled().queue("InboundQueue").orElseThrow();
        assertThat(inbound.fifo()).isTrue();
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, String.valueOf(inbound.contentBasedDeduplication()));
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(inbound.visibilityTimeoutSeconds()));
        String name = "inbound-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo";
        queueUrl = sqs.createQueue(CreateQueueRequest.builder().queueName(name).attributes(attributes).build()).queueUrl();
        handler = handlerFor(queueUrl);
    }

    private IngestHandler handlerFor(String url) {
        PlayLoopConfig config = new PlayLoopConfig("playloop", url, null, null, PHONE_NUMBER_ID, null, null);
        // The samples are dated 2025-11-21 10:00 UTC: the handler's clock is a few seconds later.
        return new IngestHandler(IngestHandler.Dependencies.builder().sqs(sqs).config(config)
                .secrets(new StaticSecrets(APP_SECRET, VERIFY_TOKEN, "token"))
                .clock(Clock.fixed(Instant.parse("2025-11-21T10:00:05Z"), ZoneOffset.UTC)).build());
    }

    /** Three messages from two customers (one writes Arabic), as Meta batches them. */
    private static final String BATCH = Events.webhook(
            "[{\"profile\":{\"name\":\"محمد\"},\"wa_id\":\"971501234567\"},"
                    + "{\"profile\":{\"name\":\"Léa\"},\"wa_id\":\"33612345678\"}]",
            Events.textMessage("wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQTdGQjJBMEE1QjA0QjQ0QjM4RgA=", "33612345678", "POINTS")
                    + "," + Events.textMessage("wamid.HBgMOTcxNTAxMjM0NTY3FQIAEhgUM0E4QzFEMkU0RjZBN0I4QzlEMEUA",
                    "971501234567", "نقاط 🎉 إيقاف")
                    + "," + Events.textMessage("wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQUI4MkI5QzM4QTg3QzNEMTI0NwA=",
                    "33612345678", "ARRÊT"));

    @Test
    void theSameWebhookDeliveredEightTimesAtOnce_leavesOneRecordPerWamid() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return handler.handleRequest(Events.signedPost(BATCH), null).getStatusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Message> records = drain();

        assertThat(records).extracting(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .containsExactlyInAnyOrder(
                        "wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQTdGQjJBMEE1QjA0QjQ0QjM4RgA=",
                        "wamid.HBgMOTcxNTAxMjM0NTY3FQIAEhgUM0E4QzFEMkU0RjZBN0I4QzlEMEUA",
                        "wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQUI4MkI5QzM4QTg3QzNEMTI0NwA=");
    }

    @Test
    void eachCustomerHasItsOwnGroup_andTheirMessagesKeepTheirOrder() {
        assertThat(handler.handleRequest(Events.signedPost(BATCH), null).getStatusCode()).isEqualTo(200);

        Map<String, List<String>> textsByGroup = drain().stream().collect(Collectors.groupingBy(
                m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                Collectors.mapping(m -> codec.read(m.body()).text(), Collectors.toList())));

        assertThat(textsByGroup).containsOnlyKeys("33612345678", "971501234567");
        assertThat(textsByGroup.get("33612345678")).containsExactly("POINTS", "ARRÊT");
        assertThat(textsByGroup.get("971501234567")).containsExactly("نقاط 🎉 إيقاف");
    }

    @Test
    void theRecordBody_roundTripsThroughTheCodec_byteForByte_withArabic() {
        APIGatewayV2HTTPEvent event = Events.sample("webhook-text-arabic.json");
        InboundMessage expected = new WebhookParser(PHONE_NUMBER_ID)
                .parse(event.getBody().getBytes(StandardCharsets.UTF_8)).messages().get(0);

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(200);

        Message record = drain().get(0);
        assertThat(record.body().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(codec.write(expected).getBytes(StandardCharsets.UTF_8));
        InboundMessage received = codec.read(record.body());
        assertThat(received).isEqualTo(expected);
        assertThat(received.text().getBytes(StandardCharsets.UTF_8))
                .isEqualTo("نقاط 🎉".getBytes(StandardCharsets.UTF_8));
        assertThat(received.profileName()).isEqualTo("محمد");
    }

    @Test
    void aThousandMessageWebhook_isQueuedWhole() {
        String contacts = java.util.stream.IntStream.range(0, 1_000)
                .mapToObj(i -> "{\"wa_id\":\"9715" + String.format("%08d", i) + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        String messages = java.util.stream.IntStream.range(0, 1_000)
                .mapToObj(i -> Events.textMessage("wamid.K" + i, "9715" + String.format("%08d", i), "نقاط"))
                .collect(Collectors.joining(","));

        assertThat(handler.handleRequest(Events.signedPost(Events.webhook(contacts, messages)), null).getStatusCode())
                .isEqualTo(200);

        assertThat(drain()).hasSize(1_000).extracting(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .doesNotHaveDuplicates();
    }

    @Test
    void aQueueThatDoesNotExist_is500_soMetaRedelivers() {
        IngestHandler misconfigured = handlerFor(queueUrl.replace(".fifo", "-missing.fifo"));

        assertThat(misconfigured.handleRequest(Events.signedPost(BATCH), null).getStatusCode()).isEqualTo(500);
        assertThat(drain()).isEmpty();
    }

    @Test
    void aMixedWebhookOf15Customers_isAnswered200_andEveryGoodMessageIsOnTheQueue() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.signedPost(Events.mixedWebhook()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"queued\":8,\"ignored\":1,\"refused\":6}");
        assertThat(drain()).extracting(m -> codec.read(m.body()).wamid()).containsExactlyInAnyOrder("wamid.MIX1",
                "wamid.MIX2", "wamid.MIX3", "wamid.MIX4", "wamid.MIX12", "wamid.MIX13", "wamid.MIX14", "wamid.MIX15");
    }

    /** Receives (and deletes) everything on the queue, in the order SQS hands it out. */
    private List<Message> drain() {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(ReceiveMessageRequest.builder().queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(60)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL).build()).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(batch.stream()
                    .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle())
                            .build()).toList()));
        }
    }
}
