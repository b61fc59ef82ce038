package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.playloop.config.EnvironmentVariables;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.SecretsManagerSecrets;
import io.playloop.definitions.QueueDefinition;
import io.playloop.definitions.QueueEventSource;
import io.playloop.definitions.TemplateDefinitions;
import io.playloop.local.iam.TablePolicy;
import io.playloop.store.Keys;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * template.yaml against the SAM schema and against the code: a handler class, environment variable,
 * queue setting, table attribute or jar name that template.yaml names and the code does not match
 * fails here, before a deploy does. Runs in infra/local because it sees both functions' classes.
 */
class TemplateTest {
    /** Surefire runs in the module directory, infra/local. */
    private static final Path ROOT = Path.of("..", "..");
    private static final Path TEMPLATE_FILE = ROOT.resolve("template.yaml");
    /** Kept next to the repository (see ../shared/schemas/README.md); absent in a lone clone. */
    private static final Path SAM_SCHEMA = ROOT.resolve(Path.of("..", "shared", "schemas", "sam.schema.json"));

    private static final String FUNCTION = "AWS::Serverless::Function";
    /**
     * What each handler's no-arg constructor reads before it can serve: PlayLoopConfig requires the
     * table name, ingest queues to the inbound queue, both read their secrets from Secrets Manager, both
     * check or send from the business phone-number id.
     */
    private static final Map<String, Set<String>> READ_AT_START_UP = Map.of(
            "IngestFunction", Set.of(EnvironmentVariables.TABLE_NAME, EnvironmentVariables.INBOUND_QUEUE_URL,
                    EnvironmentVariables.SECRETS_ARN, EnvironmentVariables.PHONE_NUMBER_ID),
            "GameFunction", Set.of(EnvironmentVariables.TABLE_NAME, EnvironmentVariables.SECRETS_ARN,
                    EnvironmentVariables.PHONE_NUMBER_ID, EnvironmentVariables.GRAPH_API_VERSION,
                    EnvironmentVariables.REWARDS_QUEUE_URL, EnvironmentVariables.CRM_SINKS),
            "RewardFunction", Set.of(EnvironmentVariables.TABLE_NAME, EnvironmentVariables.SECRETS_ARN,
                    EnvironmentVariables.PHONE_NUMBER_ID, EnvironmentVariables.GRAPH_API_VERSION,
                    EnvironmentVariables.CRM_SINKS),
            "SchedulerFunction", Set.of(EnvironmentVariables.TABLE_NAME, EnvironmentVariables.SECRETS_ARN,
                    EnvironmentVariables.PHONE_NUMBER_ID, EnvironmentVariables.GRAPH_API_VERSION,
                    EnvironmentVariables.BUSINESS_NAME, EnvironmentVariables.DEFAULT_LANGUAGE,
                    EnvironmentVariables.REWARDS_QUEUE_URL));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode template = read(TEMPLATE_FILE);
    private final TemplateDefinitions definitions = TemplateDefinitions.load(TEMPLATE_FILE);

    // --- the SAM schema ---------------------------------------------------------------------------------

    @Test
    void template_isValidAgainstTheSamSchema() {
        assertThat(schemaFaults(template)).isEmpty();
    }

    @Test
    void aMisspelledProperty_failsTheSchema_andIsReportedOnItsResourceOnly() {
        ObjectNode broken = template.deepCopy();
        ((ObjectNode) broken.at("/Resources/GameFunction/Properties/Events/InboundMessages/Properties"))
                .put("BatchSise", 10);
        ((ObjectNode) broken.at("/Resources/IngestFunction/Properties")).put("Timout", 10);

        Map<String, List<String>> faults = schemaFaults(broken);

        assertThat(faults).containsOnlyKeys("GameFunction", "IngestFunction");
        assertThat(faults.get("GameFunction")).containsExactly("$.Resources.GameFunction.Properties.Events.InboundMessages"
                + ".Properties: property 'BatchSise' is not defined in the schema and the schema does not allow"
                + " additional properties");
        assertThat(faults.get("IngestFunction")).containsExactly("$.Resources.IngestFunction.Properties: property"
                + " 'Timout' is not defined in the schema and the schema does not allow additional properties");
    }

