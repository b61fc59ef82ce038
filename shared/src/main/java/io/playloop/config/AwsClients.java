package io.playloop.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the SDK clients a function needs, the way Lambda wants them: the JDK URL-connection HTTP
 * client (smallest cold start), region and credentials from the environment (no lookup chain), and
 * explicit timeouts (the SDK has none by default).
 */
public final class AwsClients {
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

    private AwsClients() {
    }

    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static ClientOverrideConfiguration timeouts() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(API_CALL_TIMEOUT)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .build();
    }

    public static Region region(Map<String, String> env) {
        String region = env.get(EnvironmentVariables.AWS_REGION);
        if (region == null || region.isBlank()) {
            throw new IllegalStateException(EnvironmentVariables.AWS_REGION + " is not set");
        }
        return Region.of(region);
    }

    public static DynamoDbClient dynamoDb(Map<String, String> env) {
        return DynamoDbClient.builder()
                .region(region(env))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(httpClient())
                .overrideConfiguration(timeouts())
                .build();
    }

    /** An SQS client with the functions' HTTP client and timeouts. */
    public static software.amazon.awssdk.services.sqs.SqsClient sqs(Map<String, String> env) {
        return software.amazon.awssdk.services.sqs.SqsClient.builder()
                .region(region(env))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(httpClient())
                .overrideConfiguration(timeouts())
                .build();
    }

    /**
     * The function's secrets: Secrets Manager when {@code PLAYLOOP_SECRETS_ARN} is set (AWS), else the
     * plain PLAYLOOP_APP_SECRET / PLAYLOOP_VERIFY_TOKEN / PLAYLOOP_ACCESS_TOKEN variables (local runs).
     */
    public static Secrets secrets(Map<String, String> env, Clock clock) {
        String arn = env.get(EnvironmentVariables.SECRETS_ARN);
        if (arn == null || arn.isBlank()) {
            return StaticSecrets.fromEnvironment(env);
        }
        SecretsManagerClient client = SecretsManagerClient.builder()
                .region(region(env))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(httpClient())
                .overrideConfiguration(timeouts())
                .build();
        return new SecretsManagerSecrets(client, arn, clock);
    }
}
