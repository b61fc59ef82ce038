package io.playloop.cli;

import io.playloop.config.AwsClients;
import java.net.URI;
import java.util.Set;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** The table a command works on and how to reach it. */
public final class TableOptions {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    @Option(names = "--table", required = true, paramLabel = "TABLE",
            description = "The PlayLoop table (the stack's PlayLoopTable).")
    String table;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "DynamoDB endpoint, e.g. http://127.0.0.1:8000 for DynamoDB Local or the local cloud."
                    + " Default: AWS for the region.")
    URI endpoint;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region. Default: AWS_REGION or the profile's region; us-east-1 for a local endpoint.")
    String region;

    public String table() {
        return table;
    }

    /** True for an endpoint on this machine (DynamoDB Local, the local cloud). */
    boolean isLocal() {
        return endpoint != null && LOOPBACK.contains(endpoint.getHost());
    }

    /**
     * The client: the given endpoint and region; AWS credentials from the usual chain (environment,
     * profile, SSO), or dummy ones for a local endpoint, which ignores them.
     */
    static DynamoDbClient connect(TableOptions options) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(AwsClients.httpClient())
                .overrideConfiguration(AwsClients.timeouts())
                .region(options.resolveRegion())
                .credentialsProvider(options.credentials());
        if (options.endpoint != null) {
            builder.endpointOverride(options.endpoint);
        }
        return builder.build();
    }

    Region resolveRegion() {
        if (region != null && !region.isBlank()) {
            return Region.of(region);
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            if (endpoint != null) {
                return Region.US_EAST_1;
            }
            throw new IllegalArgumentException("no AWS region: give --region or set AWS_REGION");
        }
    }

    private AwsCredentialsProvider credentials() {
        return credentials(endpoint == null ? null : endpoint.getHost());
    }

    /** Dummy credentials for a service on this machine (it ignores them), else the usual chain. */
    AwsCredentialsProvider credentials(String host) {
        return host != null && LOOPBACK.contains(host)
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.create();
    }
}
