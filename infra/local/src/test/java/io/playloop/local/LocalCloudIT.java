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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    private static final String PHONE_NUMBER_ID = LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID;
    private static final String BUSINESS_NAME = "Café Lumière";
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();

    private static RunningLocalCloud cloud;
    private static URI base;
    private static LocalCloudClient client;

    @BeforeAll
    static void startLocalCloud() {
        cloud = LocalCloud.start(LocalCloudOptions.forTests().withBusinessName(BUSINESS_NAME)
                .withOut(new PrintStream(CONSOLE, true, StandardCharsets.UTF_8)));
        base = cloud.baseUrl();
        client = new LocalCloudClient(base);
    }

    @AfterAll
    static void stopLocalCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @AfterEach
    void clearFaults() throws Exception {
        client.post("/_local/faults", "{}");
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static long customerVersion(String customerKey) {
        Map<String, AttributeValue> item = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName())
                .consistentRead(true)
                .key(Keys.customer(customerKey))).item();
        assertThat(item).as("the customer's item").isNotEmpty();
        return Long.parseLong(item.get("version").n());
    }

    // --- scenarios ------------------------------------------------------------------------------------

    @Test
    void aSignedPointsFromANewCustomer_getsExactlyOneReply() throws Exception {
        String waId = "16505550101";
        assertThat(client.postWebhook(client.textWebhook(waId, "Sheena Nelson", "POINTS")))
                .isEqualTo(200);
        client.drain();

        List<JsonNode> replies = client.outbox(waId);
        assertThat(replies).hasSize(1);
        JsonNode body = replies.get(0).path("body");
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("to").asText()).isIn("+" + waId, waId);
        assertThat(LocalCloudClient.readable(body)).isNotBlank();
    }

    @Test
    void aWrongSignature_is401_andNothingIsAnswered() throws Exception {
        String waId = "16505550102";
        String body = client.textWebhook(waId, "Mallory", "POINTS");
        String wrong = Webhooks.signature("not-the-app-secret", body.getBytes(StandardCharsets.UTF_8));

        int status = client.postWebhook(body, wrong);
        int unsigned = client.postWebhook(body, null);
        client.drain();

        assertThat(status).isEqualTo(401);
        assertThat(unsigned).isEqualTo(401);
        assertThat(client.outbox(waId)).isEmpty();
    }

    @Test
    void aSignedWebhookWithInvalidUtf8_isJudgedOnItsContent_neverRefusedAsUnsigned() throws Exception {
        String waId = "16505550109";
        byte[] inText = client.textWebhook(waId, "Byte", "POINTS\u00e9").getBytes(StandardCharsets.UTF_8);
        // "é" is C3 A9: keep the lead byte, break the continuation. The signature covers these exact bytes.
        int e = indexOf(inText, new byte[] {(byte) 0xC3, (byte) 0xA9});
        inText[e + 1] = (byte) 0x28;
        byte[] loneByte = client.textWebhook(waId, "Byte", "POINTS").getBytes(StandardCharsets.UTF_8);
        byte[] withFf = new byte[loneByte.length + 1];
        System.arraycopy(loneByte, 0, withFf, 0, loneByte.length);
        withFf[loneByte.length] = (byte) 0xFF; // after the JSON

        int first = client.postWebhook(inText);
        int second = client.postWebhook(withFf);
        client.drain();

        assertThat(first).as("invalid UTF-8 inside a text").isIn(200, 400);
        assertThat(second).as("a stray 0xFF after the JSON").isIn(200, 400);
        assertThat(client.say(waId, "Byte", "POINTS")).as("a normal message after").isNotNull();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void theSameWebhookPostedEightTimesAtOnce_changesStateOnce_andIsAnsweredOnce() throws Exception {
        String waId = "33612345678";
        String body = client.textWebhook(waId, "Léa", "POINTS");

        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            posts.add(client.postWebhookAsync(body));
        }
        for (CompletableFuture<Integer> p : posts) {
            assertThat(p.get()).isEqualTo(200);
        }
        client.drain();

        assertThat(client.outbox(waId)).hasSize(1);
        assertThat(customerVersion(waId)).isEqualTo(1);
    }

    @Test
    void aStatusOnlyWebhook_is200_andAnswersNothing() throws Exception {
        String waId = "16505550103";
        String body = Webhooks.delivered(PHONE_NUMBER_ID, "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA",
                waId, client.now().getEpochSecond());
        assertThat(client.postWebhook(body)).isEqualTo(200);
        client.drain();
        assertThat(client.outbox(waId)).isEmpty();
    }

    @Test
    void arabicIn_arabicOut_byteForByte() throws Exception {
        String waId = "971501234567";
        String name = "محمد";
        String webhook = client.textWebhook(waId, name, "نقاط");
        // What the engine answers this message with, from the demo campaign (the local default): the expected reply.
        InboundMessage message = new WebhookParser(PHONE_NUMBER_ID).parse(webhook.getBytes(StandardCharsets.UTF_8))
                .messages().get(0);
        String expected = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), BUSINESS_NAME)
                .handle(null, message, client.now()).reply().orElseThrow().bodyText();
        assertThat(expected).contains(name, BUSINESS_NAME);

        assertThat(client.postWebhook(webhook)).isEqualTo(200);
        client.drain();

        List<JsonNode> replies = client.outbox(waId);
        assertThat(replies).hasSize(1);
        String sent = LocalCloudClient.readable(replies.get(0).path("body"));
        assertThat(sent.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        // ...and the outbox itself carries the name, the business and the emoji as raw UTF-8.
        assertThat(client.outboxBytes(waId))
                .containsSubsequence(name.getBytes(StandardCharsets.UTF_8))
                .containsSubsequence(BUSINESS_NAME.getBytes(StandardCharsets.UTF_8))
                .containsSubsequence("👋".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void graphFailures_areRetried_andTheReplyStillArrives() throws Exception {
        String waId = "16505550104";
        assertThat(client.post("/_local/faults", "{\"graph\":{\"status\":500,\"count\":2,\"to\":\"" + waId + "\"}}").statusCode())
                .isEqualTo(200);
        assertThat(client.postWebhook(client.textWebhook(waId, "Ana", "HELP")))
                .isEqualTo(200);
        client.drain();

        assertThat(client.outbox(waId)).hasSize(1);
        assertThat(customerVersion(waId)).isEqualTo(1);
        assertThat(Json.parse(client.post("/_local/faults", "{}").body().getBytes(StandardCharsets.UTF_8)).isEmpty()).isTrue();
    }

    @Test
    void aReplyThatKeepsFailing_landsInTheDeadLetterQueue_andOtherCustomersAreAnswered() throws Exception {
        QueueDefinition inbound = TemplateDefinitions.bundled().queue("InboundQueue").orElseThrow();
        String poisoned = "16505550105";
        String poisonWamid = LocalCloudClient.newWamid();
        assertThat(client.post("/_local/faults", "{\"graph\":{\"status\":500,\"count\":1000,\"to\":\"" + poisoned + "\"}}")
                .statusCode()).isEqualTo(200);

        assertThat(client.postWebhook(Webhooks.text(PHONE_NUMBER_ID, poisonWamid, poisoned, "Poison", "POINTS",
                client.now().getEpochSecond())))
                .isEqualTo(200);
        for (String other : List.of("16505550106", "16505550107", "16505550108")) {
            assertThat(client.postWebhook(client.textWebhook(other, "Other", "POINTS")))
                    .isEqualTo(200);
        }
        client.drain();

        assertThat(client.outbox(poisoned)).isEmpty();
        for (String other : List.of("16505550106", "16505550107", "16505550108")) {
            assertThat(client.outbox(other)).as(other).hasSize(1);
        }
        HttpResponse<byte[]> dlq = client.get("/_local/dlq");
        JsonNode records = Json.parse(dlq.body()).path(TemplateDefinitions.bundled()
                .queue(inbound.deadLetterLogicalId()).orElseThrow().localName());
        // Set aside by the game function after its own budget (20 failures), with why: not by SQS's redrive.
        assertThat(records).anySatisfy(r -> {
            assertThat(r.path("body").toString()).contains(poisonWamid);
            assertThat(r.path("messageAttributes").path("Reason").asText()).isEqualTo("retries_exhausted");
            assertThat(r.path("messageAttributes").path("ErrorType").asText()).startsWith("GraphApiException:");
            assertThat(r.path("messageAttributes").path("Attempts").asInt()).isEqualTo(20);
            assertThat(r.path("attributes").path("ApproximateReceiveCount").asInt())
                    .isLessThan(inbound.maxReceiveCount());
        });
    }

    @Test
    void theVerificationHandshake_answersTheChallenge() throws Exception {
        HttpResponse<byte[]> ok = client.get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444"
                + "&hub.verify_token=" + LocalCloudOptions.DEFAULT_VERIFY_TOKEN);
        HttpResponse<byte[]> wrong = client.get(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess");

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("1158201444");
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void onePointsAndOneStop_areMeteredThroughStats() throws Exception {
        String waId = "33700000001";
        LocalCloudClient.Cost welcome = client.costOf(client.textWebhook(waId, "Chloé", "Bonjour"));
        LocalCloudClient.Cost points = client.costOf(client.textWebhook(waId, "Chloé", "POINTS"));
        LocalCloudClient.Cost stop = client.costOf(client.textWebhook(waId, "Chloé", "STOP"));
        System.out.println("COST first contact: " + welcome);
        System.out.println("COST POINTS:        " + points);
        System.out.println("COST STOP:          " + stop);

        for (LocalCloudClient.Cost c : List.of(welcome, points, stop)) {
            assertThat(c.sendMessageBatch()).isEqualTo(1);
            assertThat(c.nonEmptyReceives()).isEqualTo(1);
            assertThat(c.deleteMessageBatch()).isEqualTo(1);
            assertThat(c.changeVisibility()).isZero();
            assertThat(c.writeUnits()).isPositive();
            assertThat(c.dynamoRequests()).containsKey("TransactWriteItems");
        }
        assertThat(client.outbox(waId)).hasSize(3);
    }

    @Test
    void theStartUpLines_sayWhereEachPartListens() {
        String console = CONSOLE.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("DynamoDB Local  " + cloud.dynamoDbEndpoint(), "ElasticMQ       " + cloud.sqsEndpoint(),
                "HTTP            " + base, "Ready in ");
        assertThat(cloud.port()).isNotEqualTo(LocalCloudOptions.DEFAULT_PORT);
    }
}
