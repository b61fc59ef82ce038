package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.definitions.QueueDefinition;
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
import io.playloop.local.http.Json;
import io.playloop.local.http.LocalHttpServer;
import io.playloop.local.lambda.LocalFunction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local cloud's HTTP routes over real HTTP, with a fake ingest function (the real one is tested
 * end to end in {@link LocalCloudIT}): API Gateway mapping both ways, limits, errors, the Graph
 * simulator, outbox, faults, clock, tick, drain, DLQ.
 */
class LocalRoutesIT {
    private static final String PHONE_NUMBER_ID = "100000000000001";
    private static final AtomicReference<APIGatewayV2HTTPEvent> lastEvent = new AtomicReference<>();
    private static final AtomicInteger invocations = new AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicBoolean schedulerRunning =
            new java.util.concurrent.atomic.AtomicBoolean();
    private static final AtomicInteger schedulerOverlaps = new AtomicInteger();

    private static ElasticMqServer elasticMq;
    private static SqsClient sqs;
    private static LocalHttpServer server;
    private static SimulatedClock clock;
    private static URI base;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        elasticMq = ElasticMqServer.start(0);
        sqs = LocalAwsClients.sqs(elasticMq.endpoint(), Duration.ofSeconds(10));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, ProvisionedQueue> queues = ResourceProvisioner.createQueues(sqs, List.of(
                new QueueDefinition("InboundQueue", "inbound-" + suffix + ".fifo", true, false, 180, 345_600,
                        "InboundDeadLetterQueue", 5),
                new QueueDefinition("InboundDeadLetterQueue", "inbound-dlq-" + suffix + ".fifo", true, false, 30,
                        1_209_600, null, 0)));
        clock = new SimulatedClock();
        PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ingest =
                new LocalFunction<>("IngestFunction", 30, () -> LocalRoutesIT::fakeIngest);
        Outbox outbox = new Outbox();
        GraphFaults faults = new GraphFaults();
        server = LocalHttpServer.bind("127.0.0.1", 0, 4, log);
        LocalRoutes routes = new LocalRoutes(ingest, new ApiGatewayHttpApi(clock),
                new GraphSimulator(PHONE_NUMBER_ID, "local-access-token", clock, outbox, faults), outbox, faults, clock,
                new Drainer(sqs, List.of(queues.get("InboundQueue")), ingest::running),
                new DeadLetterQueues(elasticMq.mirror(), List.of(queues.get("InboundDeadLetterQueue"))),
                () -> Map.of("httpRequests", server.requests()), () -> "<h1>PlayLoop local cloud</h1>", log,
                new SchedulerTicks(new LocalFunction<>("SchedulerFunction", 60, () -> LocalRoutesIT::fakeScheduler),
                        clock, log), new CustomerWindows(false));
        server.start(routes.router());
        base = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        sqs.close();
        elasticMq.close();
    }

    /** A scheduler that answers a fixed summary plus what it was given, and counts runs that overlapped. */
    private static Map<String, Object> fakeScheduler(Map<String, Object> input,
                                                     com.amazonaws.services.lambda.runtime.Context context) {
        if (!schedulerRunning.compareAndSet(false, true)) {
            schedulerOverlaps.incrementAndGet();
        }
        try {
            Thread.sleep(20); // long enough for a second tick to arrive while this one runs
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("sent", 2);
        summary.put("finished", true);
        summary.put("remainingMillis", context.getRemainingTimeInMillis());
        summary.put("scheduledTime", input.get("scheduledTime"));
        summary.put("clock", clock.instant().toString());
        schedulerRunning.set(false);
        return summary;
    }

    /** Echoes what it received; "throw" in the body makes it fail; a handshake gets its challenge. */
    private static APIGatewayV2HTTPResponse fakeIngest(APIGatewayV2HTTPEvent event,
                                                       com.amazonaws.services.lambda.runtime.Context context) {
        invocations.incrementAndGet();
        lastEvent.set(event);
        if ("GET".equals(event.getRequestContext().getHttp().getMethod())) {
            Map<String, String> q = event.getQueryStringParameters();
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "text/plain")).withBody(q.get("hub.challenge")).build();
        }
        if (event.getBody() != null && event.getBody().contains("throw")) {
            throw new IllegalStateException("simulated handler failure");
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8"))
                .withBody(Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)))
                .withIsBase64Encoded(true).build();
    }

    private static HttpResponse<byte[]> send(String method, String path, Map<String, String> headers, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> post(String path, String json) throws Exception {
        return send("POST", path, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        return Json.parse(response.body());
    }

    @Test
    void aWebhookPost_reachesTheFunctionAsPayload2_andItsAnswerComesBackDecoded() throws Exception {
        String body = "{\"object\":\"whatsapp_business_account\",\"text\":\"نقاط\",\"name\":\"محمد\"}";
        HttpResponse<byte[]> response = send("POST", "/webhooks/whatsapp?x=1", Map.of("Content-Type", "application/json",
                "X-Hub-Signature-256", "sha256=00ff"), body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        APIGatewayV2HTTPEvent event = lastEvent.get();
        assertThat(event.getRouteKey()).isEqualTo("POST /webhooks/whatsapp");
        assertThat(event.getHeaders()).containsEntry("x-hub-signature-256", "sha256=00ff");
        assertThat(event.getQueryStringParameters()).containsEntry("x", "1");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getBody().getBytes(StandardCharsets.UTF_8)).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHandshake_answersTheChallengeAsPlainText() throws Exception {
        HttpResponse<byte[]> response = send("GET",
                "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=local-verify-token",
                Map.of(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("1158201444");
        assertThat(lastEvent.get().getRouteKey()).isEqualTo("GET /webhooks/whatsapp");
    }

    @Test
    void aFunctionThatThrows_isApiGateways500() throws Exception {
        HttpResponse<byte[]> response = post("/webhooks/whatsapp", "{\"throw\":true}");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).path("message").asText()).isEqualTo("Internal Server Error");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("simulated handler failure");
    }

    @Test
    void aBodyOverApiGatewaysTenMegabytes_is413_andNeverReachesTheFunction() throws Exception {
        int before = invocations.get();
        byte[] huge = new byte[LocalHttpServer.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpResponse<byte[]> response = send("POST", "/webhooks/whatsapp", Map.of("Content-Type", "application/json"), huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(invocations.get()).isEqualTo(before);
    }

    @Test
    void unknownRoutesAre404_wrongMethods405_andCommerceReachesTheIngestFunction() throws Exception {
        HttpResponse<byte[]> unknown = send("GET", "/nothing/here", Map.of(), null);
        HttpResponse<byte[]> wrongMethod = send("PUT", "/webhooks/whatsapp", Map.of(), new byte[0]);
        HttpResponse<byte[]> commerce = post("/webhooks/commerce", "{}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("message").asText()).contains("No route");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(commerce.statusCode()).isEqualTo(200);
        assertThat(lastEvent.get().getRouteKey()).isEqualTo("POST /webhooks/commerce");
        assertThat(lastEvent.get().getRawPath()).isEqualTo("/webhooks/commerce");
        assertThat(lastEvent.get().getBody()).isEqualTo("{}");
    }

    @Test
    void theGraphSimulator_recordsSends_andTheOutboxShowsThemByRecipient_byteForByte() throws Exception {
        String text = "أهلاً محمد! رصيدك: 0 نقطة";
        String body = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+966501112222\","
                + "\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}";
        HttpResponse<byte[]> sent = send("POST", "/graph/v23.0/" + PHONE_NUMBER_ID + "/messages",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer local-access-token"),
                body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> unauthorised = send("POST", "/graph/v23.0/" + PHONE_NUMBER_ID + "/messages",
                Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(json(sent).path("messages").get(0).path("id").asText()).startsWith("wamid.");
        assertThat(unauthorised.statusCode()).isEqualTo(401);
        assertThat(json(unauthorised).path("error").path("code").asInt()).isEqualTo(190);

        for (String to : List.of("966501112222", "%2B966501112222")) {
            HttpResponse<byte[]> outbox = send("GET", "/_local/outbox?to=" + to, Map.of(), null);
            JsonNode entries = json(outbox);
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).path("seq").asLong()).isPositive();
            assertThat(Instant.parse(entries.get(0).path("at").asText())).isNotNull();
            assertThat(entries.get(0).path("body").path("to").asText()).isEqualTo("+966501112222");
            String raw = new String(outbox.body(), StandardCharsets.UTF_8);
            assertThat(outbox.body()).containsSubsequence(text.getBytes(StandardCharsets.UTF_8));
            assertThat(raw).contains(text);
        }
        assertThat(json(send("GET", "/_local/outbox?to=15550001111", Map.of(), null))).isEmpty();
    }

    @Test
    void faults_failTheNextGraphCalls_untilCleared() throws Exception {
        String body = "{\"messaging_product\":\"whatsapp\",\"to\":\"+33612345678\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}";
        Map<String, String> auth = Map.of("Content-Type", "application/json", "Authorization", "Bearer local-access-token");

        HttpResponse<byte[]> armed = post("/_local/faults", "{\"graph\":{\"status\":503,\"count\":5}}");
        HttpResponse<byte[]> failed = send("POST", "/graph/v23.0/" + PHONE_NUMBER_ID + "/messages", auth,
                body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> cleared = post("/_local/faults", "{}");
        HttpResponse<byte[]> passed = send("POST", "/graph/v23.0/" + PHONE_NUMBER_ID + "/messages", auth,
                body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> nonsense = post("/_local/faults", "{\"graph\":{\"status\":200}}");

        assertThat(armed.statusCode()).isEqualTo(200);
        assertThat(json(armed).path("graph").path("count").asInt()).isEqualTo(5);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(json(failed).path("error").path("code").asInt()).isEqualTo(131016);
        assertThat(json(cleared).isEmpty()).isTrue();
        assertThat(passed.statusCode()).isEqualTo(200);
        assertThat(nonsense.statusCode()).isEqualTo(400);
    }

    @Test
    void theClock_canBeAdvancedOrSet_andBadInputChangesNothing() throws Exception {
        Instant before = Instant.parse(json(send("GET", "/_local/clock", Map.of(), null)).path("now").asText());
        HttpResponse<byte[]> advanced = post("/_local/clock", "{\"advance\":\"PT72H\"}");
        Instant after = Instant.parse(json(advanced).path("now").asText());
        HttpResponse<byte[]> bad = post("/_local/clock", "{\"advance\":\"three days\"}");
        HttpResponse<byte[]> both = post("/_local/clock", "{\"advance\":\"PT1H\",\"set\":\"2026-12-01T10:00:00Z\"}");
        Duration offset = clock.offset();
        HttpResponse<byte[]> set = post("/_local/clock", "{\"set\":\"2030-12-01T10:00:00Z\"}");

        assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofHours(72));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(offset).isGreaterThanOrEqualTo(Duration.ofHours(72)).isLessThan(Duration.ofHours(73));
        assertThat(Instant.parse(json(set).path("now").asText())).isBetween(
                Instant.parse("2030-12-01T10:00:00Z"), Instant.parse("2030-12-01T10:01:00Z"));
        clock.set(Instant.now());
    }

    @Test
    void tick_runsTheSchedulerWithAMinuteOfContext_andAnswersItsSummary() throws Exception {
        Instant before = clock.instant();
        HttpResponse<byte[]> tick = post("/_local/tick", "");

        assertThat(tick.statusCode()).isEqualTo(200);
        JsonNode answer = json(tick);
        assertThat(answer.path("ran").asBoolean()).isTrue();
        assertThat(answer.path("sent").asInt()).isEqualTo(2);
        assertThat(answer.path("finished").asBoolean()).isTrue();
        // The context's remaining time started at 60 s (less what the invocation took so far).
        assertThat(answer.path("remainingMillis").asLong()).isBetween(50_000L, 60_000L);
        // The tick is stamped with the simulated clock's time.
        assertThat(Instant.parse(answer.path("scheduledTime").asText()))
                .isBetween(before, Instant.parse(answer.path("clock").asText()));
    }

    @Test
    void ticksArrivingTogether_runOneAtATime() throws Exception {
        List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> ticks = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ticks.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return post("/_local/tick", "");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (var t : ticks) {
            assertThat(t.get().statusCode()).isEqualTo(200);
        }
        assertThat(schedulerOverlaps.get()).as("runs that overlapped another run").isZero();
    }

    @Test
    void drainDlqStatsAndIndex_answer() throws Exception {
        HttpResponse<byte[]> drain = post("/_local/drain?timeout=PT5S", "");
        HttpResponse<byte[]> badTimeout = post("/_local/drain?timeout=soon", "");
        HttpResponse<byte[]> dlq = send("GET", "/_local/dlq", Map.of(), null);
        HttpResponse<byte[]> stats = send("GET", "/_local/stats", Map.of(), null);
        HttpResponse<byte[]> index = send("GET", "/", Map.of(), null);

        assertThat(drain.statusCode()).isEqualTo(200);
        assertThat(json(drain).path("drained").asBoolean()).isTrue();
        assertThat(badTimeout.statusCode()).isEqualTo(400);
        assertThat(dlq.statusCode()).isEqualTo(200);
        assertThat(json(dlq).fieldNames().next()).startsWith("inbound-dlq-");
        assertThat(json(stats).path("httpRequests").asLong()).isPositive();
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    }
}