    // --- handlers and environment -----------------------------------------------------------------------

    @Test
    void everyHandler_isARequestHandlerOnTheClassPath_withTheNoArgConstructorLambdaCalls() throws Exception {
        for (Map.Entry<String, JsonNode> fn : functions().entrySet()) {
            String handler = property(fn.getKey(), "Handler").asText();
            assertThat(handler).as(fn.getKey() + " Handler").matches("[\\w.]+::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));

            assertThat(RequestHandler.class).as(handler).isAssignableFrom(type);
            assertThat(type.getMethod("handleRequest", Object.class, Context.class)).as(handler).isNotNull();
            assertThat(type.getConstructors()).as(handler + " needs a public no-arg constructor: the Lambda runtime"
                    + " calls it").anyMatch(c -> c.getParameterCount() == 0);
        }
    }

    @Test
    void everyEnvironmentVariableName_isAConstantOfEnvironmentVariables() throws IllegalAccessException {
        Set<String> known = new HashSet<>();
        for (Field f : EnvironmentVariables.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                known.add((String) f.get(null));
            }
        }
        for (String fn : functions().keySet()) {
            assertThat(environment(fn).keySet()).as(fn + " environment").isSubsetOf(known);
        }
    }

    @Test
    void eachFunction_getsTheVariablesItsHandlerReadsAtStartUp() {
        assertThat(functions().keySet()).containsExactlyInAnyOrderElementsOf(READ_AT_START_UP.keySet());
        for (Map.Entry<String, Set<String>> fn : READ_AT_START_UP.entrySet()) {
            Map<String, String> env = environment(fn.getKey());
            assertThat(env.keySet()).as(fn.getKey()).containsAll(fn.getValue());
            PlayLoopConfig.fromEnvironment(env); // throws when a variable it requires is missing
        }
        assertThat(PlayLoopConfig.fromEnvironment(environment("IngestFunction")).inboundQueueUrl()).isNotNull();
    }

    @Test
    void environmentReferences_pointAtTheTable_theSecret_andTheQueueTheGameConsumes() {
        String table = only(resourcesOfType("AWS::DynamoDB::Table"));
        String secret = only(resourcesOfType("AWS::SecretsManager::Secret"));
        Set<String> consumed = new HashSet<>();
        definitions.queueEventSources().forEach(s -> consumed.add(s.queueLogicalId()));
        for (String fn : functions().keySet()) {
            Map<String, String> env = environment(fn);
            assertThat(env.get(EnvironmentVariables.TABLE_NAME)).as(fn).isEqualTo(table);
            assertThat(env.get(EnvironmentVariables.SECRETS_ARN)).as(fn).isEqualTo(secret);
        }
        // !Ref of a queue is its URL: ingest must send to a queue that a function consumes.
        assertThat(environment("IngestFunction").get(EnvironmentVariables.INBOUND_QUEUE_URL)).isIn(consumed);
    }

    // --- the table ----------------------------------------------------------------------------------------

