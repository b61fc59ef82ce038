package io.playloop.local.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses query strings the way API Gateway's HTTP API fills {@code queryStringParameters}. */
public final class QueryStrings {
    private QueryStrings() {
    }

    /**
     * Decodes {@code a=1&b=x%20y&a=2} into {@code {a=1,2, b=x y}}: names and values URL-decoded (UTF-8,
     * '+' as space), a name without '=' gets an empty value, repeated names are joined by commas in
     * arrival order, empty pieces are skipped. Null or empty input gives an empty map.
     */
    public static Map<String, String> parse(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String piece : rawQuery.split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String name = decode(eq < 0 ? piece : piece.substring(0, eq));
            String value = eq < 0 ? "" : decode(piece.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray '%': keep the text as sent rather than refuse the request
        }
    }
}
