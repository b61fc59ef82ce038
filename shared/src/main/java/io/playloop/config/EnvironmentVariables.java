package io.playloop.config;

/**
 * Every environment variable a PlayLoop function reads, named once. template.yaml, the local cloud and
 * the tests refer to these constants; a test fails when template.yaml sets a name that is not here.
 */
public final class EnvironmentVariables {
    /** The single DynamoDB table. */
    public static final String TABLE_NAME = "PLAYLOOP_TABLE_NAME";
    /** URL of the inbound FIFO queue the ingest function writes to. */
    public static final String INBOUND_QUEUE_URL = "PLAYLOOP_INBOUND_QUEUE_URL";
    /** ARN of the Secrets Manager secret holding appSecret, verifyToken and accessToken (JSON). */
    public static final String SECRETS_ARN = "PLAYLOOP_SECRETS_ARN";
    /** Graph API base URL; https://graph.facebook.com in production, the simulator locally. */
    public static final String GRAPH_BASE_URL = "PLAYLOOP_GRAPH_BASE_URL";
    /** Pinned Graph API version, e.g. v23.0: payload shapes change between versions. */
    public static final String GRAPH_API_VERSION = "PLAYLOOP_GRAPH_API_VERSION";
    /** The business phone-number id messages are sent from; webhooks for other ids are dropped. */
    public static final String PHONE_NUMBER_ID = "PLAYLOOP_PHONE_NUMBER_ID";
    /** The business name the welcome message introduces. */
    public static final String BUSINESS_NAME = "PLAYLOOP_BUSINESS_NAME";
    /** Language used when nothing else tells (en, fr or ar). */
    public static final String DEFAULT_LANGUAGE = "PLAYLOOP_DEFAULT_LANGUAGE";
    /**
     * ISO 3166-1 alpha-2 region of shop phone numbers written without a country code (e.g. {@code 06 12 34 56
     * 78} in {@code FR}); default {@code FR} ({@code io.playloop.commerce.PhoneNumbers#DEFAULT_REGION}).
     */
    public static final String DEFAULT_PHONE_REGION = "PLAYLOOP_DEFAULT_PHONE_REGION";

    /** Local cloud and tests only: secrets given directly instead of through Secrets Manager. */
    public static final String APP_SECRET = "PLAYLOOP_APP_SECRET";
    public static final String VERIFY_TOKEN = "PLAYLOOP_VERIFY_TOKEN";
    public static final String ACCESS_TOKEN = "PLAYLOOP_ACCESS_TOKEN";
    public static final String SHOP_SECRET = "PLAYLOOP_SHOP_SECRET";

    /** Powertools logging: the service field of every log line, and the log level. */
    public static final String POWERTOOLS_SERVICE_NAME = "POWERTOOLS_SERVICE_NAME";
    public static final String POWERTOOLS_LOG_LEVEL = "POWERTOOLS_LOG_LEVEL";

    /** Set by the Lambda runtime. */
    public static final String AWS_REGION = "AWS_REGION";

    private EnvironmentVariables() {
    }
}
