package io.playloop.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Read-only view of an API Gateway HTTP API (payload 2.0) request: method, path, headers looked up
 * case-insensitively (HTTP API lower-cases them, other front ends may not), query parameters, and the
 * body as the exact bytes the client sent.
 */
final class HttpRequest {
    private final APIGatewayV2HTTPEvent event;

    HttpRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    /** The HTTP method in upper case, from requestContext.http.method or else the route key. */
    String method() {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        String method = context == null || context.getHttp() == null ? null : context.getHttp().getMethod();
        if (method == null && event.getRouteKey() != null && event.getRouteKey().contains(" ")) {
            method = event.getRouteKey().substring(0, event.getRouteKey().indexOf(' '));
        }
        return method == null ? "" : method.toUpperCase(Locale.ROOT);
    }

    /** The request path (rawPath, or requestContext.http.path), without a trailing slash. */
    String path() {
        String path = event.getRawPath();
        if (path == null && event.getRequestContext() != null && event.getRequestContext().getHttp() != null) {
            path = event.getRequestContext().getHttp().getPath();
        }
        if (path == null) {
            return "";
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A header value, whatever the case of its name; null when absent. */
    String header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** A query parameter (decoded); null when absent. */
    String queryParameter(String name) {
        Map<String, String> params = event.getQueryStringParameters();
        if (params != null && params.containsKey(name)) {
            return params.get(name);
        }
        String raw = event.getRawQueryString();
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name.equals(key)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /**
     * The body as sent, or null when it exceeds {@code maxBytes}: base64-decoded when API Gateway marked
     * it so, else the UTF-8 bytes of the string (API Gateway passes a UTF-8 body through as text).
     *
     * @throws IllegalArgumentException when a body marked base64 is not base64
     */
    byte[] body(int maxBytes) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            // Four base64 characters carry three bytes: refuse an oversized body before decoding it.
            if ((long) body.length() / 4 * 3 > (long) maxBytes + 3) {
                return null;
            }
            byte[] decoded = Base64.getDecoder().decode(body);
            return decoded.length > maxBytes ? null : decoded;
        }
        if (body.length() > maxBytes) {
            return null; // every char is at least one UTF-8 byte
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return bytes.length > maxBytes ? null : bytes;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
