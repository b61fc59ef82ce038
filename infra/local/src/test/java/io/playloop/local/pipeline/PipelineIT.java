package io.playloop.local.pipeline;

import io.playloop.testing.LocalSqs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;

// Integration tier: the pipeline against DynamoDB Local (in-process) and ElasticMQ (embedded).
class PipelineIT extends PipelineContract {
    private static LocalSqs sqs;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void startEmulators() {
        dynamo = DynamoDBEmbedded.create().dynamoDbClient();
        sqs = LocalSqs.start();
    }

    @AfterAll
    static void stopEmulators() {
        sqs.close();
        dynamo.close();
    }

    @Override
    protected DynamoDbClient dynamo() {
        return dynamo;
    }

    @Override
    protected SqsClient sqs() {
        return sqs.client();
    }
}
