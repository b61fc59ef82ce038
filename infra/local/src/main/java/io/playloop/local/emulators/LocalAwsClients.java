package io.playloop.local.emulators;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients to the emulators, built like the functions' own (URL-connection HTTP client, explicit
 * timeouts) but with a fixed region and static credentials (DynamoDB Local wants letters and digits).
 */
public final class LocalAwsClients {
    public static final Region REGION = Region.US_EAST_1;
    public static final String ACCOUNT_ID = "000000000000";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("playloopLocal", "playloopLocal"));

    private LocalAwsClients() {
    }

    public static DynamoDbClient dynamoDb(URI endpoint, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClient(httpClient(Duration.ofSeconds(10)))
                .overrideConfiguration(overrides(Duration.ofSeconds(10), interceptors))
                .build();
    }

    /**
     * An SQS client. {@code readTimeout} must exceed the longest long poll made with it (the
     * event-source pollers wait up to a few seconds for messages).
     */
    public static SqsClient sqs(URI endpoint, Duration readTimeout, ExecutionInterceptor... interceptors) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClient(httpClient(readTimeout))
                .overrideConfiguration(overrides(readTimeout.plusSeconds(5), interceptors))
                .build();
    }

    private static SdkHttpClient httpClient(Duration readTimeout) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(readTimeout)
                .build();
    }

    private static ClientOverrideConfiguration overrides(Duration apiCallTimeout, ExecutionInterceptor... interceptors) {
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder().apiCallTimeout(apiCallTimeout);
        for (ExecutionInterceptor i : interceptors) {
            b.addExecutionInterceptor(i);
        }
        return b.build();
    }
}
