package io.playloop.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {
    @Test
    void countsBecomeOneEmfLineThatCloudWatchCanRead() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ObjectMapper mapper = new ObjectMapper();
        EmfMetrics metrics = new EmfMetrics(mapper, new PrintStream(buffer, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC), "game");
        Map<String, Number> values = new LinkedHashMap<>();
        values.put("Messages", 3);
        values.put("WriteUnits", 12.5);

        metrics.counts(values);

        String line = buffer.toString(StandardCharsets.UTF_8);
        assertThat(line.lines()).hasSize(1);
        JsonNode root = mapper.readTree(line);
        JsonNode directive = root.at("/_aws/CloudWatchMetrics/0");
        assertThat(root.at("/_aws/Timestamp").asLong()).isEqualTo(1795428000000L);
        assertThat(directive.path("Namespace").asText()).isEqualTo("PlayLoop");
        assertThat(directive.at("/Dimensions/0/0").asText()).isEqualTo("function");
        assertThat(directive.path("Metrics")).extracting(m -> m.path("Name").asText())
                .containsExactly("Messages", "WriteUnits");
        // Every metric and dimension named in the directive is a top-level member holding its value.
        assertThat(root.path("function").asText()).isEqualTo("game");
        assertThat(root.path("Messages").asDouble()).isEqualTo(3.0);
        assertThat(root.path("WriteUnits").asDouble()).isEqualTo(12.5);
    }
}
