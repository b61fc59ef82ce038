package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test's view of a running local cloud over HTTP: it plays the customer (signed Meta webhooks in) and reads
 * what the business answered (the Graph simulator's outbox), plus the {@code /_local} routes a test needs
 * (drain, clock, stats).
 *
 * <p>Typical use: {@code JsonNode reply = client.say("16505550202", "Sam", "QUIZ");} posts a signed text
 * message, waits until the queues are empty and returns the last request body sent to that customer; read it
 * with {@link #readable}, {@link #buttonIds} and {@link #rowIds}. Message timestamps come from the local
 * cloud's own (simulated) clock, so they follow {@link #advanceClock}.
 */
final class LocalCloudClient {
    private static final AtomicLong WAMIDS = new AtomicLong();
    private static final Duration TIMEOUT = Duration.ofSeconds(150);

    private final URI base;
    private final String appSecret;
    private final String phoneNumberId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A client for the local cloud at {@code base}, with the default app secret and phone-number id. */
    LocalCloudClient(URI base) {
        this(base, LocalCloudOptions.DEFAULT_APP_SECRET, LocalCloudOptions.DEFAULT_PHONE_NUMBER_ID);
    }

    /** A client for a local cloud started with another app secret or phone-number id. */
    LocalCloudClient(URI base, String appSecret, String phoneNumberId) {
        this.base = base;
        this.appSecret = appSecret;
        this.phoneNumberId = phoneNumberId;
    }

    // --- the customer's side -------------------------------------------------------------------------

    /** Sends a text message from the customer, waits for the system to settle, returns the last reply body. */
    JsonNode say(String waId, String name, String text) throws Exception {
        assertThat(postWebhook(textWebhook(waId, name, text))).as("POST of \"%s\" from %s", text, waId).isEqualTo(200);
        drain();
        return last(waId);
    }

    /**
     * Sends a tapped reply button ({@code listRow} false) or list row ({@code listRow} true) with that id and
     * title, waits for the system to settle, returns the last reply body.
     */
    JsonNode tap(String waId, String name, boolean listRow, String id, String title) throws Exception {
        assertThat(postWebhook(tapWebhook(waId, name, listRow, id, title))).as("POST of tap %s from %s", id, waId)
                .isEqualTo(200);
        drain();
        return last(waId);
    }

    /** A real-format text-message webhook from the customer, with a new wamid and the local cloud's time. */
    String textWebhook(String waId, String name, String text) throws Exception {
        return Webhooks.text(phoneNumberId, newWamid(), waId, name, text, nowSeconds());
    }

    /** A real-format tapped button/row webhook (its {@code context.id} names an earlier outbound wamid). */
    String tapWebhook(String waId, String name, boolean listRow, String id, String title) throws Exception {
        return Webhooks.tap(phoneNumberId, newWamid(), waId, name, listRow, id, title, "wamid.OUT", nowSeconds());
    }

    /** A wamid never used before in this JVM, shaped like Meta's. */
    static String newWamid() {
        return "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA" + WAMIDS.incrementAndGet() + "=";
    }

    // --- the webhook route ---------------------------------------------------------------------------

    /** Posts a webhook body signed with the app secret; answers the HTTP status. */
    int postWebhook(String body) throws Exception {
        return postWebhook(body, Webhooks.signature(appSecret, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Posts a webhook body with this {@code X-Hub-Signature-256} (none if null); answers the HTTP status. */
    int postWebhook(String body, String signature) throws Exception {
        return http.send(webhookRequest(body.getBytes(StandardCharsets.UTF_8), signature),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Posts these exact bytes (valid UTF-8 or not) signed with the app secret; answers the HTTP status. */
    int postWebhook(byte[] body) throws Exception {
        return http.send(webhookRequest(body, Webhooks.signature(appSecret, body)),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Posts a signed webhook without waiting for the answer (to race copies of one webhook). */
    CompletableFuture<Integer> postWebhookAsync(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.sendAsync(webhookRequest(bytes, Webhooks.signature(appSecret, bytes)),
                HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private HttpRequest webhookRequest(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/webhooks/whatsapp")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "facebookexternalua")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return request.build();
    }

    // --- the /_local routes --------------------------------------------------------------------------

    /** Returns once the queues are empty and nothing is in flight (fails the test if that takes too long). */
    void drain() throws Exception {
        HttpResponse<String> drained = post("/_local/drain?timeout=PT120S", "");
        assertThat(drained.statusCode()).as(drained.body()).isEqualTo(200);
    }

    /** The outbox entries to that customer, oldest first: {@code {"seq", "at", "body"}}. */
    List<JsonNode> outbox(String waId) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        Json.parse(outboxBytes(waId)).forEach(entries::add);
        return entries;
    }

    /** The outbox to that customer exactly as served (to check bytes, e.g. Arabic). */
    byte[] outboxBytes(String waId) throws Exception {
        return get("/_local/outbox?to=" + waId).body();
    }

    /** The Graph request body of the last message sent to that customer (fails the test if there is none). */
    JsonNode last(String waId) throws Exception {
        List<JsonNode> entries = outbox(waId);
        assertThat(entries).as("replies to " + waId).isNotEmpty();
        return entries.get(entries.size() - 1).path("body");
    }

    /** The local cloud's clock ({@code GET /_local/clock}). */
    Instant now() throws Exception {
        return Instant.parse(Json.parse(get("/_local/clock").body()).path("now").asText());
    }

    /** Moves the clock every function reads forward ({@code POST /_local/clock {"advance": ...}}). */
    void advanceClock(Duration by) throws Exception {
        HttpResponse<String> moved = post("/_local/clock", "{\"advance\":\"" + by + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }

    /** The run's counters ({@code GET /_local/stats}). */
    JsonNode stats() throws Exception {
        return Json.parse(get("/_local/stats").body());
    }

    /** Posts a signed webhook, drains, and answers what it cost (from {@link #stats} before and after). */
    Cost costOf(String webhook) throws Exception {
        JsonNode before = stats();
        assertThat(postWebhook(webhook)).isEqualTo(200);
        drain();
        JsonNode after = stats();
        Map<String, Long> dynamoRequests = new TreeMap<>();
        after.path("dynamodb").path("requests").fields().forEachRemaining(e -> {
            long n = e.getValue().asLong() - before.path("dynamodb").path("requests").path(e.getKey()).asLong();
            if (n > 0) {
                dynamoRequests.put(e.getKey(), n);
            }
        });
        JsonNode esmBefore = before.path("eventSourceMappings").path(0);
        JsonNode esmAfter = after.path("eventSourceMappings").path(0);
        return new Cost(
                after.path("dynamodb").path("readUnits").asDouble() - before.path("dynamodb").path("readUnits").asDouble(),
                after.path("dynamodb").path("writeUnits").asDouble() - before.path("dynamodb").path("writeUnits").asDouble(),
                dynamoRequests,
                sqsDelta(before, after, "byFunctions", "SendMessageBatch"),
                (esmAfter.path("receives").asLong() - esmAfter.path("emptyReceives").asLong())
                        - (esmBefore.path("receives").asLong() - esmBefore.path("emptyReceives").asLong()),
                sqsDelta(before, after, "byEventSourceMappings", "DeleteMessageBatch"),
                sqsDelta(before, after, "byEventSourceMappings", "ChangeMessageVisibilityBatch"));
    }

    private static long sqsDelta(JsonNode before, JsonNode after, String who, String operation) {
        return after.path("sqsRequests").path(who).path(operation).asLong()
                - before.path("sqsRequests").path(who).path(operation).asLong();
    }

    /** POSTs a JSON body to a path of the local cloud (e.g. {@code /_local/faults}). */
    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GETs a path of the local cloud (e.g. {@code /_local/dlq}), body as raw bytes. */
    HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private long nowSeconds() throws Exception {
        return now().getEpochSecond();
    }

    // --- reading a Graph request body ----------------------------------------------------------------

    /** The text the customer reads in a Graph request body: a text message's body or an interactive's body. */
    static String readable(JsonNode body) {
        return body.has("text") ? body.path("text").path("body").asText()
                : body.path("interactive").path("body").path("text").asText();
    }

    /** The reply-button ids of an interactive button message, in order (empty for anything else). */
    static List<String> buttonIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("interactive").path("action").path("buttons").forEach(b -> ids.add(b.path("reply").path("id").asText()));
        return ids;
    }

    /** The row ids of an interactive list message, all sections in order (empty for anything else). */
    static List<String> rowIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("interactive").path("action").path("sections")
                .forEach(s -> s.path("rows").forEach(r -> ids.add(r.path("id").asText())));
        return ids;
    }

    /**
     * What one inbound message cost: DynamoDB units and requests by operation, and the SQS requests of the ingest
     * function ({@code SendMessageBatch}) and of the game queue's event-source mapping (receives that returned
     * records, deletes, visibility changes).
     */
    record Cost(double readUnits, double writeUnits, Map<String, Long> dynamoRequests, long sendMessageBatch,
                long nonEmptyReceives, long deleteMessageBatch, long changeVisibility) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "DynamoDB %.1f RCU + %.1f WCU %s; SQS SendMessageBatch %d,"
                            + " ReceiveMessage (with records) %d, DeleteMessageBatch %d, ChangeMessageVisibilityBatch %d",
                    readUnits, writeUnits, dynamoRequests, sendMessageBatch, nonEmptyReceives, deleteMessageBatch,
                    changeVisibility);
        }
    }
}
