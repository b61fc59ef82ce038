package io.playloop.local.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response of the local cloud: status, headers (a name may repeat) and body bytes.
 *
 * @param status  the HTTP status
 * @param headers header values by name, in the order they are sent
 * @param body    the body bytes (empty for none)
 */
public record LocalResponse(int status, Map<String, List<String>> headers, byte[] body) {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";

    public LocalResponse {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = copy;
        body = body == null ? new byte[0] : body;
    }

    /** A JSON response; {@code value} is serialised with the local cloud's mapper. */
    public static LocalResponse json(int status, Object value) {
        return new LocalResponse(status, Map.of("Content-Type", List.of(JSON)), Json.bytes(value));
    }

    /** A JSON error {@code {"message": ...}}, the shape API Gateway uses for its own errors. */
    public static LocalResponse error(int status, String message) {
        return json(status, Map.of("message", message));
    }

    public static LocalResponse text(int status, String contentType, String body) {
        return new LocalResponse(status, Map.of("Content-Type", List.of(contentType)),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** This response with one more header value. */
    public LocalResponse withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        values.add(value);
        copy.put(name, values);
        return new LocalResponse(status, copy, body);
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return null;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
