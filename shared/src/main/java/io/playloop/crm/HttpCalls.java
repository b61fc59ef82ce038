package io.playloop.crm;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** What the three sinks share: one HTTP exchange with failures typed, Retry-After read, bodies excerpted. */
final class HttpCalls {
    private static final int MAX_EXCERPT = 300;

    private HttpCalls() {
    }

    /** Sends the request; a timeout or a connection failure becomes a retryable {@link CrmSyncException}. */
    static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, String sink) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new CrmSyncException(sink, 0, true, null, "no answer within "
                    + request.timeout().map(Duration::toMillis).orElse(-1L) + " ms", e);
        } catch (IOException e) {
            throw new CrmSyncException(sink, 0, true, null, "cannot reach " + request.uri().getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmSyncException(sink, 0, true, null, "interrupted", e);
        }
    }

    /**
     * Reads a Retry-After header: delay-seconds ({@code 10}) or an HTTP date. Null when absent or
     * unreadable; never negative.
     */
    static Duration retryAfter(HttpResponse<?> response, Clock clock) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** The start of a response body for an error message. */
    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "(no body)";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= MAX_EXCERPT ? text : text.substring(0, MAX_EXCERPT) + "...";
    }

    /** 429 and 5xx can succeed later; so can 408 (the server gave up waiting for us). */
    /** A vendor's JSON answer, or an empty object when it sent none or something else (an HTML error page). */
    static com.fasterxml.jackson.databind.JsonNode readJson(com.fasterxml.jackson.databind.ObjectMapper mapper,
                                                            byte[] body) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = body == null || body.length == 0 ? null : mapper.readTree(body);
            return node == null ? mapper.createObjectNode() : node;
        } catch (java.io.IOException e) {
            return mapper.createObjectNode();
        }
    }

    static boolean retryableStatus(int status) {
        return status == 429 || status == 408 || status >= 500;
    }
}
