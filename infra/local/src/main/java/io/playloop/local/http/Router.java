package io.playloop.local.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps {@code METHOD /path/{param}} to handlers: an unknown path answers 404, a known path with
 * another method 405 with an {@code Allow} header, both as JSON.
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    /** Handles one routed request; {@code pathParameters} holds the {@code {name}} segments, decoded. */
    @FunctionalInterface
    public interface Handler {
        LocalResponse handle(LocalRequest request, Map<String, String> pathParameters) throws Exception;
    }

    /** Adds a route; {@code pathTemplate} segments in braces match one non-empty segment. */
    public Router route(String method, String pathTemplate, Handler handler) {
        routes.add(new Route(method, pathTemplate.split("/", -1), handler));
        return this;
    }

    /** Runs the matching route's handler (its exceptions propagate), or answers 404/405. */
    public LocalResponse dispatch(LocalRequest request) throws Exception {
        String[] segments = request.rawPath().split("/", -1);
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = route.match(segments);
            if (parameters == null) {
                continue;
            }
            if (route.method().equals(request.method())) {
                return route.handler().handle(request, parameters);
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty()) {
            return LocalResponse.error(405, request.method() + " is not allowed on " + request.rawPath()
                    + "; allowed: " + String.join(", ", allowed)).withHeader("Allow", String.join(", ", allowed));
        }
        return LocalResponse.error(404, "No route for " + request.method() + " " + request.rawPath()
                + ". GET / lists the routes.");
    }

    private record Route(String method, String[] template, Handler handler) {
        Map<String, String> match(String[] segments) {
            if (segments.length != template.length) {
                return null;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < template.length; i++) {
                String t = template[i];
                if (t.length() > 2 && t.startsWith("{") && t.endsWith("}")) {
                    if (segments[i].isEmpty()) {
                        return null;
                    }
                    parameters.put(t.substring(1, t.length() - 1), decodeSegment(segments[i]));
                } else if (!t.equals(segments[i])) {
                    return null;
                }
            }
            return parameters;
        }

        private static String decodeSegment(String segment) {
            try {
                // In a path '+' is a plus sign, not a space.
                return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return segment;
            }
        }
    }
}