    @Test
    void theTable_usesTheAttributeNamesOfKeys() {
        CreateTableRequest table = definitions.createTableRequest("t-names");

        assertThat(table.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly(Keys.PK, Keys.SK);
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo(Keys.GSI1);
            assertThat(gsi.keySchema()).extracting(KeySchemaElement::attributeName)
                    .containsExactly(Keys.GSI1_PK, Keys.GSI1_SK);
        });
        assertThat(definitions.ttlAttribute()).isEqualTo(Keys.TTL);
        assertThat(TemplateDefinitions.bundled().createTableRequest("t-names"))
                .as("the template bundled in the shared jar is this file").isEqualTo(table);
    }

    @Test
    void theTable_isOnDemand_keptOnStackDeletion_andRecoverable() {
        JsonNode table = template.get("Resources").get(only(resourcesOfType("AWS::DynamoDB::Table")));

        assertThat(table.path("DeletionPolicy").asText()).isEqualTo("Retain");
        assertThat(table.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
        assertThat(table.at("/Properties/BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.at("/Properties/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean())
                .isTrue();
        assertThat(table.at("/Properties/SSESpecification/SSEEnabled").asBoolean()).isTrue();
    }

    /**
     * Each function's table policy, as reviewed against the code (and enforced locally on every call by
     * {@link io.playloop.local.iam.TableAccessGuard}, so an IT fails when a function needs more): the actions, the
     * partitions ({@code dynamodb:LeadingKeys}) and whether it may query the index. A wider policy fails here.
     */
    private static final Map<String, TableGrant> TABLE_GRANTS = Map.of(
            // ShopOrders (order links), DeliveryFailures (sent reminders, the customer's schedule).
            "IngestFunction", new TableGrant(Set.of("GetItem", "BatchGetItem", "PutItem", "UpdateItem"),
                    Set.of("SHOPORDER#*", "OUTBOUND#*", "CUSTOMER#*"), false),
            // DynamoGameStore, CampaignTable, the leaderboards (index), the batch loop's failure counts.
            "GameFunction", new TableGrant(Set.of("GetItem", "BatchGetItem", "PutItem", "UpdateItem", "ConditionCheckItem"),
                    Set.of("CUSTOMER#*", "CODE#*", "COUPON#*", "CAMPAIGN#*", "RECORD#*"), true),
            // PoolCodes, CrmSync's reads, CustomerErasure, the batch loop's failure counts.
            "RewardFunction", new TableGrant(Set.of("GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem",
                    "DeleteItem", "ConditionCheckItem", "BatchWriteItem"),
                    Set.of("CUSTOMER#*", "CODE#*", "COUPON#*", "SHOPORDER#*", "OUTBOUND#*", "POOL#*", "CAMPAIGN#*",
                            "RECORD#*"), false),
            // DynamoSchedulerStore (due index, visits, sent reminders, expiry), spend, reach, the cursor.
            "SchedulerFunction", new TableGrant(Set.of("GetItem", "BatchGetItem", "PutItem", "UpdateItem",
                    "ConditionCheckItem"),
                    Set.of("CUSTOMER#*", "OUTBOUND#*", "COUPON#*", "CAMPAIGN#*", "SENDER#*", "SCHEDULER"), true));

    /** What one function may do on the table: actions (without "dynamodb:"), partitions, and index queries. */
    private record TableGrant(Set<String> actions, Set<String> partitions, boolean queriesIndex) {
    }

    @Test
    void eachFunctionsTablePolicy_namesOnlyTheActionsAndPartitionsItUses() {
        Map<String, TablePolicy> policies = TablePolicy.fromTemplate(definitions);
        assertThat(policies.keySet()).containsExactlyInAnyOrderElementsOf(TABLE_GRANTS.keySet());
        TABLE_GRANTS.forEach((function, grant) -> {
            TablePolicy policy = policies.get(function);
            Set<String> expected = new java.util.TreeSet<>();
            grant.actions().forEach(a -> expected.add("dynamodb:" + a));
            if (grant.queriesIndex()) {
                expected.add("dynamodb:Query");
            }
            assertThat(policy.actions()).as(function + "'s actions").containsExactlyInAnyOrderElementsOf(expected);
            for (String action : grant.actions()) {
                assertThat(policy.leadingKeyPatterns("dynamodb:" + action))
                        .as(function + " may " + action + " only these partitions")
                        .containsExactlyInAnyOrderElementsOf(grant.partitions());
            }
            assertThat(policy.allows("dynamodb:Query", TablePolicy.On.INDEX, null))
                    .as(function + " queries the index").isEqualTo(grant.queriesIndex());
            assertThat(policy.allows("dynamodb:GetItem", TablePolicy.On.TABLE, "SOMETHING#ELSE"))
                    .as(function + " outside its partitions").isFalse();
        });
        // Nothing broad anywhere: no wildcard action, no Scan, no resource "*" for the table.
        for (String function : TABLE_GRANTS.keySet()) {
            for (JsonNode policy : property(function, "Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    List<String> actions = new ArrayList<>();
                    statement.path("Action").forEach(a -> actions.add(a.asText()));
                    assertThat(actions).as(function).noneMatch(a -> a.equals("*") || a.equals("dynamodb:*")
                            || a.equals("dynamodb:Scan") || a.startsWith("dynamodb:Delete") && a.contains("Table"));
                    if (actions.stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                        assertThat(statement.path("Resource").toString()).as(function).doesNotContain("\"*\"");
                    }
                }
            }
        }
    }

    @Test
    void theHttpApi_isThrottled_andAccessLoggedWithoutBodiesHeadersOrQueryStrings_andCarriesEveryRoute() {
        JsonNode api = template.at("/Resources/PlayLoopHttpApi");
        assertThat(api.path("Type").asText()).isEqualTo("AWS::Serverless::HttpApi");
        JsonNode throttle = api.at("/Properties/DefaultRouteSettings");
        assertThat(throttle.path("ThrottlingRateLimit").asText()).isEqualTo("ApiRateLimit");
        assertThat(throttle.path("ThrottlingBurstLimit").asText()).isEqualTo("ApiBurstLimit");
        assertThat(template.at("/Parameters/ApiRateLimit/Default").asInt()).isPositive();
        JsonNode logs = api.at("/Properties/AccessLogSettings");
        assertThat(logs.path("DestinationArn").asText()).isEqualTo("ApiAccessLogGroup.Arn");
        String format = logs.path("Format").asText();
        assertThat(format).contains("$context.requestId", "$context.status", "$context.routeKey")
                .doesNotContainIgnoringCase("body").doesNotContainIgnoringCase("header")
                .doesNotContainIgnoringCase("querystring").doesNotContain("$context.path");
        assertThat(template.at("/Resources/ApiAccessLogGroup/Properties/RetentionInDays").asInt()).isPositive();
        List<String> apiIds = new ArrayList<>();
        template.at("/Resources/IngestFunction/Properties/Events").forEach(e -> apiIds.add(e.at("/Properties/ApiId").asText()));
        assertThat(apiIds).isNotEmpty().allMatch("PlayLoopHttpApi"::equals);
        assertThat(template.at("/Outputs/WebhookUrl/Value").asText()).contains("${PlayLoopHttpApi}");
    }

    @Test
    void ingestsReservedConcurrency_isAParameter_thatZeroLeavesUnreserved() {
        JsonNode reserved = template.at("/Resources/IngestFunction/Properties/ReservedConcurrentExecutions");
        assertThat(reserved.toString()).contains("ReservesIngestConcurrency", "IngestReservedConcurrency", "AWS::NoValue");
        assertThat(template.at("/Parameters/IngestReservedConcurrency/Default").asInt()).isPositive();
        assertThat(template.at("/Parameters/IngestReservedConcurrency/MinValue").asInt()).isZero();
    }

    // --- queues and event sources -------------------------------------------------------------------------

    @Test
    void everySqsEvent_reportsBatchItemFailures() {
        assertThat(definitions.queueEventSources()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.reportBatchItemFailures()).as(s.functionLogicalId()).isTrue());
    }

    @Test
    void everySourceQueue_hidesARecordForAtLeastSixTimesItsConsumersTimeout() {
        for (QueueEventSource source : definitions.queueEventSources()) {
            QueueDefinition queue = definitions.queue(source.queueLogicalId()).orElseThrow();
            assertThat(queue.visibilityTimeoutSeconds()).as(queue.logicalId() + " VisibilityTimeout vs "
                    + source.functionLogicalId() + " Timeout " + source.functionTimeoutSeconds() + " s")
                    .isGreaterThanOrEqualTo(6 * source.functionTimeoutSeconds());
            if (queue.fifo()) {
                assertThat(source.batchSize()).as("a FIFO event source takes at most 10 records").isLessThanOrEqualTo(10);
            }
        }
    }

    @Test
    void everyQueueButADeadLetterQueue_redrivesAfterAtLeastFiveReceives_toAQueueOfItsKind() {
        Set<String> deadLetterQueues = new HashSet<>();
        definitions.queues().forEach(q -> {
            if (q.deadLetterLogicalId() != null) {
                deadLetterQueues.add(q.deadLetterLogicalId());
            }
        });
        assertThat(deadLetterQueues).isNotEmpty();
        for (QueueDefinition queue : definitions.queues()) {
            if (deadLetterQueues.contains(queue.logicalId())) {
                continue;
            }
            assertThat(queue.deadLetterLogicalId()).as(queue.logicalId() + " RedrivePolicy").isNotNull();
            assertThat(queue.maxReceiveCount()).as(queue.logicalId() + " maxReceiveCount").isGreaterThanOrEqualTo(5);
            assertThat(definitions.queue(queue.deadLetterLogicalId()).orElseThrow().fifo())
                    .as(queue.logicalId() + "'s dead-letter queue must be FIFO exactly when it is").isEqualTo(queue.fifo());
        }
    }

    @Test
    void eachQueueConsumer_setsFailingRecordsAsideInItsOwnDeadLetterQueue_andMaySendNowhereElseThere() {
        Map<String, String> variable = Map.of("InboundQueue", EnvironmentVariables.INBOUND_DLQ_URL,
                "RewardsQueue", EnvironmentVariables.REWARDS_DLQ_URL);
        Map<String, Integer> budget = Map.of("InboundQueue", io.playloop.game.GameHandler.RETRY_BUDGET.attempts(),
                "RewardsQueue", io.playloop.reward.RewardHandler.RETRY_BUDGET.attempts());
        for (QueueEventSource source : definitions.queueEventSources()) {
            QueueDefinition queue = definitions.queue(source.queueLogicalId()).orElseThrow();
            String fn = source.functionLogicalId();
            String dlq = queue.deadLetterLogicalId();

            assertThat(environment(fn).get(variable.get(queue.logicalId()))).as(fn + " DLQ URL").isEqualTo(dlq);
            List<String> sendTargets = new java.util.ArrayList<>();
            for (JsonNode policy : property(fn, "Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    if (statement.path("Action").toString().contains("sqs:SendMessage")) {
                        sendTargets.add(statement.path("Resource").asText());
                    }
                }
            }
            assertThat(sendTargets).as(fn + " sqs:SendMessage statements").containsExactly(dlq + ".Arn");
            // SQS's redrive is only the backstop: a record may wait behind four records that use their budget.
            assertThat(queue.maxReceiveCount()).as(queue.logicalId() + " maxReceiveCount")
                    .isGreaterThanOrEqualTo(5 * budget.get(queue.logicalId()));
        }
    }

    @Test
    void everyFifoQueueName_endsInDotFifo() {
        for (QueueDefinition queue : definitions.queues()) {
            JsonNode name = template.at("/Resources/" + queue.logicalId() + "/Properties/QueueName");
            if (!name.isMissingNode()) {
                assertThat(name.asText().endsWith(".fifo")).as(queue.logicalId() + " QueueName").isEqualTo(queue.fifo());
            }
        }
    }

    // --- functions ----------------------------------------------------------------------------------------

    @Test
    void everyFunction_runsJava21OnArm64_withSnapStartOnPublishedVersions_behindAnAlias() {
        for (String fn : functions().keySet()) {
            assertThat(property(fn, "Runtime").asText()).as(fn + " Runtime").isEqualTo("java21");
            assertThat(property(fn, "Architectures").toString()).as(fn + " Architectures").isEqualTo("[\"arm64\"]");
            assertThat(property(fn, "SnapStart").path("ApplyOn").asText()).as(fn + " SnapStart")
                    .isEqualTo("PublishedVersions");
            assertThat(property(fn, "AutoPublishAlias").asText()).as(fn + " AutoPublishAlias").isNotBlank();
        }
    }

    @Test
    void everyCodeUri_isTheShadedJarItsModuleBuilds_andThatModuleHoldsTheHandler() throws Exception {
        for (String fn : functions().keySet()) {
            String codeUri = property(fn, "CodeUri").asText();
            int target = codeUri.indexOf("/target/");
            assertThat(target).as(fn + " CodeUri " + codeUri + " must be a module's target/ jar").isPositive();
            Path module = ROOT.resolve(codeUri.substring(0, target));
            String finalName = XPathFactory.newInstance().newXPath().evaluate(
                    "//plugin[artifactId='maven-shade-plugin']//finalName",
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(module.resolve("pom.xml").toFile()));

            assertThat(codeUri).as(fn + " CodeUri vs the shade finalName in " + module.resolve("pom.xml"))
                    .isEqualTo(codeUri.substring(0, target) + "/target/" + finalName + ".jar");
            String handlerClass = property(fn, "Handler").asText().split("::")[0];
            assertThat(module.resolve("src/main/java/" + handlerClass.replace('.', '/') + ".java"))
                    .as(fn + "'s handler must be built into its own jar").exists();
        }
    }

    // --- the scheduler ---------------------------------------------------------------------------------

    @Test
    void theScheduler_runsOnTheSchedulerRate_oneRunAtATime_andAlarmsWhenARunFails() {
        JsonNode tick = property("SchedulerFunction", "Events").path("Tick");
        assertThat(tick.path("Type").asText()).isEqualTo("ScheduleV2");
        assertThat(tick.at("/Properties/ScheduleExpression").asText()).as("!Ref SchedulerRate").isEqualTo("SchedulerRate");
        assertThat(template.at("/Parameters/SchedulerRate/Default").asText()).isEqualTo("rate(5 minutes)");
        assertThat(template.at("/Parameters/SchedulerRate/Description").asText()).isNotBlank();
        assertThat(property("SchedulerFunction", "Timeout").asInt()).isEqualTo(300);
        assertThat(property("SchedulerFunction", "ReservedConcurrentExecutions").asInt())
                .as("two overlapping runs could send the same reminder twice").isEqualTo(1);

        boolean alarmed = false;
        for (String alarm : resourcesOfType("AWS::CloudWatch::Alarm")) {
            JsonNode p = template.at("/Resources/" + alarm + "/Properties");
            if ("Errors".equals(p.path("MetricName").asText())
                    && "SchedulerFunction".equals(p.at("/Dimensions/0/Value").asText())) {
                alarmed = p.path("AlarmActions").toString().contains("AlarmTopic");
            }
        }
        assertThat(alarmed).as("an Errors alarm on SchedulerFunction notifying the alarm topic").isTrue();
    }

    @Test
    void theSchedulersInput_namesOnlyTheAttributesItsHandlerLogs() throws IOException {
        JsonNode input = new ObjectMapper().readTree(property("SchedulerFunction", "Events")
                .at("/Tick/Properties/Input").asText());
        List<String> keys = new ArrayList<>();
        input.fieldNames().forEachRemaining(keys::add);

        assertThat(keys).containsExactlyInAnyOrderElementsOf(
                io.playloop.scheduler.function.SchedulerHandler.SCHEDULE_ATTRIBUTES);
    }

    // --- secrets ------------------------------------------------------------------------------------------

    @Test
    void noSecretIsAParameter_andTheSecretsPlaceholderIsTheOneTheCodeRefuses() throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Parameters").fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            assertThat(name).as("secrets come from Secrets Manager, not parameters").doesNotContainIgnoringCase("secret")
                    .doesNotContainIgnoringCase("token");
        }
        JsonNode generate = template.at("/Resources/WhatsAppSecrets/Properties/GenerateSecretString");
        JsonNode initial = new ObjectMapper().readTree(generate.path("SecretStringTemplate").asText());

        assertThat(initial.path("appSecret").asText()).isEqualTo(SecretsManagerSecrets.PLACEHOLDER);
        assertThat(initial.path("accessToken").asText()).isEqualTo(SecretsManagerSecrets.PLACEHOLDER);
        assertThat(generate.path("GenerateStringKey").asText()).isEqualTo("verifyToken");
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /**
     * Schema messages grouped by the resource they are about, without the noise of the schema's anyOf
     * branches: a branch whose {@code Type} does not match (the schema of another resource or event
     * type) is dropped with everything it reported. If that leaves nothing, every message is kept.
     */
    private static Map<String, List<String>> schemaFaults(JsonNode document) {
        assumeThat(SAM_SCHEMA).as("the SAM schema kept next to the repository").exists();
        Set<ValidationMessage> messages = SchemaHolder.SCHEMA.validate(document);
        Set<String> otherTypesBranches = new HashSet<>();
        for (ValidationMessage m : messages) {
            var at = m.getInstanceLocation();
            boolean typeMismatch = at.getNameCount() > 0 && "Type".equals(at.getName(at.getNameCount() - 1))
                    && Set.of("enum", "pattern").contains(m.getType());
            List<String> branches = anyOfBranches(m);
            if (typeMismatch && !branches.isEmpty()) {
                otherTypesBranches.add(branches.get(branches.size() - 1));
            }
        }
        Map<String, Set<String>> all = new TreeMap<>();
        Map<String, Set<String>> relevant = new TreeMap<>();
        for (ValidationMessage m : messages) {
            var at = m.getInstanceLocation();
            String where = at.getNameCount() >= 2 && "Resources".equals(at.getName(0)) ? at.getName(1) : "(template)";
            all.computeIfAbsent(where, k -> new TreeSet<>()).add(m.getMessage());
            if (anyOfBranches(m).stream().noneMatch(otherTypesBranches::contains)) {
                relevant.computeIfAbsent(where, k -> new TreeSet<>()).add(m.getMessage());
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        all.forEach((resource, every) -> out.put(resource, List.copyOf(relevant.getOrDefault(resource, every))));
        if (!out.isEmpty()) {
            System.out.println("SAM schema faults: " + out);
        }
        return out;
    }

    /** The anyOf branches a message was reported from, outermost first, as evaluation-path prefixes. */
    private static List<String> anyOfBranches(ValidationMessage m) {
        String path = m.getEvaluationPath().toString();
        List<String> out = new ArrayList<>();
        Matcher branch = Pattern.compile("anyOf\\[\\d+]").matcher(path);
        while (branch.find()) {
            out.add(path.substring(0, branch.end()));
        }
        return out;
    }

    /** Loads the 750 KB schema once per JVM. */
    private static final class SchemaHolder {
        static final JsonSchema SCHEMA = load();

        private static JsonSchema load() {
            try (InputStream in = Files.newInputStream(SAM_SCHEMA)) {
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + SAM_SCHEMA, e);
            }
        }
    }

    private Map<String, JsonNode> functions() {
        Map<String, JsonNode> out = new TreeMap<>();
        template.get("Resources").fields().forEachRemaining(r -> {
            if (FUNCTION.equals(r.getValue().path("Type").asText())) {
                out.put(r.getKey(), r.getValue());
            }
        });
        return out;
    }

    private Set<String> resourcesOfType(String type) {
        Set<String> out = new TreeSet<>();
        template.get("Resources").fields().forEachRemaining(r -> {
            if (type.equals(r.getValue().path("Type").asText())) {
                out.add(r.getKey());
            }
        });
        return out;
    }

    private static String only(Set<String> ids) {
        assertThat(ids).hasSize(1);
        return ids.iterator().next();
    }

    /** A function property as SAM resolves it: the function's own, else Globals.Function's. */
    private JsonNode property(String function, String name) {
        JsonNode own = template.at("/Resources/" + function + "/Properties/" + name);
        return own.isMissingNode() ? template.at("/Globals/Function/" + name) : own;
    }

    /** Globals.Function's variables merged with the function's own (SAM merges maps). */
    private Map<String, String> environment(String function) {
        Map<String, String> env = new TreeMap<>();
        template.at("/Globals/Function/Environment/Variables").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        template.at("/Resources/" + function + "/Properties/Environment/Variables").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
