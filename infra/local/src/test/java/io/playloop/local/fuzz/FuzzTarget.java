package io.playloop.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A local cloud reached over HTTP only (in this JVM or the jar in another process): its routes, as a client. */
final class FuzzTarget {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FuzzTarget(URI base) {
        this.base = base;
    }

    /** An answer: its status (-1 when the connection failed without one) and body. */
    record Answer(int status, String body) {
    }

    /** Posts exact bytes with these headers; answers the status, or -1 when the connection failed (no answer). */
    int post(String path, byte[] body, Map<String, String> headers) {
        return exchange(path, body, headers).status();
    }

    /** Posts exact bytes with these headers; answers the status and the body. */
    Answer exchange(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    Instant now() {
        return Instant.parse(getJson("/_local/clock").path("now").asText());
    }

    /** True once the queues are empty and nothing is in flight within the timeout. */
    boolean drain(Duration timeout) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/_local/drain?timeout=" + timeout))
                    .timeout(timeout.plusSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The dead-letter queues' records: {@code {"<queue>": [records]}}. */
    JsonNode deadLetters() {
        return getJson("/_local/dlq");
    }

    /** Records in every dead-letter queue. */
    int deadLetterCount() {
        int n = 0;
        for (JsonNode records : deadLetters()) {
            n += records.size();
        }
        return n;
    }

    /** The replies sent to one customer, oldest first. */
    JsonNode outbox(String waId) {
        return getJson("/_local/outbox?to=" + waId);
    }

    JsonNode stats() {
        return getJson("/_local/stats");
    }

    private JsonNode getJson(String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
            return MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
