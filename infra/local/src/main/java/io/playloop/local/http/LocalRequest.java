package io.playloop.local.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as the local cloud's routes see it: the JDK exchange read once, its body capped at
 * API Gateway's 10 MB. Independent of the server class, so the mappings are unit-testable.
 *
 * @param method     the HTTP method, upper case
 * @param rawPath    the path as sent, still percent-encoded
 * @param rawQuery   the query string as sent (without '?'), or null when there is none
 * @param headers    every header line in arrival order: name as sent, one entry per occurrence
 * @param body       the body bytes (empty when there is none)
 * @param protocol   e.g. HTTP/1.1
 * @param sourceIp   the caller's IP address
 * @param localPort  the port the request arrived on
 */
public record LocalRequest(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                           byte[] body, String protocol, String sourceIp, int localPort) {

    public LocalRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
        protocol = protocol == null ? "HTTP/1.1" : protocol;
        sourceIp = sourceIp == null ? "127.0.0.1" : sourceIp;
    }

    /** A request for tests and internal calls. */
    public static LocalRequest of(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        List<Map.Entry<String, String>> list = new ArrayList<>();
        headers.forEach((k, v) -> list.add(Map.entry(k, v)));
        return new LocalRequest(method, path, query, list, body, "HTTP/1.1", "127.0.0.1", 8080);
    }

    /** The first value of a header, matched case-insensitively, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** Header values grouped by lower-cased name, in first-arrival order. */
    public Map<String, List<String>> headersByLowerCaseName() {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers) {
            grouped.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        grouped.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(grouped);
    }

    /** The decoded query parameters, repeated names joined by commas (as API Gateway does). */
    public Map<String, String> queryParameters() {
        return QueryStrings.parse(rawQuery);
    }
}
