package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.commerce.CommerceEvent;
import io.playloop.commerce.CommerceEventCodec;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.StaticSecrets;
import io.playloop.definitions.TemplateDefinitions;
import io.playloop.local.emulators.DynamoDbLocalServer;
import io.playloop.local.emulators.ElasticMqServer;
import io.playloop.local.emulators.LocalAwsClients;
import io.playloop.local.emulators.ProvisionedQueue;
import io.playloop.local.emulators.ResourceProvisioner;
import io.playloop.local.esm.DeadLetterQueues;
import io.playloop.local.esm.Drainer;
import io.playloop.local.graph.CustomerWindows;
import io.playloop.local.graph.GraphFaults;
import io.playloop.local.graph.GraphSimulator;
import io.playloop.local.graph.Outbox;
import io.playloop.local.http.ApiGatewayHttpApi;
import io.playloop.local.http.LocalHttpServer;
import io.playloop.local.lambda.FunctionCatalog;
import io.playloop.local.lambda.LocalFunction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The commerce route of the local cloud (its HTTP server, API Gateway emulation and the real ingest function
 * built by {@link FunctionCatalog} with the local shop secret) over DynamoDB Local and ElasticMQ, with no
 * poller on the inbound queue: the test reads the FIFO queue itself, record by record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommerceQueueIT {
    private static DynamoDbLocalServer dynamoServer;
    private static ElasticMqServer elasticMq;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static LocalHttpServer server;
    private static ProvisionedQueue inbound;
    private static CommerceSamples shop;
    private static SimulatedClock clock;

    @BeforeAll
    static void start() {
        TemplateDefinitions template = TemplateDefinitions.bundled();
        dynamoServer = DynamoDbLocalServer.start(0);
        elasticMq = ElasticMqServer.start(0);
        dynamo = LocalAwsClients.dynamoDb(dynamoServer.endpoint());
        sqs = LocalAwsClients.sqs(elasticMq.endpoint(), Duration.ofSeconds(10));
        ResourceProvisioner.createTable(dynamo, template.createTableRequest("playloop"), template.ttlAttribute());
        Map<String, ProvisionedQueue> queues = ResourceProvisioner.createQueues(sqs, template.queues());
        inbound = queues.get("InboundQueue");
        clock = new SimulatedClock();
        PlayLoopConfig config = new PlayLoopConfig("playloop", inbound.url(), "http://127.0.0.1:1/graph", null,
                LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID, null, null);
        FunctionCatalog catalog = new FunctionCatalog(dynamo, sqs, config, new StaticSecrets(
                LocalCloudOptions.DEFAULT_APP_SECRET, LocalCloudOptions.DEFAULT_VERIFY_TOKEN,
                LocalCloudOptions.DEFAULT_ACCESS_TOKEN, LocalCloudOptions.DEFAULT_SHOP_SECRET), clock, null);
        LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ingest =
                catalog.ingest(template.functionTimeoutSeconds(FunctionCatalog.INGEST_FUNCTION));
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Outbox outbox = new Outbox();
        GraphFaults faults = new GraphFaults();
        try {
            server = LocalHttpServer.bind("127.0.0.1", 0, 4, log);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        LocalRoutes routes = new LocalRoutes(ingest, new ApiGatewayHttpApi(clock),
                new GraphSimulator(LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID, "t", clock, outbox, faults), outbox, faults,
                clock, new Drainer(sqs, List.of(inbound), ingest::running),
                new DeadLetterQueues(elasticMq.mirror(), List.of()), Map::of, () -> "", log,
                new SchedulerTicks(catalog.scheduler(), clock, log), new CustomerWindows(false));
        server.start(routes.router());
        shop = new CommerceSamples(URI.create("http://127.0.0.1:" + server.port()), clock::instant);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        sqs.close();
        dynamo.close();
        elasticMq.close();
        dynamoServer.close();
    }

    @AfterEach
    void emptyTheQueue() {
        records();
    }

    @Test
    @Order(1)
    void aSignedShopifyOrderForAFrenchNumber_isOneRecord_inTheGroupOfItsE164Digits() throws Exception {
        HttpResponse<String> response = shop.postSample(CommerceSamples.SHOPIFY_ORDER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Message> records = records();
        assertThat(records).hasSize(1);
        Message record = records.get(0);
        assertThat(record.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("33612345678");
        assertThat(CommerceEventCodec.isCommerceRecord(record.body())).isTrue();
        CommerceEvent event = new CommerceEventCodec(new ObjectMapper()).read(record.body());
        assertThat(event).isInstanceOfSatisfying(CommerceEvent.OrderPaid.class, o -> {
            assertThat(o.customerKey()).isEqualTo("33612345678");
            assertThat(o.orderId()).isEqualTo("820982911946154508");
            assertThat(o.total()).isEqualByComparingTo("59.90");
        });
    }

    @Test
    @Order(2)
    void theSameWebhookTwice_isOneRecord_andAShopifyRefundFindsItsOrdersCustomer() throws Exception {
        // Not the first test's order again: FIFO deduplication lasts five minutes across tests too. The refund
        // is of that order, whose customer ingest recorded.
        HttpResponse<String> first = shop.postGenericSignedAt("generic-order-completed.json", clock.instant(),
                LocalCloudOptions.DEFAULT_SHOP_SECRET);
        HttpResponse<String> again = shop.postGenericSignedAt("generic-order-completed.json", clock.instant(),
                LocalCloudOptions.DEFAULT_SHOP_SECRET);
        HttpResponse<String> refund = shop.postSample(CommerceSamples.SHOPIFY_REFUND);
        HttpResponse<String> refundAgain = shop.postSample(CommerceSamples.SHOPIFY_REFUND);

        assertThat(List.of(first.statusCode(), again.statusCode(), refund.statusCode(), refundAgain.statusCode()))
                .containsOnly(200);
        List<Message> records = records();
        assertThat(records).extracting(Message::body).extracting(b -> new CommerceEventCodec(new ObjectMapper()).read(b))
                .extracting(CommerceEvent::eventId)
                .containsExactlyInAnyOrder("order:generic:A-2026-00042", "refund:shopify:509562969");
        assertThat(records).extracting(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .containsOnly("33612345678");
    }

    @Test
    @Order(3)
    void aBadSignature_is401_andNothingIsQueued() throws Exception {
        HttpResponse<String> forged = shop.postShopifySignedWith(CommerceSamples.SHOPIFY_ORDER, "guessed-secret");
        HttpResponse<String> unsigned = shop.post(CommerceSamples.sample(CommerceSamples.SHOPIFY_ORDER).getBody(),
                Map.of("X-Shopify-Topic", "orders/paid"));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(records()).isEmpty();
    }

    /** Everything on the inbound queue now, received and deleted. */
    private static List<Message> records() {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(inbound.url()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(d -> d.queueUrl(inbound.url()).receiptHandle(m.receiptHandle())));
        }
    }
}
