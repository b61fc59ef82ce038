package io.playloop.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Writes CloudWatch metrics in the Embedded Metric Format: one JSON line on stdout per call, which
 * CloudWatch Logs turns into metrics without a PutMetricData call. Written by hand (about 40 lines)
 * rather than pulling a metrics library into every function's cold start.
 *
 * <p>Dimensions stay low-cardinality (function, result kind), never a customer id.
 */
public final class EmfMetrics {
    public static final String NAMESPACE = "PlayLoop";

    private final ObjectMapper mapper;
    private final PrintStream out;
    private final Clock clock;
    private final String function;

    public EmfMetrics(ObjectMapper mapper, PrintStream out, Clock clock, String function) {
        this.mapper = mapper;
        this.out = out;
        this.clock = clock;
        this.function = function;
    }

    /** Emits counts (unit Count) under the dimension {@code function}. */
    public void counts(Map<String, ? extends Number> values) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("function");
        ArrayNode metrics = directive.putArray("Metrics");
        root.put("function", function);
        values.forEach((name, value) -> {
            metrics.addObject().put("Name", name).put("Unit", "Count");
            root.put(name, value.doubleValue());
        });
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metrics", e);
        }
    }
}
