package io.playloop.ingest;

import io.playloop.sqs.SqsIds;
import static io.playloop.ingest.Events.APP_SECRET;
import static io.playloop.ingest.Events.PHONE_NUMBER_ID;
import static io.playloop.ingest.Events.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.StaticSecrets;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import io.playloop.whatsapp.webhook.WebhookParser;
import io.playloop.whatsapp.webhook.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

class IngestHandlerTest {
    private static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/playloop-inbound.fifo";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-21T10:00:05Z"), ZoneOffset.UTC);

    private final FakeSqs sqs = new FakeSqs();
    private final InboundMessageCodec codec = new InboundMessageCodec(new ObjectMapper());
    private final IngestHandler handler = handler(PHONE_NUMBER_ID);

    private IngestHandler handler(String phoneNumberId) {
        PlayLoopConfig config = new PlayLoopConfig("playloop", QUEUE_URL, null, null, phoneNumberId, null, null);
        return new IngestHandler(IngestHandler.Dependencies.builder().sqs(sqs).config(config)
                .secrets(new StaticSecrets(APP_SECRET, VERIFY_TOKEN, "token")).clock(CLOCK).build());
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private static String bodyOf(APIGatewayV2HTTPEvent event) {
        return event.getBody();
    }

    @Test
    void aFailedStatusThatCannotBeRecorded_neverHoldsBackTheMessagesBesideIt() {
        // The table is unreachable: the failed status is logged, the customer's message still queued, Meta gets 200.
        software.amazon.awssdk.services.dynamodb.DynamoDbClient down =
                (software.amazon.awssdk.services.dynamodb.DynamoDbClient) java.lang.reflect.Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {software.amazon.awssdk.services.dynamodb.DynamoDbClient.class},
                        (proxy, method, args) -> {
                            throw software.amazon.awssdk.core.exception.SdkClientException.create("table unreachable");
                        });
        PlayLoopConfig config = new PlayLoopConfig("playloop", QUEUE_URL, null, null, PHONE_NUMBER_ID, null, null);
        IngestHandler withTable = new IngestHandler(IngestHandler.Dependencies.builder().sqs(sqs).dynamo(down)
                .config(config).secrets(new StaticSecrets(APP_SECRET, VERIFY_TOKEN, "token")).clock(CLOCK).build());
        String body = Events.textWebhook("wamid.IN1", "33612345678", "Léa", "points").replace("]},\"field\"",
                "],\"statuses\":[{\"id\":\"wamid.OUT1\",\"status\":\"failed\",\"timestamp\":\"1763719200\","
                        + "\"recipient_id\":\"33612345678\",\"errors\":[{\"code\":131049}]}]},\"field\"");

        APIGatewayV2HTTPResponse response = withTable.handleRequest(Events.signedPost(body), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(sqs.accepted()).hasSize(1);
    }

    /** Issue 10, point 1: each message is judged alone at the door; one bad message never costs the others. */
    @Nested
    class TheDoor {
        @Test
        void aMixedWebhookOf15Customers_answers200_queuesEveryGoodMessage_andRecordsEachRefusalWithItsReason() {
            APIGatewayV2HTTPResponse response;
            List<Map<String, String>> lines;
            try (io.playloop.testing.LogCapture logs = io.playloop.testing.LogCapture.open()) {
                response = handle(Events.signedPost(Events.mixedWebhook()));
                lines = logs.lines();
            }

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("{\"queued\":8,\"ignored\":1,\"refused\":6}");
            assertThat(sqs.accepted()).extracting(e -> codec.read(e.messageBody()).wamid()).containsExactlyInAnyOrder(
                    "wamid.MIX1", "wamid.MIX2", "wamid.MIX3", "wamid.MIX4", "wamid.MIX12", "wamid.MIX13",
                    "wamid.MIX14", "wamid.MIX15");
            assertThat(sqs.accepted()).allSatisfy(e ->
                    assertThat(io.playloop.sqs.SqsCharacters.acceptable(e.messageBody())).isTrue());
            assertThat(lines).filteredOn(l -> l.get("message").startsWith("inbound message refused"))
                    .extracting(l -> l.get("reason")).containsExactlyInAnyOrder("invalid_wamid", "invalid_wamid",
                            "invalid_wa_id", "invalid_type", "future_timestamp", "invalid_timestamp");
            assertThat(lines).filteredOn(l -> l.get("message").equals("webhook queued")).singleElement()
                    .satisfies(l -> {
                        assertThat(l).containsEntry("refused.invalid_wamid", "2")
                                .containsEntry("refused.future_timestamp", "1").containsEntry("ignored.stale", "1");
                    });
            assertThat(lines.toString()).doesNotContain("33600000005").doesNotContain("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW");
        }

        @Test
        void anSqsThrottle_answers500_butTheOtherMessagesWereStillQueued() {
            sqs.answer((n, request) -> {
                if (n == 0) {
                    throw (SqsException) SqsException.builder().statusCode(400).message("Rate exceeded")
                            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();
                }
                return FakeSqs.acceptAll(request);
            });
            String webhook = Events.webhook("[]", IntStream.range(1, 16)
                    .mapToObj(i -> Events.textMessage("wamid.T" + i, "336000001" + String.format("%02d", i), "POINTS"))
                    .collect(Collectors.joining(",")));

            APIGatewayV2HTTPResponse response = handle(Events.signedPost(webhook));

            assertThat(response.getStatusCode()).isEqualTo(500);
            assertThat(sqs.accepted()).hasSize(5); // the second batch went through: a redelivery brings the first
        }

        @Test
        void whatSqsRefusesAnyway_isRefused_neverAnswered500_andNeverLogsTheRequest() {
            // The door cleans every text; a queue that refuses a record for its contents must still not fail the rest.
            sqs.answer((n, request) -> {
                SendMessageBatchResponse answer = FakeSqs.acceptAll(request);
                return SendMessageBatchResponse.builder()
                        .successful(answer.successful().subList(1, answer.successful().size()))
                        .failed(BatchResultErrorEntry.builder().id(request.entries().get(0).id())
                                .code("InvalidMessageContents").senderFault(true)
                                .message("Invalid binary character: " + request.entries().get(0).messageBody()).build())
                        .build();
            });
            APIGatewayV2HTTPResponse response;
            String logged;
            try (io.playloop.testing.LogCapture logs = io.playloop.testing.LogCapture.open()) {
                response = handle(Events.signedPost(Events.textWebhook("wamid.R1", "33612345678", "Léa", "POINTS")));
                logged = logs.text();
            }

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("{\"queued\":0,\"ignored\":0,\"refused\":1}");
            assertThat(sqs.calls()).hasSize(1);
            assertThat(logged).contains("sqs_refused").contains("InvalidMessageContents")
                    .doesNotContain("33612345678").doesNotContain("Léa").doesNotContain("POINTS");
        }
    }

    @Nested
    class VerificationHandshake {
        @Test
        void theSampleEvent_answersTheChallengeVerbatim_asPlainText() {
            APIGatewayV2HTTPResponse response = handle(Events.sample("verify-subscribe.json"));

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("1158201444");
            assertThat(response.getHeaders()).containsEntry("Content-Type", "text/plain; charset=utf-8");
            assertThat(sqs.calls()).isEmpty();
        }

        @Test
        void aChallengeThatIsNotANumber_comesBackUnchanged() {
            String challenge = "99999999999999999999999-abc_DEF";
            APIGatewayV2HTTPResponse response = handle(Events.verification("subscribe", VERIFY_TOKEN, challenge));

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo(challenge);
        }

        @Test
        void parametersOnlyInTheRawQueryString_areDecodedAndUsed() {
            APIGatewayV2HTTPEvent event = Events.verification(null, null, null);
            event.setQueryStringParameters(null);
            event.setRawQueryString("hub.mode=subscribe&hub.challenge=a%2Bb%20c&hub.verify_token=local-verify-token");

            APIGatewayV2HTTPResponse response = handle(event);

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("a+b c");
        }

        @Test
        void aWrongToken_isForbidden() {
            APIGatewayV2HTTPResponse response = handle(Events.verification("subscribe", "local-verify-tokeN", "1"));

            assertThat(response.getStatusCode()).isEqualTo(403);
            assertThat(response.getBody()).doesNotContain("1");
        }

        @Test
        void aTokenThatOnlyStartsRight_isForbidden() {
            assertThat(handle(Events.verification("subscribe", VERIFY_TOKEN + "x", "1")).getStatusCode()).isEqualTo(403);
            assertThat(handle(Events.verification("subscribe", "local", "1")).getStatusCode()).isEqualTo(403);
        }

        @Test
        void aModeOtherThanSubscribe_orMissingParameters_isForbidden() {
            assertThat(handle(Events.verification("unsubscribe", VERIFY_TOKEN, "1")).getStatusCode()).isEqualTo(403);
            assertThat(handle(Events.verification(null, VERIFY_TOKEN, "1")).getStatusCode()).isEqualTo(403);
            assertThat(handle(Events.verification("subscribe", null, "1")).getStatusCode()).isEqualTo(403);
            assertThat(handle(Events.verification("subscribe", VERIFY_TOKEN, null)).getStatusCode()).isEqualTo(403);
            assertThat(handle(Events.verification(null, null, null)).getStatusCode()).isEqualTo(403);
        }
    }

    @Nested
    class Routing {
        @ParameterizedTest
        @ValueSource(strings = {"PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"})
        void otherMethods_are405_withAllow(String method) {
            APIGatewayV2HTTPResponse response = handle(Events.event(method, "/webhooks/whatsapp", Map.of(), null, false));

            assertThat(response.getStatusCode()).isEqualTo(405);
            assertThat(response.getHeaders()).containsEntry("Allow", "GET, POST");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/webhooks", "/webhooks/commerce", "/webhooks/whatsapp2", "/a/b/webhooks/whatsapp"})
        void otherPaths_are404(String path) {
            assertThat(handle(Events.event("POST", path, Map.of(), "{}", false)).getStatusCode()).isEqualTo(404);
        }

        @Test
        void aTrailingSlash_orANamedStagePrefix_reachTheRoute() {
            APIGatewayV2HTTPEvent staged = Events.sample("webhook-text-points.json");
            staged.setRawPath("/prod/webhooks/whatsapp");
            APIGatewayV2HTTPEvent slashed = Events.verification("subscribe", VERIFY_TOKEN, "7");
            slashed.setRawPath("/webhooks/whatsapp/");

            assertThat(handle(staged).getStatusCode()).isEqualTo(200);
            assertThat(handle(slashed).getStatusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Delivery {
        @Test
        void theSignedPointsSample_queuesOneRecord_groupedByCustomer_deduplicatedByWamid() throws Exception {
            APIGatewayV2HTTPEvent event = Events.sample("webhook-text-points.json");

            APIGatewayV2HTTPResponse response = handle(event);

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("{\"queued\":1,\"ignored\":0,\"refused\":0}");
            assertThat(sqs.calls()).singleElement().satisfies(call -> assertThat(call.queueUrl()).isEqualTo(QUEUE_URL));
            SendMessageBatchRequestEntry record = sqs.accepted().get(0);
            assertThat(record.messageGroupId()).isEqualTo("33612345678");
            assertThat(record.messageDeduplicationId())
                    .isEqualTo("wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQTdGQjJBMEE1QjA0QjQ0QjM4RgA=");
            InboundMessage expected = new WebhookParser(PHONE_NUMBER_ID)
                    .parse(bodyOf(event).getBytes(StandardCharsets.UTF_8)).messages().get(0);
            assertThat(record.messageBody()).isEqualTo(codec.write(expected));
            InboundMessage queued = codec.read(record.messageBody());
            assertThat(queued.text()).isEqualTo("POINTS");
            assertThat(queued.profileName()).isEqualTo("Léa");
            assertThat(queued.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
        }

        @Test
        @DisplayName("the record queued for the POINTS sample is byte for byte the first record of events/game/sqs-batch.json")
        void thePointsSample_producesTheGameFunctionsSampleRecord() throws Exception {
            com.fasterxml.jackson.databind.JsonNode batch = new ObjectMapper().readTree(
                    java.nio.file.Files.readAllBytes(Events.DIRECTORY.resolveSibling("game").resolve("sqs-batch.json")));
            com.fasterxml.jackson.databind.JsonNode first = batch.path("Records").path(0);

            handle(Events.sample("webhook-text-points.json"));

            SendMessageBatchRequestEntry record = sqs.accepted().get(0);
            assertThat(record.messageBody()).isEqualTo(first.path("body").asText());
            assertThat(record.messageGroupId()).isEqualTo(first.path("attributes").path("MessageGroupId").asText());
            assertThat(record.messageDeduplicationId())
                    .isEqualTo(first.path("attributes").path("MessageDeduplicationId").asText());
        }

        @Test
        void theArabicSample_sentEscapedByMeta_isQueuedAsRealArabic_byteForByte() {
            APIGatewayV2HTTPResponse response = handle(Events.sample("webhook-text-arabic.json"));

            assertThat(response.getStatusCode()).isEqualTo(200);
            String recordBody = sqs.accepted().get(0).messageBody();
            assertThat(recordBody.getBytes(StandardCharsets.UTF_8)).containsSequence("نقاط 🎉".getBytes(StandardCharsets.UTF_8));
            InboundMessage queued = codec.read(recordBody);
            assertThat(queued.text()).isEqualTo("نقاط 🎉");
            assertThat(queued.profileName()).isEqualTo("محمد");
            assertThat(sqs.accepted().get(0).messageGroupId()).isEqualTo("971501234567");
        }

        @Test
        void theStatusOnlySample_isAcknowledged_withoutTouchingSqs() {
            APIGatewayV2HTTPResponse response = handle(Events.sample("webhook-status-only.json"));

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("{\"queued\":0,\"ignored\":2,\"refused\":0}");
            assertThat(sqs.calls()).isEmpty();
        }

        @Test
        void aWebhookForAnotherBusinessNumber_isAcknowledged_andNothingQueued() {
            String body = Events.textWebhook("wamid.OTHER", "33612345678", "Léa", "POINTS")
                    .replace(PHONE_NUMBER_ID, "199999999999999");

            assertThat(handle(Events.signedPost(body)).getStatusCode()).isEqualTo(200);
            assertThat(sqs.calls()).isEmpty();
        }

        @Test
        void aParserForAnyNumber_isUsedWhenNoNumberIsConfigured() {
            String body = Events.textWebhook("wamid.ANY", "33612345678", "Léa", "POINTS")
                    .replace(PHONE_NUMBER_ID, "199999999999999");

            assertThat(handler(null).handleRequest(Events.signedPost(body), null).getStatusCode()).isEqualTo(200);
            assertThat(sqs.accepted()).hasSize(1);
        }

        @Test
        void aBase64Body_isDecodedBeforeTheSignatureCheck() {
            byte[] body = Events.textWebhook("wamid.B64", "33612345678", "Léa", "AIDE").getBytes(StandardCharsets.UTF_8);

            APIGatewayV2HTTPResponse response = handle(Events.signedBase64Post(body));

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(codec.read(sqs.accepted().get(0).messageBody()).text()).isEqualTo("AIDE");
        }

        @Test
        void aBase64BodySignedOverItsEncodedForm_isRefused() {
            byte[] body = Events.textWebhook("wamid.B64X", "33612345678", "Léa", "AIDE").getBytes(StandardCharsets.UTF_8);
            APIGatewayV2HTTPEvent event = Events.signedBase64Post(body);
            event.getHeaders().put("x-hub-signature-256",
                    WebhookSignature.sign(event.getBody().getBytes(StandardCharsets.US_ASCII), APP_SECRET));

            assertThat(handle(event).getStatusCode()).isEqualTo(401);
            assertThat(sqs.calls()).isEmpty();
        }

        @Test
        void aBsuidCustomer_isGroupedByTheBsuid() {
            String body = Events.webhook(
                    "[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"\",\"user_id\":\"user.9373795779eb4d2a\"}]",
                    "{\"from\":\"\",\"from_user_id\":\"user.9373795779eb4d2a\",\"id\":\"wamid.BSUID\","
                            + "\"timestamp\":\"1763719200\",\"type\":\"text\",\"text\":{\"body\":\"POINTS\"}}");

            assertThat(handle(Events.signedPost(body)).getStatusCode()).isEqualTo(200);

            assertThat(sqs.accepted().get(0).messageGroupId()).isEqualTo("user.9373795779eb4d2a");
            assertThat(codec.read(sqs.accepted().get(0).messageBody()).waId()).isNull();
        }

        @Test
        void idsSqsWouldRefuse_areReplacedByTheirSha256_consistently() {
            String longBsuid = "user." + "a1b2c3d4".repeat(25); // 205 characters: over SQS's 128
            String oddWamid = "wamid." + "HBgLMzM2MTIzNDU2NzgV".repeat(7); // 146 characters: over SQS's 128
            String body = Events.webhook(
                    "[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"\",\"user_id\":\"" + longBsuid + "\"}]",
                    "{\"from\":\"\",\"from_user_id\":\"" + longBsuid + "\",\"id\":\"" + oddWamid + "\","
                            + "\"timestamp\":\"1763719200\",\"type\":\"text\",\"text\":{\"body\":\"POINTS\"}}");

            handle(Events.signedPost(body));
            handle(Events.signedPost(body));

            List<SendMessageBatchRequestEntry> records = sqs.accepted();
            assertThat(records).hasSize(2);
            assertThat(records).extracting(SendMessageBatchRequestEntry::messageGroupId)
                    .containsOnly(SqsIds.sha256Hex(longBsuid));
            assertThat(records).extracting(SendMessageBatchRequestEntry::messageDeduplicationId)
                    .containsOnly(SqsIds.sha256Hex(oddWamid));
            assertThat(SqsIds.sha256Hex(longBsuid)).matches("[0-9a-f]{64}");
            // The record itself still carries the real ids.
            assertThat(codec.read(records.get(0).messageBody()).customerKey()).isEqualTo(longBsuid);
            assertThat(codec.read(records.get(0).messageBody()).wamid()).isEqualTo(oddWamid);
        }

        @Test
        void messagesOfSeveralCustomers_eachGetTheirOwnGroup_inWebhookOrder() {
            String body = Events.webhook(
                    "[{\"profile\":{\"name\":\"B\"},\"wa_id\":\"222\"},{\"profile\":{\"name\":\"A\"},\"wa_id\":\"111\"}]",
                    Events.textMessage("wamid.1", "111", "one") + "," + Events.textMessage("wamid.2", "222", "two") + ","
                            + Events.textMessage("wamid.3", "111", "three"));

            assertThat(handle(Events.signedPost(body)).getStatusCode()).isEqualTo(200);

            assertThat(sqs.accepted()).extracting(SendMessageBatchRequestEntry::messageGroupId)
                    .containsExactly("111", "222", "111");
            assertThat(sqs.accepted()).extracting(SendMessageBatchRequestEntry::messageDeduplicationId)
                    .containsExactly("wamid.1", "wamid.2", "wamid.3");
        }

        @Test
        void aCustomersMessagesListedOutOfOrder_areQueuedInTimestampOrder() {
            String later = "{\"from\":\"111\",\"id\":\"wamid.LATER\",\"timestamp\":\"1763719260\",\"type\":\"text\","
                    + "\"text\":{\"body\":\"second\"}}";
            String earlier = "{\"from\":\"111\",\"id\":\"wamid.EARLIER\",\"timestamp\":\"1763719200\",\"type\":\"text\","
                    + "\"text\":{\"body\":\"first\"}}";

            handle(Events.signedPost(Events.webhook("[{\"wa_id\":\"111\"}]", later + "," + earlier)));

            assertThat(sqs.accepted()).extracting(SendMessageBatchRequestEntry::messageDeduplicationId)
                    .containsExactly("wamid.EARLIER", "wamid.LATER");
        }

        @Test
        @DisplayName("a 3 MiB webhook of 1,000 messages is accepted: 1,000 records in 100 batches of 10")
        void aThreeMegabyteWebhookOfAThousandMessages_isQueuedInAHundredBatches() {
            String padding = "x".repeat(3_000);
            String contacts = IntStream.range(0, 1_000)
                    .mapToObj(i -> "{\"profile\":{\"name\":\"C" + i + "\"},\"wa_id\":\"3361234" + String.format("%04d", i) + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            String messages = IntStream.range(0, 1_000)
                    .mapToObj(i -> Events.textMessage("wamid.BULK" + i, "3361234" + String.format("%04d", i), "POINTS " + padding))
                    .collect(Collectors.joining(","));
            String body = Events.webhook(contacts, messages);
            assertThat(body.getBytes(StandardCharsets.UTF_8).length).isBetween(3 * 1024 * 1024, IngestHandler.MAX_BODY_BYTES);

            APIGatewayV2HTTPResponse response = handle(Events.signedPost(body));

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(sqs.calls()).hasSize(100).allSatisfy(call -> assertThat(call.entries()).hasSize(10));
            assertThat(sqs.accepted()).hasSize(1_000);
            assertThat(sqs.accepted()).extracting(SendMessageBatchRequestEntry::messageDeduplicationId)
                    .doesNotHaveDuplicates().first().isEqualTo("wamid.BULK0");
        }

        @Test
        void aVeryLongText_stillFitsOneSqsRecord() {
            String longText = "🎉".repeat(40_000); // 160 KB of UTF-8: with its raw copy it would pass 256 KiB
            String body = Events.textWebhook("wamid.LONG", "33612345678", "Léa", longText);

            assertThat(handle(Events.signedPost(body)).getStatusCode()).isEqualTo(200);

            String record = sqs.accepted().get(0).messageBody();
            assertThat(record.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(InboundQueue.MAX_BATCH_BYTES);
            assertThat(codec.read(record).text()).isEqualTo(longText);
            assertThat(codec.read(record).raw()).isNull();
        }
    }

    @Nested
    class Refusals {
        private final String body = Events.textWebhook("wamid.REFUSE", "33612345678", "Léa", "POINTS");

        @Test
        void noSignature_is401_andNothingIsQueued() {
            assertThat(handle(Events.post(body, null)).getStatusCode()).isEqualTo(401);
            assertThat(sqs.calls()).isEmpty();
        }

        @Test
        void aWrongSignature_is401_andNothingIsQueued() {
            String forged = WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), "someone-elses-secret");

            assertThat(handle(Events.post(body, forged)).getStatusCode()).isEqualTo(401);
            assertThat(sqs.calls()).isEmpty();
        }

        @Test
        void aSignatureOfAnotherBody_is401() {
            String other = WebhookSignature.sign(body.replace("POINTS", "STOP").getBytes(StandardCharsets.UTF_8), APP_SECRET);

            assertThat(handle(Events.post(body, other)).getStatusCode()).isEqualTo(401);
            assertThat(sqs.calls()).isEmpty();
        }

        @Test
        void theHeaderIsFoundWhateverTheCaseOfItsName() {
            APIGatewayV2HTTPEvent event = Events.post(body, null);
            Map<String, String> headers = new HashMap<>(event.getHeaders());
            headers.put("X-Hub-Signature-256", WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), APP_SECRET));
            event.setHeaders(headers);

            assertThat(handle(event).getStatusCode()).isEqualTo(200);
        }

        @Test
        void signedButNotJson_is400_andNothingIsQueued() {
            APIGatewayV2HTTPResponse response = handle(Events.signedPost("{\"object\":\"whatsapp_business_account\",\"entry\":["));

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getBody()).startsWith("malformed webhook:");
            assertThat(sqs.calls()).isEmpty();
        }

        @Test
        void signedJsonWithoutObject_is400() {
            assertThat(handle(Events.signedPost("{\"entry\":[]}")).getStatusCode()).isEqualTo(400);
            assertThat(handle(Events.signedPost("[]")).getStatusCode()).isEqualTo(400);
        }

        @Test
        void aBodyMarkedBase64ThatIsNot_is400() {
            APIGatewayV2HTTPEvent event = Events.post("not base64 at all!", "sha256=" + "0".repeat(64));
            event.setIsBase64Encoded(true);

            assertThat(handle(event).getStatusCode()).isEqualTo(400);
        }

        @Test
        void exactlyFourMebibytes_isAccepted_oneByteMore_is413() {
            String small = Events.textWebhook("wamid.BIG", "33612345678", "Léa", "POINTS");
            String exactly = small + " ".repeat(IngestHandler.MAX_BODY_BYTES - small.getBytes(StandardCharsets.UTF_8).length);
            String tooBig = exactly + " ";

            assertThat(exactly.getBytes(StandardCharsets.UTF_8)).hasSize(4_194_304);
            assertThat(handle(Events.signedPost(exactly)).getStatusCode()).isEqualTo(200);
            assertThat(handle(Events.signedPost(tooBig)).getStatusCode()).isEqualTo(413);
            assertThat(sqs.accepted()).hasSize(1);
        }

        @Test
        void overFourMebibytes_countedInUtf8Bytes_is413() {
            // 2,097,153 Arabic letters: fewer characters than the limit, but 4 MiB + 2 bytes.
            String arabic = "ن".repeat(IngestHandler.MAX_BODY_BYTES / 2 + 1);

            assertThat(handle(Events.signedPost(arabic)).getStatusCode()).isEqualTo(413);
        }

        @Test
        void aBase64BodyOverFourMebibytesDecoded_is413() {
            byte[] big = new byte[IngestHandler.MAX_BODY_BYTES + 1];
            java.util.Arrays.fill(big, (byte) ' ');

            assertThat(handle(Events.signedBase64Post(big)).getStatusCode()).isEqualTo(413);
            assertThat(sqs.calls()).isEmpty();
        }
    }

    @Nested
    class SqsFailures {
        private final String body = Events.webhook(
                "[{\"profile\":{\"name\":\"A\"},\"wa_id\":\"111\"},{\"profile\":{\"name\":\"B\"},\"wa_id\":\"222\"}]",
                Events.textMessage("wamid.1", "111", "one") + "," + Events.textMessage("wamid.2", "222", "two") + ","
                        + Events.textMessage("wamid.3", "111", "three"));

        private SendMessageBatchResponse failing(List<SendMessageBatchRequestEntry> entries, String... failedIds) {
            List<String> failed = List.of(failedIds);
            return SendMessageBatchResponse.builder()
                    .successful(entries.stream().filter(e -> !failed.contains(e.id()))
                            .map(e -> SendMessageBatchResultEntry.builder().id(e.id()).messageId("m").build()).toList())
                    .failed(failed.stream().map(id -> BatchResultErrorEntry.builder().id(id)
                            .code("InternalError").senderFault(false).message("try again").build()).toList())
                    .build();
        }

        @Test
        void aPartialFailure_isRetriedOnce_forTheFailedEntriesOnly_then200() {
            sqs.answer((n, request) -> n == 0 ? failing(request.entries(), "1") : FakeSqs.acceptAll(request));

            APIGatewayV2HTTPResponse response = handle(Events.signedPost(body));

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(sqs.calls()).hasSize(2);
            assertThat(sqs.calls().get(1).entries()).extracting(SendMessageBatchRequestEntry::messageDeduplicationId)
                    .containsExactly("wamid.2");
            assertThat(sqs.accepted()).extracting(SendMessageBatchRequestEntry::messageDeduplicationId)
                    .containsExactlyInAnyOrder("wamid.1", "wamid.2", "wamid.3");
        }

        @Test
        void aPartialFailureThatPersists_is500_soMetaRedelivers() {
            sqs.answer((n, request) -> failing(request.entries(), request.entries().get(0).id()));

            APIGatewayV2HTTPResponse response = handle(Events.signedPost(body));

            assertThat(response.getStatusCode()).isEqualTo(500);
            assertThat(sqs.calls()).hasSize(2);
        }

        @Test
        void anSqsException_is500_andTheRedeliveryQueuesEverything() {
            sqs.answer((n, request) -> {
                if (n == 0) {
                    throw SqsException.builder().statusCode(503).message("Service Unavailable")
                            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").build()).build();
                }
                return FakeSqs.acceptAll(request);
            });

            APIGatewayV2HTTPResponse first = handle(Events.signedPost(body));
            assertThat(first.getStatusCode()).isEqualTo(500);
            assertThat(sqs.accepted()).isEmpty();

            APIGatewayV2HTTPResponse redelivery = handle(Events.signedPost(body));
            assertThat(redelivery.getStatusCode()).isEqualTo(200);
            assertThat(sqs.accepted()).extracting(SendMessageBatchRequestEntry::messageDeduplicationId)
                    .containsExactly("wamid.1", "wamid.2", "wamid.3");
        }

        @Test
        void aNetworkFailure_is500() {
            sqs.answer((n, request) -> {
                throw SdkClientException.create("Unable to execute HTTP request: connect timed out");
            });

            assertThat(handle(Events.signedPost(body)).getStatusCode()).isEqualTo(500);
        }

        @Test
        void aFailureInOneBatch_answers500_butEveryOtherMessageIsStillQueued() {
            String many = Events.webhook("[{\"wa_id\":\"111\"}]", IntStream.range(0, 25)
                    .mapToObj(i -> Events.textMessage("wamid.M" + i, "111", "m" + i)).collect(Collectors.joining(",")));
            sqs.answer((n, request) -> n >= 1 ? failing(request.entries(), request.entries().get(0).id())
                    : FakeSqs.acceptAll(request));

            assertThat(handle(Events.signedPost(many)).getStatusCode()).isEqualTo(500);
            // Batches of 10, 10 and 5: from the second on, SQS keeps failing the first entry (then its retry).
            assertThat(sqs.accepted()).hasSize(10 + 9 + 4);
        }

        @Test
        void secretsThatCannotBeRead_are500_notA401() {
            PlayLoopConfig config = new PlayLoopConfig("playloop", QUEUE_URL, null, null, PHONE_NUMBER_ID, null, null);
            IngestHandler broken = new IngestHandler(IngestHandler.Dependencies.builder().sqs(sqs).config(config)
                    .clock(CLOCK).secrets(new io.playloop.config.Secrets() {
                        @Override
                        public String appSecret() {
                            throw new IllegalStateException("Secrets Manager unreachable");
                        }

                        @Override
                        public String verifyToken() {
                            throw new IllegalStateException("Secrets Manager unreachable");
                        }

                        @Override
                        public String accessToken() {
                            return "";
                        }
                    }).build());

            assertThat(broken.handleRequest(Events.signedPost(body), null).getStatusCode()).isEqualTo(500);
            assertThat(broken.handleRequest(Events.verification("subscribe", VERIFY_TOKEN, "1"), null).getStatusCode())
                    .isEqualTo(500);
        }
    }

    @Test
    void theWarmUpTouchesNeitherSqsNorSecrets() {
        PlayLoopConfig config = new PlayLoopConfig("playloop", QUEUE_URL, null, null, PHONE_NUMBER_ID, null, null);
        IngestHandler h = new IngestHandler(IngestHandler.Dependencies.builder().sqs(sqs).config(config)
                .clock(CLOCK).secrets(new io.playloop.config.Secrets() {
                    @Override
                    public String appSecret() {
                        throw new AssertionError("warm-up must not read secrets");
                    }

                    @Override
                    public String verifyToken() {
                        throw new AssertionError("warm-up must not read secrets");
                    }

                    @Override
                    public String accessToken() {
                        throw new AssertionError("warm-up must not read secrets");
                    }
                }).build());

        h.warmUp();

        assertThat(sqs.calls()).isEmpty();
    }
}
