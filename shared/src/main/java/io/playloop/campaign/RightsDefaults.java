package io.playloop.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in keywords and texts of a customer's data rights (ERASE) in every language PlayLoop speaks, from
 * {@code data-rights.json}: what a campaign that leaves them out (or was written before they existed) plays with.
 */
final class RightsDefaults {
    private static final String RESOURCE = "/io/playloop/campaign/data-rights.json";
    private static final JsonNode DEFAULTS = load();

    private RightsDefaults() {
    }

    /** The ERASE phrases of a language. */
    static List<String> keywords(String language) {
        List<String> phrases = new ArrayList<>();
        DEFAULTS.path(language).path("keywords").forEach(p -> phrases.add(p.asText()));
        return phrases;
    }

    /** The built-in text of a data-rights key in a language. */
    static Optional<String> text(String language, TextKey key) {
        JsonNode text = DEFAULTS.path(language).path("texts").path(key.key());
        return text.isTextual() ? Optional.of(text.asText()) : Optional.empty();
    }

    private static JsonNode load() {
        try (InputStream in = RightsDefaults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
