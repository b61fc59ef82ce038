package io.playloop.whatsapp.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link GraphApi} over {@link java.net.http.HttpClient}: base URL, API version, phone-number id from
 * configuration, the bearer token from {@link Secrets} (read per call, so a rotated token is picked up).
 *
 * <p>Meta's limits are checked when an {@link OutboundMessage} is built, so a message Meta would refuse
 * never reaches the wire. Every failure comes out as a {@link GraphApiException} whose
 * {@link GraphError} says whether a retry can help: Meta's error body is parsed when there is one; a
 * timeout or a connection failure is {@code httpStatus 0} and retryable.
 */
public final class GraphApiClient implements GraphApi {
    /** Connect timeout of the client {@link #create} builds. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Request timeout of the client {@link #create} builds. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final PlayLoopConfig config;
    private final Secrets secrets;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ObjectMapper mapper = new ObjectMapper();
    private final GraphPayloads payloads = new GraphPayloads(mapper);

    public GraphApiClient(PlayLoopConfig config, Secrets secrets, HttpClient http, Duration requestTimeout) {
        this.config = Objects.requireNonNull(config, "config");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** A client with its own JDK HTTP client: 3 s to connect, 10 s per request. */
    public static GraphApiClient create(PlayLoopConfig config, Secrets secrets) {
        return new GraphApiClient(config, secrets,
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(), REQUEST_TIMEOUT);
    }

    /** The endpoint messages are posted to: {@code {base}/{version}/{phoneNumberId}/messages}. */
    public URI messagesUri() {
        String phoneNumberId = config.phoneNumberId();
        if (phoneNumberId == null || phoneNumberId.isBlank()) {
            throw new IllegalStateException("no business phone-number id is configured (PLAYLOOP_PHONE_NUMBER_ID): "
                    + "PlayLoop cannot send WhatsApp messages");
        }
        return URI.create(config.graphBaseUrl() + "/" + config.graphApiVersion() + "/" + phoneNumberId + "/messages");
    }

    @Override
    public SendResult send(OutboundMessage message) {
        HttpRequest request = HttpRequest.newBuilder(messagesUri())
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + secrets.accessToken())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payloads.toBytes(message)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw transportFailure("no answer from the Graph API within " + requestTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw transportFailure("cannot reach the Graph API: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw transportFailure("interrupted while calling the Graph API", e);
        }
        return interpret(response.statusCode(), response.body(),
                response.headers().firstValue("x-fb-trace-id").orElse(null));
    }

    /** Reads Meta's answer: a wamid on success, a typed error otherwise. */
    SendResult interpret(int status, byte[] body, String traceHeader) {
        JsonNode json = readJson(body);
        if (status / 100 == 2) {
            String wamid = json == null ? null : nonEmpty(json.path("messages").path(0).path("id").asText(null));
            if (wamid == null) {
                // Accepted or not, we cannot tell: not retryable, so a reply is never sent twice.
                throw new GraphApiException(new GraphError(status, 0, 0, null,
                        "HTTP " + status + " without messages[0].id: " + excerpt(body), null, traceHeader));
            }
            return new SendResult(wamid, nonEmpty(json.path("contacts").path(0).path("wa_id").asText(null)));
        }
        JsonNode error = json == null ? null : json.get("error");
        if (error == null || !error.isObject()) {
            throw new GraphApiException(new GraphError(status, 0, 0, null,
                    "HTTP " + status + (body == null || body.length == 0 ? " with no body" : ": " + excerpt(body)),
                    null, traceHeader));
        }
        String fbtrace = nonEmpty(error.path("fbtrace_id").asText(null));
        throw new GraphApiException(new GraphError(
                status,
                error.path("code").asInt(0),
                error.path("error_subcode").asInt(0),
                nonEmpty(error.path("type").asText(null)),
                error.path("message").asText("HTTP " + status),
                nonEmpty(error.path("error_data").path("details").asText(null)),
                fbtrace != null ? fbtrace : traceHeader));
    }

    private static GraphApiException transportFailure(String message, Exception cause) {
        return new GraphApiException(new GraphError(0, 0, 0, null, message, null, null), cause);
    }

    private JsonNode readJson(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null; // a proxy's HTML error page, a truncated body: described by status and excerpt
        }
    }

    private static String excerpt(byte[] body) {
        if (body == null) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
