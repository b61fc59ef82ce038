package io.playloop.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * The table, queues and queue-driven functions as template.yaml declares them: the one definition that
 * SAM deploys, the local cloud creates and the tests use. Reading it needs jackson-dataformat-yaml on
 * the class path (the Lambda jars never call this).
 *
 * <p>Jackson's YAML reader drops the short intrinsic tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub})
 * and keeps their scalar, which is all this class needs; the long forms ({@code Fn::GetAtt}) are read too.
 */
public final class TemplateDefinitions {
    /** Where the shared jar carries template.yaml. */
    public static final String BUNDLED_RESOURCE = "playloop/template.yaml";

    private static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    private static final String QUEUE_TYPE = "AWS::SQS::Queue";
    private static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    private static final int SQS_DEFAULT_VISIBILITY = 30;
    private static final int SQS_DEFAULT_RETENTION = 345_600;
    private static final int LAMBDA_DEFAULT_TIMEOUT = 3;

    private final JsonNode template;
    private final String source;

    private TemplateDefinitions(JsonNode template, String source) {
        this.template = template;
        this.source = source;
        if (!template.path("Resources").isObject()) {
            throw new IllegalArgumentException(source + ": no Resources section");
        }
    }

    /** Reads the template.yaml bundled in the shared jar (classpath {@code playloop/template.yaml}). */
    public static TemplateDefinitions bundled() {
        try (InputStream in = TemplateDefinitions.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + BUNDLED_RESOURCE
                        + " is missing: the shared jar is built with template.yaml inside");
            }
            return new TemplateDefinitions(yaml().readTree(in), "classpath:" + BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    /** Reads a template.yaml file. */
    public static TemplateDefinitions load(Path templateYaml) {
        try {
            return new TemplateDefinitions(yaml().readTree(Files.readAllBytes(templateYaml)), templateYaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + templateYaml, e);
        }
    }

    /** Parses template text (tests of broken templates). */
    public static TemplateDefinitions parse(String yamlText, String source) {
        try {
            return new TemplateDefinitions(yaml().readTree(yamlText), source);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not YAML: " + e.getMessage(), e);
        }
    }

    /** The whole template as a tree (for checks that compare it with the code). */
    public JsonNode tree() {
        return template;
    }

    /** The CreateTable request for the single table (keys, GSIs, billing) under the given name. */
    public CreateTableRequest createTableRequest(String tableName) {
        JsonNode props = tableProperties();
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (JsonNode a : required(props, "AttributeDefinitions", "PlayLoopTable")) {
            attributes.add(AttributeDefinition.builder()
                    .attributeName(text(a, "AttributeName", "AttributeDefinitions[]"))
                    .attributeType(text(a, "AttributeType", "AttributeDefinitions[]")).build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (JsonNode g : props.path("GlobalSecondaryIndexes")) {
            String name = text(g, "IndexName", "GlobalSecondaryIndexes[]");
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(name)
                    .keySchema(keySchema(required(g, "KeySchema", name)))
                    .projection(Projection.builder()
                            .projectionType(g.path("Projection").path("ProjectionType").asText("ALL"))
                            .nonKeyAttributes(strings(g.path("Projection").path("NonKeyAttributes")))
                            .build())
                    .build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(attributes)
                .keySchema(keySchema(required(props, "KeySchema", "PlayLoopTable")))
                .billingMode(BillingMode.fromValue(props.path("BillingMode").asText("PAY_PER_REQUEST")));
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        return request.build();
    }

    /** The TTL attribute name (TimeToLiveSpecification.AttributeName). */
    public String ttlAttribute() {
        return text(tableProperties().path("TimeToLiveSpecification"), "AttributeName", "TimeToLiveSpecification");
    }

    /** Every AWS::SQS::Queue, dead-letter queues included. */
    public List<QueueDefinition> queues() {
        List<QueueDefinition> queues = new ArrayList<>();
        for (Map.Entry<String, JsonNode> r : resources(QUEUE_TYPE)) {
            JsonNode p = r.getValue().path("Properties");
            boolean fifo = p.path("FifoQueue").asBoolean(false);
            JsonNode redrive = p.path("RedrivePolicy");
            String deadLetter = redrive.isMissingNode() ? null
                    : logicalIdOf(redrive.path("deadLetterTargetArn"), r.getKey() + ".RedrivePolicy");
            queues.add(new QueueDefinition(
                    r.getKey(),
                    kebab(r.getKey()) + (fifo ? ".fifo" : ""),
                    fifo,
                    p.path("ContentBasedDeduplication").asBoolean(false),
                    p.path("VisibilityTimeout").asInt(SQS_DEFAULT_VISIBILITY),
                    p.path("MessageRetentionPeriod").asInt(SQS_DEFAULT_RETENTION),
                    deadLetter,
                    redrive.isMissingNode() ? 0 : redrive.path("maxReceiveCount").asInt(0)));
        }
        return queues;
    }

    public Optional<QueueDefinition> queue(String logicalId) {
        return queues().stream().filter(q -> q.logicalId().equals(logicalId)).findFirst();
    }

    /** Every SQS event source of every function (which function polls which queue, and how). */
    public List<QueueEventSource> queueEventSources() {
        int globalTimeout = template.path("Globals").path("Function").path("Timeout").asInt(LAMBDA_DEFAULT_TIMEOUT);
        List<QueueEventSource> sources = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : resources(FUNCTION_TYPE)) {
            JsonNode p = f.getValue().path("Properties");
            int timeout = p.path("Timeout").asInt(globalTimeout);
            Iterator<Map.Entry<String, JsonNode>> events = p.path("Events").fields();
            while (events.hasNext()) {
                Map.Entry<String, JsonNode> e = events.next();
                if (!"SQS".equals(e.getValue().path("Type").asText())) {
                    continue;
                }
                JsonNode ep = e.getValue().path("Properties");
                boolean partial = false;
                for (JsonNode t : ep.path("FunctionResponseTypes")) {
                    partial |= "ReportBatchItemFailures".equals(t.asText());
                }
                sources.add(new QueueEventSource(f.getKey(), text(p, "Handler", f.getKey()),
                        logicalIdOf(ep.path("Queue"), f.getKey() + ".Events." + e.getKey() + ".Queue"),
                        ep.path("BatchSize").asInt(10), partial, timeout));
            }
        }
        return sources;
    }

    private JsonNode tableProperties() {
        List<Map.Entry<String, JsonNode>> tables = resources(TABLE_TYPE);
        if (tables.size() != 1) {
            throw new IllegalStateException(source + ": expected exactly one " + TABLE_TYPE + ", found " + tables.size());
        }
        return tables.get(0).getValue().path("Properties");
    }

    private List<Map.Entry<String, JsonNode>> resources(String type) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                found.add(e);
            }
        });
        return found;
    }

    /** The logical id in {@code !GetAtt X.Arn}, {@code Fn::GetAtt: [X, Arn]} or {@code {"Fn::GetAtt": "X.Arn"}}. */
    private String logicalIdOf(JsonNode reference, String where) {
        JsonNode value = reference.has("Fn::GetAtt") ? reference.get("Fn::GetAtt") : reference;
        if (value.isArray() && value.size() > 0) {
            return value.get(0).asText();
        }
        if (value.isTextual() && !value.asText().isBlank()) {
            String text = value.asText();
            int dot = text.indexOf('.');
            return dot < 0 ? text : text.substring(0, dot);
        }
        throw new IllegalArgumentException(source + ": " + where + " must reference a resource (!GetAtt X.Arn)");
    }

    private List<KeySchemaElement> keySchema(JsonNode keys) {
        List<KeySchemaElement> schema = new ArrayList<>();
        for (JsonNode k : keys) {
            schema.add(KeySchemaElement.builder().attributeName(text(k, "AttributeName", "KeySchema[]"))
                    .keyType(text(k, "KeyType", "KeySchema[]")).build());
        }
        return schema;
    }

    private JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull() || (v.isArray() && v.isEmpty())) {
            throw new IllegalArgumentException(source + ": " + where + "." + field + " is missing");
        }
        return v;
    }

    private String text(JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException(source + ": " + where + "." + field + " is missing");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values.isEmpty() ? null : values;
    }

    /** InboundDeadLetterQueue becomes inbound-dead-letter-queue. */
    static String kebab(String logicalId) {
        return logicalId.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory());
    }
}
