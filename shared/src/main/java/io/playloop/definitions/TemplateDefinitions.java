package io.playloop.definitions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table, queues and queue-driven functions as template.yaml declares them: the one definition that
 * SAM deploys, the local cloud creates and the tests use. Reading it needs jackson-dataformat-yaml on
 * the class path (the Lambda jars never call this).
 *
 * <p>CloudFormation's short tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}) read as their plain
 * argument ({@code !GetAtt InboundDeadLetterQueue.Arn} is the text {@code InboundDeadLetterQueue.Arn});
 * the long forms ({@code Fn::GetAtt: [X, Arn]}, {@code {"Fn::GetAtt": "X.Arn"}}) are understood too.
 * Anything the code relies on and cannot read fails with an {@link InvalidTemplateException} naming
 * the node at fault. Instances are immutable and thread-safe.
 */
public final class TemplateDefinitions {
    /** Where the shared jar carries the repository's template.yaml (copied at build time). */
    public static final String BUNDLED_RESOURCE = "playloop/template.yaml";

    static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    static final String QUEUE_TYPE = "AWS::SQS::Queue";
    static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    /** Lambda's, SQS's and the SQS event source's defaults when the template leaves a value out. */
    static final int DEFAULT_FUNCTION_TIMEOUT_SECONDS = 3;
    static final int DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
    static final int DEFAULT_RETENTION_SECONDS = 345_600;
    static final int DEFAULT_SQS_BATCH_SIZE = 10;
    private static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

    private static volatile TemplateDefinitions bundled;

    private final String source;
    private final JsonNode root;

    private TemplateDefinitions(String source, JsonNode root) {
        this.source = source;
        this.root = root;
    }

