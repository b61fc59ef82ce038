package io.playloop.campaign;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses campaign YAML into the same tree shape as JSON. The only class of the package that touches
 * jackson-dataformat-yaml (optional in shared: the CLI and the tests have it, the Lambda jars do not).
 *
 * <p>YAML 1.1 would read {@code yes}, {@code no}, {@code on}, {@code off} as booleans, which turns the
 * keyword "yes" into "true"; here they stay text. Duplicate keys are an error, not a silent overwrite.
 * A key with nothing after it ({@code quiz:}) reads as empty text, which {@link Fields} treats as no value.
 */
final class YamlTrees {
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private YamlTrees() {
    }

    static JsonNode read(String yaml) throws IOException {
        return YAML.readTree(yaml);
    }

    static JsonNode read(InputStream yaml) throws IOException {
        return YAML.readTree(yaml);
    }
}
