package io.playloop.config;

import java.util.Map;
import java.util.Objects;

/**
 * The non-secret configuration every function shares, read once at start-up.
 *
 * @param tableName       the single DynamoDB table
 * @param inboundQueueUrl the inbound FIFO queue (ingest writes, game reads); may be null for the game function
 * @param graphBaseUrl    Graph API base URL without trailing slash
 * @param graphApiVersion pinned Graph API version such as {@code v23.0}
 * @param phoneNumberId   the business phone-number id
 * @param businessName    the name the welcome message uses
 * @param defaultLanguage en, fr or ar
 */
public record PlayLoopConfig(
        String tableName,
        String inboundQueueUrl,
        String graphBaseUrl,
        String graphApiVersion,
        String phoneNumberId,
        String businessName,
        String defaultLanguage) {

    public static final String DEFAULT_GRAPH_BASE_URL = "https://graph.facebook.com";
    public static final String DEFAULT_GRAPH_API_VERSION = "v23.0";

    public PlayLoopConfig {
        Objects.requireNonNull(tableName, "tableName");
        graphBaseUrl = stripTrailingSlash(graphBaseUrl == null ? DEFAULT_GRAPH_BASE_URL : graphBaseUrl);
        graphApiVersion = graphApiVersion == null ? DEFAULT_GRAPH_API_VERSION : graphApiVersion;
        businessName = businessName == null ? "PlayLoop" : businessName;
        defaultLanguage = defaultLanguage == null ? "en" : defaultLanguage;
    }

    /** Reads the configuration from environment variables; fails with the missing variable's name. */
    public static PlayLoopConfig fromEnvironment(Map<String, String> env) {
        String table = env.get(EnvironmentVariables.TABLE_NAME);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("Environment variable " + EnvironmentVariables.TABLE_NAME
                    + " is not set: it must name the PlayLoop DynamoDB table");
        }
        return new PlayLoopConfig(
                table,
                blankToNull(env.get(EnvironmentVariables.INBOUND_QUEUE_URL)),
                blankToNull(env.get(EnvironmentVariables.GRAPH_BASE_URL)),
                blankToNull(env.get(EnvironmentVariables.GRAPH_API_VERSION)),
                blankToNull(env.get(EnvironmentVariables.PHONE_NUMBER_ID)),
                blankToNull(env.get(EnvironmentVariables.BUSINESS_NAME)),
                blankToNull(env.get(EnvironmentVariables.DEFAULT_LANGUAGE)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
