package io.playloop.local.pipeline;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;

// Integration tier: the pipeline against DynamoDB Local (in-process) and ElasticMQ (embedded).
class PipelineIT extends PipelineContract {
    private static SQSRestServer elasticMq;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;

    @BeforeAll
    static void startEmulators() {
        dynamo = DynamoDBEmbedded.create().dynamoDbClient();
        elasticMq = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
        int port = elasticMq.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stopEmulators() {
        sqs.close();
        elasticMq.stopAndWait();
        dynamo.close();
    }

    @Override
    protected DynamoDbClient dynamo() {
        return dynamo;
    }

    @Override
    protected SqsClient sqs() {
        return sqs;
    }
}
