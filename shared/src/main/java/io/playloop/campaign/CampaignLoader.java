package io.playloop.campaign;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads a campaign from YAML (what people write) or JSON (what the table stores), validates it, and
 * writes it back as canonical JSON. Both formats have the same shape; see
 * {@code infra/campaigns/FORMAT.md}.
 *
 * <p>Bad input never surfaces as a stack trace: a file that cannot be parsed, or that breaks any rule,
 * throws one {@link InvalidCampaignException} listing every problem with its path.
 *
 * <p>The YAML methods need jackson-dataformat-yaml, an optional dependency that only the CLI and the
 * tests carry; the YAML types live in {@link YamlTrees}, so this class loads without them and the game
 * function reads JSON only.
 */
public final class CampaignLoader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private CampaignLoader() {
    }

    /** Reads and validates a campaign written as JSON. */
    public static Campaign fromJson(String json, String source) {
        return fromTree(parse(() -> JSON.readTree(json), "JSON", source), source);
    }

    /** Reads and validates a campaign written as JSON (UTF-8). The stream is not closed. */
    public static Campaign fromJson(InputStream json, String source) {
        return fromTree(parse(() -> JSON.readTree(json), "JSON", source), source);
    }

    /** Reads and validates a campaign written as YAML (needs jackson-dataformat-yaml). */
    public static Campaign fromYaml(String yaml, String source) {
        return fromTree(parse(() -> YamlTrees.read(yaml), "YAML", source), source);
    }

    /** Reads and validates a campaign written as YAML (UTF-8). The stream is not closed. */
    public static Campaign fromYaml(InputStream yaml, String source) {
        return fromTree(parse(() -> YamlTrees.read(yaml), "YAML", source), source);
    }

    /** Validates a campaign tree already parsed (YAML and JSON trees have the same shape). */
    public static Campaign fromTree(JsonNode tree, String source) {
        return CampaignReader.read(tree, source);
    }

    /** The canonical JSON of a campaign, every default spelled out; {@link #fromJson} reads it back equal. */
    public static String toJson(Campaign campaign) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(CampaignWriter.write(campaign));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a campaign tree always serialises", e);
        }
    }

    /** The canonical tree of a campaign (what {@link #toJson} prints). */
    public static JsonNode toTree(Campaign campaign) {
        return CampaignWriter.write(campaign);
    }

    private static JsonNode parse(TreeSource read, String language, String source) {
        try {
            return read.read();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidCampaignException(source,
                    List.of(new Problem("", "not valid " + language + where + ": " + firstLine(e.getOriginalMessage()))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        } catch (RuntimeException e) {
            // A parser bug on odd input (SnakeYAML has had a few) is still bad input, not a crash.
            throw new InvalidCampaignException(source, List.of(new Problem("", "could not be parsed as " + language
                    + " (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")")));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    /** A parse that may fail with the parser's exceptions. */
    @FunctionalInterface
    private interface TreeSource {
        JsonNode read() throws IOException;
    }
}
