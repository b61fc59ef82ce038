package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.campaign.DemoCampaign;
import io.playloop.definitions.QueueDefinition;
import io.playloop.definitions.TemplateDefinitions;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.local.http.Json;
import io.playloop.store.Keys;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.webhook.WebhookParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * End to end through a local cloud started in-process on free ports: signed webhooks in over HTTP,
 * the real ingest and game functions, DynamoDB Local and ElasticMQ, replies in the Graph simulator's
 * outbox. Real-format Meta payloads, signed over their exact bytes.
 */
class LocalCloudIT {
    private static final String APP_SECRET = LocalCloudOptions.DEFAULT_APP_SECRET;
    private static final String PHONE_NUMBER_ID = LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID;
    private static final String BUSINESS_NAME = "Café Lumière";
    private static final AtomicLong WAMIDS = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();

    private static RunningLocalCloud cloud;
    private static URI base;

    @BeforeAll
    static void startLocalCloud() {
        cloud = LocalCloud.start(LocalCloudOptions.forTests().withBusinessName(BUSINESS_NAME)
                .withOut(new PrintStream(CONSOLE, true, StandardCharsets.UTF_8)));
        base = cloud.baseUrl();
    }

    @AfterAll
    static void stopLocalCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @AfterEach
    void clearFaults() throws Exception {
        post("/_local/faults", "{}");
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static String newWamid() {
        return "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA" + WAMIDS.incrementAndGet() + "=";
    }

    private static long nowSeconds() {
        return cloud.clock().instant().getEpochSecond();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest signedWebhook(String body, String signature) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(base.resolve("/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature)
                .header("User-Agent", "facebookexternalua")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    private static int postWebhook(String body) throws Exception {
        return HTTP.send(signedWebhook(body, Webhooks.signature(APP_SECRET, body.getBytes(StandardCharsets.UTF_8))),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void drain() throws Exception {
        HttpResponse<String> drained = post("/_local/drain?timeout=PT120S", "");
        assertThat(drained.statusCode()).as(drained.body()).isEqualTo(200);
    }

    private static List<JsonNode> outbox(String waId) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/_local/outbox?to=" + waId)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        List<JsonNode> entries = new ArrayList<>();
        Json.parse(response.body()).forEach(entries::add);
        return entries;
    }

    private static byte[] outboxBytes(String waId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/_local/outbox?to=" + waId)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static long customerVersion(String customerKey) {
        Map<String, AttributeValue> item = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName())
                .consistentRead(true)
                .key(Keys.customer(customerKey))).item();
        assertThat(item).as("the customer's item").isNotEmpty();
        return Long.parseLong(item.get("version").n());
    }

    /** The text the customer reads in a Graph request body (text or interactive). */
    private static String readableText(JsonNode body) {
        return body.has("text") ? body.path("text").path("body").asText()
                : body.path("interactive").path("body").path("text").asText();
    }

    // --- scenarios ------------------------------------------------------------------------------------

    @Test
    void aSignedPointsFromANewCustomer_getsExactlyOneReply() throws Exception {
        String waId = "16505550101";
        assertThat(postWebhook(Webhooks.text(PHONE_NUMBER_ID, newWamid(), waId, "Sheena Nelson", "POINTS", nowSeconds())))
                .isEqualTo(200);
        drain();

        List<JsonNode> replies = outbox(waId);
        assertThat(replies).hasSize(1);
        JsonNode body = replies.get(0).path("body");
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("to").asText()).isIn("+" + waId, waId);
        assertThat(readableText(body)).isNotBlank();
    }

    @Test
    void aWrongSignature_is401_andNothingIsAnswered() throws Exception {
        String waId = "16505550102";
        String body = Webhooks.text(PHONE_NUMBER_ID, newWamid(), waId, "Mallory", "POINTS", nowSeconds());
        String wrong = Webhooks.signature("not-the-app-secret", body.getBytes(StandardCharsets.UTF_8));

        int status = HTTP.send(signedWebhook(body, wrong), HttpResponse.BodyHandlers.discarding()).statusCode();
        int unsigned = HTTP.send(HttpRequest.newBuilder(base.resolve("/webhooks/whatsapp"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        drain();

        assertThat(status).isEqualTo(401);
        assertThat(unsigned).isEqualTo(401);
        assertThat(outbox(waId)).isEmpty();
    }

    @Test
    void theSameWebhookPostedEightTimesAtOnce_changesStateOnce_andIsAnsweredOnce() throws Exception {
        String waId = "33612345678";
        String body = Webhooks.text(PHONE_NUMBER_ID, newWamid(), waId, "Léa", "POINTS", nowSeconds());
        HttpRequest request = signedWebhook(body, Webhooks.signature(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)));

        List<CompletableFuture<HttpResponse<Void>>> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            posts.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        for (CompletableFuture<HttpResponse<Void>> p : posts) {
            assertThat(p.get().statusCode()).isEqualTo(200);
        }
        drain();

        assertThat(outbox(waId)).hasSize(1);
        assertThat(customerVersion(waId)).isEqualTo(1);
    }

    @Test
    void aStatusOnlyWebhook_is200_andAnswersNothing() throws Exception {
        String waId = "16505550103";
        String body = Webhooks.delivered(PHONE_NUMBER_ID, "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA",
                waId, nowSeconds());
        assertThat(postWebhook(body)).isEqualTo(200);
        drain();
        assertThat(outbox(waId)).isEmpty();
    }

    @Test
    void arabicIn_arabicOut_byteForByte() throws Exception {
        String waId = "971501234567";
        String name = "محمد";
        String webhook = Webhooks.text(PHONE_NUMBER_ID, newWamid(), waId, name, "نقاط", nowSeconds());
        // What the engine answers this message with, from the demo campaign (the local default): the expected reply.
        InboundMessage message = new WebhookParser(PHONE_NUMBER_ID).parse(webhook.getBytes(StandardCharsets.UTF_8))
                .messages().get(0);
        String expected = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), BUSINESS_NAME)
                .handle(null, message, cloud.clock().instant()).reply().orElseThrow().bodyText();
        assertThat(expected).contains(name, BUSINESS_NAME);

        assertThat(postWebhook(webhook)).isEqualTo(200);
        drain();

        List<JsonNode> replies = outbox(waId);
        assertThat(replies).hasSize(1);
        String sent = readableText(replies.get(0).path("body"));
        assertThat(sent.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        // ...and the outbox itself carries the name, the business and the emoji as raw UTF-8.
        assertThat(outboxBytes(waId))
                .containsSubsequence(name.getBytes(StandardCharsets.UTF_8))
                .containsSubsequence(BUSINESS_NAME.getBytes(StandardCharsets.UTF_8))
                .containsSubsequence("👋".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void graphFailures_areRetried_andTheReplyStillArrives() throws Exception {
        String waId = "16505550104";
        assertThat(post("/_local/faults", "{\"graph\":{\"status\":500,\"count\":2,\"to\":\"" + waId + "\"}}").statusCode())
                .isEqualTo(200);
        assertThat(postWebhook(Webhooks.text(PHONE_NUMBER_ID, newWamid(), waId, "Ana", "HELP", nowSeconds())))
                .isEqualTo(200);
        drain();

        assertThat(outbox(waId)).hasSize(1);
        assertThat(customerVersion(waId)).isEqualTo(1);
        assertThat(Json.parse(post("/_local/faults", "{}").body().getBytes(StandardCharsets.UTF_8)).isEmpty()).isTrue();
    }

    @Test
    void aReplyThatKeepsFailing_landsInTheDeadLetterQueue_andOtherCustomersAreAnswered() throws Exception {
        QueueDefinition inbound = TemplateDefinitions.bundled().queue("InboundQueue").orElseThrow();
        String poisoned = "16505550105";
        String poisonWamid = newWamid();
        assertThat(post("/_local/faults", "{\"graph\":{\"status\":500,\"count\":1000,\"to\":\"" + poisoned + "\"}}")
                .statusCode()).isEqualTo(200);

        assertThat(postWebhook(Webhooks.text(PHONE_NUMBER_ID, poisonWamid, poisoned, "Poison", "POINTS", nowSeconds())))
                .isEqualTo(200);
        for (String other : List.of("16505550106", "16505550107", "16505550108")) {
            assertThat(postWebhook(Webhooks.text(PHONE_NUMBER_ID, newWamid(), other, "Other", "POINTS", nowSeconds())))
                    .isEqualTo(200);
        }
        drain();

        assertThat(outbox(poisoned)).isEmpty();
        for (String other : List.of("16505550106", "16505550107", "16505550108")) {
            assertThat(outbox(other)).as(other).hasSize(1);
        }
        HttpResponse<byte[]> dlq = HTTP.send(HttpRequest.newBuilder(base.resolve("/_local/dlq")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode records = Json.parse(dlq.body()).path(TemplateDefinitions.bundled()
                .queue(inbound.deadLetterLogicalId()).orElseThrow().localName());
        assertThat(records).anySatisfy(r -> {
            assertThat(r.path("body").toString()).contains(poisonWamid);
            assertThat(r.path("attributes").path("ApproximateReceiveCount").asInt())
                    .isGreaterThanOrEqualTo(inbound.maxReceiveCount());
        });
    }

    @Test
    void theVerificationHandshake_answersTheChallenge() throws Exception {
        HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(base.resolve(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
                        + LocalCloudOptions.DEFAULT_VERIFY_TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(base.resolve(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    /** What one message cost, read from {@code /_local/stats} before and after it. */
    private record Cost(double readUnits, double writeUnits, Map<String, Long> dynamoRequests, long sendMessageBatch,
                        long nonEmptyReceives, long deleteMessageBatch, long changeVisibility) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "DynamoDB %.1f RCU + %.1f WCU %s; SQS SendMessageBatch %d,"
                            + " ReceiveMessage (with records) %d, DeleteMessageBatch %d, ChangeMessageVisibilityBatch %d",
                    readUnits, writeUnits, dynamoRequests, sendMessageBatch, nonEmptyReceives, deleteMessageBatch,
                    changeVisibility);
        }
    }

    private static JsonNode stats() throws Exception {
        return Json.parse(HTTP.send(HttpRequest.newBuilder(base.resolve("/_local/stats")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    private static Cost costOf(String webhook) throws Exception {
        JsonNode before = stats();
        assertThat(postWebhook(webhook)).isEqualTo(200);
        drain();
        JsonNode after = stats();
        Map<String, Long> dynamoRequests = new java.util.TreeMap<>();
        after.path("dynamodb").path("requests").fields().forEachRemaining(e -> {
            long n = e.getValue().asLong() - before.path("dynamodb").path("requests").path(e.getKey()).asLong();
            if (n > 0) {
                dynamoRequests.put(e.getKey(), n);
            }
        });
        JsonNode esmBefore = before.path("eventSourceMappings").get(0);
        JsonNode esmAfter = after.path("eventSourceMappings").get(0);
        return new Cost(
                after.path("dynamodb").path("readUnits").asDouble() - before.path("dynamodb").path("readUnits").asDouble(),
                after.path("dynamodb").path("writeUnits").asDouble() - before.path("dynamodb").path("writeUnits").asDouble(),
                dynamoRequests,
                delta(before, after, "byFunctions", "SendMessageBatch"),
                (esmAfter.path("receives").asLong() - esmAfter.path("emptyReceives").asLong())
                        - (esmBefore.path("receives").asLong() - esmBefore.path("emptyReceives").asLong()),
                delta(before, after, "byEventSourceMappings", "DeleteMessageBatch"),
                delta(before, after, "byEventSourceMappings", "ChangeMessageVisibilityBatch"));
    }

    private static long delta(JsonNode before, JsonNode after, String who, String operation) {
        return after.path("sqsRequests").path(who).path(operation).asLong()
                - before.path("sqsRequests").path(who).path(operation).asLong();
    }

    @Test
    void onePointsAndOneStop_areMeteredThroughStats() throws Exception {
        String waId = "33700000001";
        Cost welcome = costOf(Webhooks.text(PHONE_NUMBER_ID, newWamid(), waId, "Chloé", "Bonjour", nowSeconds()));
        Cost points = costOf(Webhooks.text(PHONE_NUMBER_ID, newWamid(), waId, "Chloé", "POINTS", nowSeconds()));
        Cost stop = costOf(Webhooks.text(PHONE_NUMBER_ID, newWamid(), waId, "Chloé", "STOP", nowSeconds()));
        System.out.println("COST first contact: " + welcome);
        System.out.println("COST POINTS:        " + points);
        System.out.println("COST STOP:          " + stop);

        for (Cost c : List.of(welcome, points, stop)) {
            assertThat(c.sendMessageBatch()).isEqualTo(1);
            assertThat(c.nonEmptyReceives()).isEqualTo(1);
            assertThat(c.deleteMessageBatch()).isEqualTo(1);
            assertThat(c.changeVisibility()).isZero();
            assertThat(c.writeUnits()).isPositive();
            assertThat(c.dynamoRequests()).containsKey("TransactWriteItems");
        }
        assertThat(outbox(waId)).hasSize(3);
    }

    @Test
    void theStartUpLines_sayWhereEachPartListens() {
        String console = CONSOLE.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("DynamoDB Local  " + cloud.dynamoDbEndpoint(), "ElasticMQ       " + cloud.sqsEndpoint(),
                "HTTP            " + base, "Ready in ");
        assertThat(cloud.port()).isNotEqualTo(LocalCloudOptions.DEFAULT_PORT);
    }
}
