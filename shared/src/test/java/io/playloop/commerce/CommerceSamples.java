package io.playloop.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The signed samples under events/commerce (API Gateway events): their bodies and headers. */
final class CommerceSamples {
    static final String LOCAL_SHOP_SECRET = "local-shop-secret";
    private static final Path DIR = Path.of("..", "events", "commerce");

    private CommerceSamples() {
    }

    static JsonNode event(String file) {
        try {
            return new ObjectMapper().readTree(DIR.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] body(String file) {
        return event(file).get("body").asText().getBytes(StandardCharsets.UTF_8);
    }

    static String header(String file, String name) {
        return event(file).get("headers").path(name).asText(null);
    }
}
