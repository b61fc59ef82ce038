package io.playloop.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.store.Keys;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TemplateDefinitionsTest {

    @Nested
    class TheRealTemplate {
        private final TemplateDefinitions template = TemplateDefinitions.bundled();

        @Test
        void functionTimeouts_comeFromTheFunctionElseFromGlobals() {
            assertThat(template.functionTimeoutSeconds("IngestFunction")).isEqualTo(10);
            assertThat(template.functionTimeoutSeconds("GameFunction")).isEqualTo(30);
            assertThatThrownBy(() -> template.functionTimeoutSeconds("NoSuchFunction"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoSuchFunction");
        }

        @Test
        void createTableRequest_hasTheKeysOfKeys_onDemand_withTheSparseGsiSlot() {
            CreateTableRequest request = template.createTableRequest("playloop-test");

            assertThat(request.tableName()).isEqualTo("playloop-test");
            assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
            assertThat(request.provisionedThroughput()).isNull();
            assertThat(request.keySchema()).containsExactly(
                    KeySchemaElement.builder().attributeName(Keys.PK).keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName(Keys.SK).keyType(KeyType.RANGE).build());
            assertThat(request.attributeDefinitions()).extracting(AttributeDefinition::attributeName)
                    .containsExactlyInAnyOrder(Keys.PK, Keys.SK, Keys.GSI1_PK, Keys.GSI1_SK);
            assertThat(request.attributeDefinitions()).extracting(AttributeDefinition::attributeType)
                    .containsOnly(ScalarAttributeType.S);
            assertThat(request.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
                assertThat(gsi.indexName()).isEqualTo(Keys.GSI1);
                assertThat(gsi.keySchema()).extracting(KeySchemaElement::attributeName)
                        .containsExactly(Keys.GSI1_PK, Keys.GSI1_SK);
                assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.ALL);
                assertThat(gsi.provisionedThroughput()).isNull();
            });
        }

        @Test
        void ttlAttribute_isTheOneKeysNames() {
            assertThat(template.ttlAttribute()).isEqualTo(Keys.TTL);
        }

        @Test
        void queues_areTheInboundAndRewardsFifoQueues_eachWithItsFifoDeadLetterQueue() {
            assertThat(template.queues()).containsExactlyInAnyOrder(
                    new QueueDefinition("InboundQueue", "inbound-queue.fifo", true, false, 180, 1_209_600,
                            "InboundDeadLetterQueue", 100),
                    new QueueDefinition("InboundDeadLetterQueue", "inbound-dead-letter-queue.fifo", true, false, 30,
                            1_209_600, null, 0),
                    new QueueDefinition("RewardsQueue", "rewards-queue.fifo", true, false, 180, 1_209_600,
                            "RewardsDeadLetterQueue", 100),
                    new QueueDefinition("RewardsDeadLetterQueue", "rewards-dead-letter-queue.fifo", true, false, 30,
                            1_209_600, null, 0));
            assertThat(template.queue("InboundQueue")).isPresent();
            assertThat(template.queue("NoSuchQueue")).isEmpty();
        }

        @Test
        void queueEventSources_areTheGameAndRewardFunctions_onTheirQueues_withGlobalsTimeout() {
            assertThat(template.queueEventSources()).containsExactlyInAnyOrder(new QueueEventSource("GameFunction",
                    "io.playloop.game.GameHandler::handleRequest", "InboundQueue", 10, true, 30),
                    new QueueEventSource("RewardFunction", "io.playloop.reward.RewardHandler::handleRequest",
                            "RewardsQueue", 10, true, 30));
        }

        @Test
        void load_readsTheSameFileThatIsBundled() {
            TemplateDefinitions fromFile = TemplateDefinitions.load(Path.of("..", "template.yaml"));

            assertThat(fromFile.queues()).isEqualTo(template.queues());
            assertThat(fromFile.queueEventSources()).isEqualTo(template.queueEventSources());
            assertThat(fromFile.createTableRequest("t-1")).isEqualTo(template.createTableRequest("t-1"));
        }
    }

    @Test
    void localName_isKebabCaseOfTheLogicalId_withFifoSuffix() {
        assertThat(TemplateDefinitions.localName("InboundQueue", true)).isEqualTo("inbound-queue.fifo");
        assertThat(TemplateDefinitions.localName("RewardsQueue", false)).isEqualTo("rewards-queue");
        assertThat(TemplateDefinitions.localName("DLQForOrders", false)).isEqualTo("dlq-for-orders");
        assertThat(TemplateDefinitions.localName("Rewards2Queue", false)).isEqualTo("rewards2-queue");
    }

    @Test
    void redriveTarget_isUnderstoodInEveryGetAttForm() {
        String template = """
                Resources:
                  Dlq: {Type: AWS::SQS::Queue}
                  ShortForm:
                    Type: AWS::SQS::Queue
                    Properties: {RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}}
                  LongList:
                    Type: AWS::SQS::Queue
                    Properties: {RedrivePolicy: {deadLetterTargetArn: {"Fn::GetAtt": [Dlq, Arn]}, maxReceiveCount: "6"}}
                  LongDotted:
                    Type: AWS::SQS::Queue
                    Properties: {RedrivePolicy: {deadLetterTargetArn: {"Fn::GetAtt": Dlq.Arn}, maxReceiveCount: 7}}
                  JsonText:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy: '{"deadLetterTargetArn": {"Fn::GetAtt": ["Dlq", "Arn"]}, "maxReceiveCount": 8}'
                """;

        assertThat(TemplateDefinitions.parse(template, "t.yaml").queues())
                .extracting(QueueDefinition::logicalId, QueueDefinition::deadLetterLogicalId,
                        QueueDefinition::maxReceiveCount, QueueDefinition::visibilityTimeoutSeconds,
                        QueueDefinition::messageRetentionSeconds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Dlq", null, 0, 30, 345_600),
                        org.assertj.core.groups.Tuple.tuple("ShortForm", "Dlq", 5, 30, 345_600),
                        org.assertj.core.groups.Tuple.tuple("LongList", "Dlq", 6, 30, 345_600),
                        org.assertj.core.groups.Tuple.tuple("LongDotted", "Dlq", 7, 30, 345_600),
                        org.assertj.core.groups.Tuple.tuple("JsonText", "Dlq", 8, 30, 345_600));
    }

    @Test
    void queueEventSources_takeTheFunctionsOwnTimeout_elseGlobals_elseLambdasDefault() {
        String template = """
                Globals:
                  Function: {Timeout: 40, Handler: a.Global::handleRequest}
                Resources:
                  Q: {Type: AWS::SQS::Queue}
                  Own:
                    Type: AWS::Serverless::Function
                    Properties:
                      Timeout: 12
                      Handler: a.Own::handleRequest
                      Events: {E: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn, BatchSize: 5}}}
                  FromGlobals:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Api: {Type: HttpApi, Properties: {Path: /x, Method: GET}}
                        E: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn, FunctionResponseTypes: [ReportBatchItemFailures]}}
                """;
        String noGlobals = """
                Resources:
                  Q: {Type: AWS::SQS::Queue}
                  F:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: a.F::handleRequest, Events: {E: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}}}
                """;

        assertThat(TemplateDefinitions.parse(template, "t.yaml").queueEventSources()).containsExactly(
                new QueueEventSource("Own", "a.Own::handleRequest", "Q", 5, false, 12),
                new QueueEventSource("FromGlobals", "a.Global::handleRequest", "Q", 10, true, 40));
        assertThat(TemplateDefinitions.parse(noGlobals, "t.yaml").queueEventSources())
                .extracting(QueueEventSource::functionTimeoutSeconds).containsExactly(3);
    }

    @Nested
    class BrokenTemplates {

        @Test
        void invalidYaml_saysSoWithTheLocation() {
            assertThatThrownBy(() -> TemplateDefinitions.parse("Resources:\n  A: [unclosed\n", "t.yaml"))
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessageStartingWith("t.yaml: not valid YAML")
                    .hasMessageContaining("line");
        }

        @Test
        void aDuplicatedKey_isRefused_insteadOfSilentlyKeepingTheLastOne() {
            String yaml = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Type: AWS::SNS::Topic\n";
            assertThatThrownBy(() -> TemplateDefinitions.parse(yaml, "t.yaml"))
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessageContaining("Duplicate field 'Type'");
        }

        @Test
        void noResources() {
            assertThatThrownBy(() -> TemplateDefinitions.parse("Description: nothing\n", "t.yaml"))
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessage("t.yaml: missing Resources");
            assertThatThrownBy(() -> TemplateDefinitions.parse("", "t.yaml"))
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessageContaining("t.yaml: expected a YAML mapping with Resources");
        }

        @Test
        void twoTables_breakTheSingleTableDesign() {
            String yaml = """
                    Resources:
                      A: {Type: AWS::DynamoDB::Table}
                      B: {Type: AWS::DynamoDB::Table}
                    """;
            assertThatThrownBy(() -> TemplateDefinitions.parse(yaml, "t.yaml").createTableRequest("tbl"))
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessage("t.yaml: expected exactly one AWS::DynamoDB::Table (single-table design), found [A, B]");
        }

        @Test
        void aKeyMissingFromAttributeDefinitions_isNamedWithItsPath() {
            String yaml = """
                    Resources:
                      T:
                        Type: AWS::DynamoDB::Table
                        Properties:
                          BillingMode: PAY_PER_REQUEST
                          AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                          KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: sk, KeyType: RANGE}]
                    """;
            assertThatThrownBy(() -> TemplateDefinitions.parse(yaml, "t.yaml").createTableRequest("tbl"))
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessage("t.yaml: Resources.T.Properties.KeySchema[1].AttributeName: \"sk\" is a key but not"
                            + " in AttributeDefinitions");
        }

        @Test
        void anUnknownAttributeType_listsTheAllowedOnes() {
            String yaml = """
                    Resources:
                      T:
                        Type: AWS::DynamoDB::Table
                        Properties:
                          BillingMode: PAY_PER_REQUEST
                          AttributeDefinitions: [{AttributeName: pk, AttributeType: String}]
                          KeySchema: [{AttributeName: pk, KeyType: HASH}]
                    """;
            assertThatThrownBy(() -> TemplateDefinitions.parse(yaml, "t.yaml").createTableRequest("tbl"))
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessage("t.yaml: Resources.T.Properties.AttributeDefinitions[0].AttributeType: expected one"
                            + " of [S, N, B], found \"String\"");
        }

        @Test
        void ttlSwitchedOff_isRefused() {
            String yaml = """
                    Resources:
                      T:
                        Type: AWS::DynamoDB::Table
                        Properties: {TimeToLiveSpecification: {AttributeName: ttl, Enabled: false}}
                    """;
            assertThatThrownBy(() -> TemplateDefinitions.parse(yaml, "t.yaml").ttlAttribute())
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessageContaining("Resources.T.Properties.TimeToLiveSpecification: Enabled must be true");
        }

        @Test
        void aRedriveTargetGivenWithRef_isRefused_becauseRefOfAQueueIsItsUrl() {
            String yaml = """
                    Resources:
                      Dlq: {Type: AWS::SQS::Queue}
                      Q:
                        Type: AWS::SQS::Queue
                        Properties: {RedrivePolicy: {deadLetterTargetArn: !Ref Dlq, maxReceiveCount: 5}}
                    """;
            assertThatThrownBy(() -> TemplateDefinitions.parse(yaml, "t.yaml").queues())
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessage("t.yaml: Resources.Q.Properties.RedrivePolicy.deadLetterTargetArn: expected !GetAtt"
                            + " <QueueLogicalId>.Arn, found \"Dlq\"");
        }

        @Test
        void aRedriveTargetThatIsNoQueueOfTheTemplate_isRefused() {
            String yaml = """
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                        Properties: {RedrivePolicy: {deadLetterTargetArn: !GetAtt Nope.Arn, maxReceiveCount: 5}}
                    """;
            assertThatThrownBy(() -> TemplateDefinitions.parse(yaml, "t.yaml").queues())
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessageEndingWith("deadLetterTargetArn: names Nope, which is not an AWS::SQS::Queue of this"
                            + " template");
        }

        @Test
        void aVisibilityTimeoutFromAParameter_cannotBeRead_andSaysWhy() {
            String yaml = """
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                        Properties: {VisibilityTimeout: !Ref Seconds}
                    """;
            assertThatThrownBy(() -> TemplateDefinitions.parse(yaml, "t.yaml").queues())
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessage("t.yaml: Resources.Q.Properties.VisibilityTimeout: expected a number, found \"Seconds\""
                            + " (a !Ref or !Sub cannot be read here: write the number)");
        }

        @Test
        void anSqsEventOnAnUnknownQueue_orWithoutHandler_isRefused() {
            String unknownQueue = """
                    Resources:
                      F:
                        Type: AWS::Serverless::Function
                        Properties: {Handler: a.F::h, Events: {E: {Type: SQS, Properties: {Queue: !GetAtt Gone.Arn}}}}
                    """;
            String noHandler = """
                    Resources:
                      Q: {Type: AWS::SQS::Queue}
                      F:
                        Type: AWS::Serverless::Function
                        Properties: {Events: {E: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}}}
                    """;
            assertThatThrownBy(() -> TemplateDefinitions.parse(unknownQueue, "t.yaml").queueEventSources())
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessageContaining("Resources.F.Properties.Events.E.Properties.Queue: names Gone");
            assertThatThrownBy(() -> TemplateDefinitions.parse(noHandler, "t.yaml").queueEventSources())
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessage("t.yaml: Resources.F.Properties: has no Handler (nor does Globals.Function)");
        }

        @Test
        void aMissingFile_isNamed() {
            assertThatThrownBy(() -> TemplateDefinitions.load(Path.of("no-such-dir", "template.yaml")))
                    .isInstanceOf(InvalidTemplateException.class)
                    .hasMessageContaining("no-such-dir");
        }
    }

    @Test
    void everyGsiOfTheRealTemplate_isSparse_keyedOnlyByAttributesNoBaseKeyUses() {
        // The GSI slot must stay sparse: only items that set gsi1pk appear in it. If it were keyed by pk or
        // sk, every item (the customer profile written on every message) would be copied into it.
        for (GlobalSecondaryIndex gsi : TemplateDefinitions.bundled().createTableRequest("t-2").globalSecondaryIndexes()) {
            assertThat(gsi.keySchema()).extracting(KeySchemaElement::attributeName)
                    .doesNotContain(Keys.PK, Keys.SK);
        }
    }
}