    /** Reads the template.yaml bundled in the shared jar (classpath {@code playloop/template.yaml}). */
    public static TemplateDefinitions bundled() {
        TemplateDefinitions t = bundled;
        if (t == null) {
            ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                    TemplateDefinitions.class.getClassLoader());
            try (InputStream in = loader.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new InvalidTemplateException(BUNDLED_RESOURCE + " is not on the class path: the shared"
                            + " module copies the repository's template.yaml there when it builds");
                }
                t = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "template.yaml (bundled)");
            } catch (IOException e) {
                throw new InvalidTemplateException("cannot read " + BUNDLED_RESOURCE + ": " + e.getMessage(), e);
            }
            bundled = t;
        }
        return t;
    }

    /** Reads a template.yaml file. */
    public static TemplateDefinitions load(Path templateYaml) {
        try {
            return parse(Files.readString(templateYaml, StandardCharsets.UTF_8), templateYaml.toString());
        } catch (IOException e) {
            throw new InvalidTemplateException("cannot read " + templateYaml + ": " + e, e);
        }
    }

    /** Reads template text; {@code source} names it in error messages. */
    static TemplateDefinitions parse(String yaml, String source) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode root;
        try {
            root = mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidTemplateException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidTemplateException(source + ": expected a YAML mapping with Resources, found "
                    + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType()));
        }
        TemplateDefinitions t = new TemplateDefinitions(source, root);
        t.resources(); // fail now, not at first use, when there is no Resources mapping at all
        return t;
    }

    /** The CreateTable request for the single table (keys, GSIs, billing) under the given name. */
    public CreateTableRequest createTableRequest(String tableName) {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("a table name is required");
        }
        Node table = theTable();
        Node props = table.required("Properties");
        List<AttributeDefinition> definitions = new ArrayList<>();
        for (Node d : props.required("AttributeDefinitions").elements()) {
            definitions.add(AttributeDefinition.builder()
                    .attributeName(d.required("AttributeName").text())
                    .attributeType(d.required("AttributeType").oneOf(ScalarAttributeType.class))
                    .build());
        }
        Set<String> defined = new HashSet<>();
        definitions.forEach(d -> defined.add(d.attributeName()));

        BillingMode billing = props.optional("BillingMode").map(n -> n.oneOf(BillingMode.class))
                .orElse(BillingMode.PROVISIONED); // CloudFormation's default
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(definitions)
                .keySchema(keySchema(props.required("KeySchema"), defined))
                .billingMode(billing);
        if (billing == BillingMode.PROVISIONED) {
            request.provisionedThroughput(throughput(props.required("ProvisionedThroughput")));
        }
        Optional<Node> gsis = props.optional("GlobalSecondaryIndexes");
        if (gsis.isPresent()) {
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            for (Node g : gsis.get().elements()) {
                GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                        .indexName(g.required("IndexName").text())
                        .keySchema(keySchema(g.required("KeySchema"), defined))
                        .projection(projection(g.required("Projection")));
                if (billing == BillingMode.PROVISIONED) {
                    index.provisionedThroughput(throughput(g.required("ProvisionedThroughput")));
                }
                indexes.add(index.build());
            }
            request.globalSecondaryIndexes(indexes);
        }
        Optional<Node> lsis = props.optional("LocalSecondaryIndexes");
        if (lsis.isPresent()) {
            List<LocalSecondaryIndex> indexes = new ArrayList<>();
            for (Node l : lsis.get().elements()) {
                indexes.add(LocalSecondaryIndex.builder()
                        .indexName(l.required("IndexName").text())
                        .keySchema(keySchema(l.required("KeySchema"), defined))
                        .projection(projection(l.required("Projection")))
                        .build());
            }
            request.localSecondaryIndexes(indexes);
        }
        return request.build();
    }

    /** The TTL attribute name (TimeToLiveSpecification.AttributeName); TTL must be enabled. */
    public String ttlAttribute() {
        Node ttl = theTable().required("Properties").required("TimeToLiveSpecification");
        if (!ttl.required("Enabled").bool()) {
            throw ttl.error("Enabled must be true: inbound receipts are removed by TTL after 8 days");
        }
        return ttl.required("AttributeName").text();
    }

    /** Every AWS::SQS::Queue, dead-letter queues included, in template order. */
    public List<QueueDefinition> queues() {
        Map<String, Node> queues = resourcesOfType(QUEUE_TYPE);
        List<QueueDefinition> out = new ArrayList<>();
        for (Map.Entry<String, Node> e : queues.entrySet()) {
            String logicalId = e.getKey();
            Node props = e.getValue().optional("Properties").orElse(null);
            boolean fifo = props != null && props.optional("FifoQueue").map(Node::bool).orElse(false);
            boolean contentDedup = props != null
                    && props.optional("ContentBasedDeduplication").map(Node::bool).orElse(false);
            int visibility = props == null ? DEFAULT_VISIBILITY_TIMEOUT_SECONDS
                    : props.optional("VisibilityTimeout").map(Node::integer).orElse(DEFAULT_VISIBILITY_TIMEOUT_SECONDS);
            int retention = props == null ? DEFAULT_RETENTION_SECONDS
                    : props.optional("MessageRetentionPeriod").map(Node::integer).orElse(DEFAULT_RETENTION_SECONDS);
            String deadLetter = null;
            int maxReceiveCount = 0;
            Optional<Node> redrive = props == null ? Optional.empty() : props.optional("RedrivePolicy");
            if (redrive.isPresent()) {
                Node policy = redrive.get().asObject();
                Node target = policy.required("deadLetterTargetArn");
                deadLetter = queueArnReference(target);
                if (!queues.containsKey(deadLetter)) {
                    throw target.error("names " + deadLetter + ", which is not an " + QUEUE_TYPE + " of this template");
                }
                Node count = policy.required("maxReceiveCount");
                maxReceiveCount = count.integer();
                if (maxReceiveCount < 1) {
                    throw count.error("must be at least 1, found " + maxReceiveCount);
                }
            }
            out.add(new QueueDefinition(logicalId, localName(logicalId, fifo), fifo, contentDedup, visibility,
                    retention, deadLetter, maxReceiveCount));
        }
        return List.copyOf(out);
    }

    /** The queue with this logical id, if the template declares it. */
    public Optional<QueueDefinition> queue(String logicalId) {
        return queues().stream().filter(q -> q.logicalId().equals(logicalId)).findFirst();
    }

    /** Every SQS event source of every function (which function polls which queue, and how). */
    public List<QueueEventSource> queueEventSources() {
        Optional<Node> globals = root().optional("Globals").flatMap(g -> g.optional("Function"));
        Map<String, Node> queues = resourcesOfType(QUEUE_TYPE);
        List<QueueEventSource> out = new ArrayList<>();
        for (Map.Entry<String, Node> fn : resourcesOfType(FUNCTION_TYPE).entrySet()) {
            Node props = fn.getValue().required("Properties");
            Optional<Node> events = props.optional("Events");
            if (events.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Node> event : events.get().fields().entrySet()) {
                if (!"SQS".equals(event.getValue().required("Type").text())) {
                    continue;
                }
                Node eventProps = event.getValue().required("Properties");
                Node queueNode = eventProps.required("Queue");
                String queue = queueArnReference(queueNode);
                if (!queues.containsKey(queue)) {
                    throw queueNode.error("names " + queue + ", which is not an " + QUEUE_TYPE + " of this template");
                }
                boolean reportsFailures = eventProps.optional("FunctionResponseTypes")
                        .map(types -> types.elements().stream().anyMatch(t -> REPORT_BATCH_ITEM_FAILURES.equals(t.text())))
                        .orElse(false);
                int timeout = props.optional("Timeout")
                        .or(() -> globals.flatMap(g -> g.optional("Timeout")))
                        .map(Node::integer).orElse(DEFAULT_FUNCTION_TIMEOUT_SECONDS);
                String handler = props.optional("Handler")
                        .or(() -> globals.flatMap(g -> g.optional("Handler")))
                        .orElseThrow(() -> props.error("has no Handler (nor does Globals.Function)"))
                        .text();
                out.add(new QueueEventSource(fn.getKey(), handler, queue,
                        eventProps.optional("BatchSize").map(Node::integer).orElse(DEFAULT_SQS_BATCH_SIZE),
                        reportsFailures, timeout));
            }
        }
        return List.copyOf(out);
    }

    /** The logical ids of the template's functions, in template order. */
    public List<String> functionLogicalIds() {
        return List.copyOf(resourcesOfType(FUNCTION_TYPE).keySet());
    }

    /**
     * A function's {@code Policies} as written (statements and SAM policy templates), short tags read as their
     * argument; an empty array when it has none.
     *
     * @throws IllegalArgumentException when the template has no such AWS::Serverless::Function
     */
    public JsonNode functionPolicies(String functionLogicalId) {
        Node function = resourcesOfType(FUNCTION_TYPE).get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("template.yaml has no " + FUNCTION_TYPE + " " + functionLogicalId);
        }
        return function.required("Properties").optional("Policies").<JsonNode>map(n -> n.json.deepCopy())
                .orElseGet(() -> new ObjectMapper().createArrayNode());
    }

    /**
     * A function's Timeout in seconds: its own, else Globals.Function's, else Lambda's default of 3.
     *
     * @throws IllegalArgumentException when the template has no such AWS::Serverless::Function
     */
    public int functionTimeoutSeconds(String functionLogicalId) {
        Node function = resourcesOfType(FUNCTION_TYPE).get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("template.yaml has no " + FUNCTION_TYPE + " " + functionLogicalId);
        }
        Optional<Node> globals = root().optional("Globals").flatMap(g -> g.optional("Function"));
        return function.required("Properties").optional("Timeout")
                .or(() -> globals.flatMap(g -> g.optional("Timeout")))
                .map(Node::integer).orElse(DEFAULT_FUNCTION_TIMEOUT_SECONDS);
    }

    /**
     * The local name of a queue: the logical id in kebab case (a new word at each capital, acronyms kept
     * together), plus {@code .fifo} for a FIFO queue. InboundDeadLetterQueue becomes
     * inbound-dead-letter-queue.fifo.
     */
    static String localName(String logicalId, boolean fifo) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < logicalId.length(); i++) {
            char c = logicalId.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char before = logicalId.charAt(i - 1);
                boolean acronymEnds = Character.isUpperCase(before) && i + 1 < logicalId.length()
                        && Character.isLowerCase(logicalId.charAt(i + 1));
                if (Character.isLowerCase(before) || Character.isDigit(before) || acronymEnds) {
                    out.append('-');
                }
            }
            out.append(Character.toLowerCase(c));
        }
        return fifo ? out + ".fifo" : out.toString();
    }

    /** The logical id X of {@code !GetAtt X.Arn}, {@code Fn::GetAtt: [X, Arn]} or {@code {"Fn::GetAtt": "X.Arn"}}. */
    private static String queueArnReference(Node node) {
        String expected = "expected !GetAtt <QueueLogicalId>.Arn";
        String reference;
        if (node.json.isTextual()) {
            reference = node.json.asText();
        } else if (node.json.isObject() && node.json.size() == 1 && node.json.has("Fn::GetAtt")) {
            JsonNode getAtt = node.json.get("Fn::GetAtt");
            if (getAtt.isArray() && getAtt.size() == 2 && getAtt.get(0).isTextual() && getAtt.get(1).isTextual()) {
                reference = getAtt.get(0).asText() + "." + getAtt.get(1).asText();
            } else if (getAtt.isTextual()) {
                reference = getAtt.asText();
            } else {
                throw node.error(expected + ", found " + node.json);
            }
        } else {
            throw node.error(expected + ", found " + node.json);
        }
        int dot = reference.indexOf('.');
        if (dot <= 0 || !reference.substring(dot + 1).equals("Arn")) {
            throw node.error(expected + ", found \"" + reference + "\"");
        }
        return reference.substring(0, dot);
    }

    private static List<KeySchemaElement> keySchema(Node schema, Set<String> defined) {
        List<KeySchemaElement> out = new ArrayList<>();
        for (Node k : schema.elements()) {
            Node name = k.required("AttributeName");
            if (!defined.contains(name.text())) {
                throw name.error("\"" + name.text() + "\" is a key but not in AttributeDefinitions");
            }
            out.add(KeySchemaElement.builder().attributeName(name.text())
                    .keyType(k.required("KeyType").oneOf(KeyType.class)).build());
        }
        if (out.isEmpty() || out.get(0).keyType() != KeyType.HASH) {
            throw schema.error("must start with a HASH key");
        }
        return out;
    }

    private static Projection projection(Node projection) {
        Projection.Builder p = Projection.builder()
                .projectionType(projection.required("ProjectionType").oneOf(ProjectionType.class));
        projection.optional("NonKeyAttributes")
                .ifPresent(attrs -> p.nonKeyAttributes(attrs.elements().stream().map(Node::text).toList()));
        return p.build();
    }

    private static ProvisionedThroughput throughput(Node t) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits((long) t.required("ReadCapacityUnits").integer())
                .writeCapacityUnits((long) t.required("WriteCapacityUnits").integer())
                .build();
    }

    private Node theTable() {
        Map<String, Node> tables = resourcesOfType(TABLE_TYPE);
        if (tables.size() != 1) {
            throw new InvalidTemplateException(source + ": expected exactly one " + TABLE_TYPE + " (single-table"
                    + " design), found " + (tables.isEmpty() ? "none" : tables.keySet()));
        }
        return tables.values().iterator().next();
    }

    private Map<String, Node> resourcesOfType(String type) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> r : resources().fields().entrySet()) {
            Node typeNode = r.getValue().required("Type");
            if (type.equals(typeNode.text())) {
                out.put(r.getKey(), r.getValue());
            }
        }
        return out;
    }

    private Node resources() {
        Node resources = root().required("Resources");
        if (!resources.json.isObject()) {
            throw resources.error("expected a mapping of logical ids to resources");
        }
        return resources;
    }

    private Node root() {
        return new Node(source, "", root);
    }

    /** A YAML node with its path, so that every error says where it is. */
    private record Node(String source, String path, JsonNode json) {

        Optional<Node> optional(String name) {
            JsonNode child = json.get(name);
            return child == null || child.isNull() ? Optional.empty()
                    : Optional.of(new Node(source, path.isEmpty() ? name : path + "." + name, child));
        }

        Node required(String name) {
            if (!json.isObject()) {
                throw error("expected a mapping with " + name + ", found " + describe(json));
            }
            return optional(name).orElseThrow(() -> new InvalidTemplateException(
                    source + ": " + (path.isEmpty() ? "" : path + ": ") + "missing " + name));
        }

        /** The node as a mapping; a JSON text (CloudFormation accepts both for policies) is parsed. */
        Node asObject() {
            if (json.isObject()) {
                return this;
            }
            if (json.isTextual()) {
                try {
                    JsonNode parsed = new ObjectMapper().readTree(json.asText());
                    if (parsed != null && parsed.isObject()) {
                        return new Node(source, path, parsed);
                    }
                } catch (JsonProcessingException e) {
                    // falls through to the error below
                }
            }
            throw error("expected a mapping, found " + describe(json));
        }

        Map<String, Node> fields() {
            if (!json.isObject()) {
                throw error("expected a mapping, found " + describe(json));
            }
            Map<String, Node> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), new Node(source, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue()));
            }
            return out;
        }

        List<Node> elements() {
            if (!json.isArray()) {
                throw error("expected a list, found " + describe(json));
            }
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                out.add(new Node(source, path + "[" + i + "]", json.get(i)));
            }
            return out;
        }

        String text() {
            if (!json.isValueNode() || json.asText().isBlank()) {
                throw error("expected a non-empty value, found " + describe(json));
            }
            return json.asText();
        }

        int integer() {
            if (json.canConvertToInt() && json.isIntegralNumber()) {
                return json.intValue();
            }
            if (json.isTextual() && json.asText().matches("\\d{1,9}")) {
                return Integer.parseInt(json.asText());
            }
            throw error("expected a number, found " + describe(json)
                    + (json.isTextual() ? " (a !Ref or !Sub cannot be read here: write the number)" : ""));
        }

        boolean bool() {
            if (json.isBoolean()) {
                return json.booleanValue();
            }
            if (json.isTextual() && (json.asText().equalsIgnoreCase("true") || json.asText().equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(json.asText());
            }
            throw error("expected true or false, found " + describe(json));
        }

        <E extends Enum<E>> E oneOf(Class<E> type) {
            String value = text();
            for (E e : type.getEnumConstants()) {
                if (e.toString().equals(value) && !e.name().equals("UNKNOWN_TO_SDK_VERSION")) {
                    return e;
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                if (!e.name().equals("UNKNOWN_TO_SDK_VERSION")) {
                    allowed.add(e.toString());
                }
            }
            throw error("expected one of " + allowed + ", found \"" + value + "\"");
        }

        InvalidTemplateException error(String problem) {
            return new InvalidTemplateException(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
        }

        private static String describe(JsonNode n) {
            if (n.isTextual()) {
                return "\"" + n.asText() + "\"";
            }
            return n.isContainerNode() ? n.getNodeType().toString().toLowerCase(Locale.ROOT) : n.toString();
        }
    }
}
