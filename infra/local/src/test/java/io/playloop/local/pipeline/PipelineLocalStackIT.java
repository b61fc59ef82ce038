package io.playloop.local.pipeline;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Integration tier, LocalStack variant: the same pipeline contract against LocalStack's DynamoDB and
 * SQS in Docker. Skipped (not failed) where no Docker engine runs, as on CI here. The image is pinned
 * to a community release that starts without a LocalStack auth token; set LOCALSTACK_IMAGE (and
 * LOCALSTACK_AUTH_TOKEN) to use another.
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineLocalStackIT extends PipelineContract {
    @Container
    private static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse(System.getenv().getOrDefault("LOCALSTACK_IMAGE", "localstack/localstack:3.8.1"))
                    .asCompatibleSubstituteFor("localstack/localstack"))
            .withServices(Service.DYNAMODB, Service.SQS)
            .withEnv("LOCALSTACK_AUTH_TOKEN", System.getenv().getOrDefault("LOCALSTACK_AUTH_TOKEN", ""));

    private static DynamoDbClient dynamo;
    private static SqsClient sqs;

    @BeforeAll
    static void connect() {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        Region region = Region.of(LOCALSTACK.getRegion());
        dynamo = DynamoDbClient.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(region)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(region)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void disconnect() {
        if (dynamo != null) {
            dynamo.close();
            sqs.close();
        }
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
