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
    /** The rewards FIFO queue the game function sends reward jobs to (pool codes, CRM syncs); unset: none. */
    public static final String REWARDS_QUEUE_URL = "PLAYLOOP_REWARDS_QUEUE_URL";
    /**
     * The inbound queue's dead-letter queue, where the game function sets aside a record that used its own retry
     * budget (io.playloop.batch.PartialBatch); unset: such a record stays until SQS's redrive takes it.
     */
    public static final String INBOUND_DLQ_URL = "PLAYLOOP_INBOUND_DLQ_URL";
    /** The rewards queue's dead-letter queue, where the reward function sets aside a job that used its budget. */
    public static final String REWARDS_DLQ_URL = "PLAYLOOP_REWARDS_DLQ_URL";
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

    /** CRM sync (io.playloop.crm.CrmConfig): the enabled sinks, comma-separated: hubspot, zoho, webhook. */
    public static final String CRM_SINKS = "PLAYLOOP_CRM_SINKS";
    /** HubSpot API base (default https://api.hubapi.com). */
    public static final String CRM_HUBSPOT_BASE_URL = "PLAYLOOP_CRM_HUBSPOT_BASE_URL";
    /** The unique HubSpot contact property holding the customer key (default playloop_customer_key). */
    public static final String CRM_HUBSPOT_ID_PROPERTY = "PLAYLOOP_CRM_HUBSPOT_ID_PROPERTY";
    /** Zoho CRM API base of the data centre (default https://www.zohoapis.com; .eu, .in, .com.au...). */
    public static final String CRM_ZOHO_API_BASE_URL = "PLAYLOOP_CRM_ZOHO_API_BASE_URL";
    /** Zoho accounts server of the same data centre (default https://accounts.zoho.com). */
    public static final String CRM_ZOHO_ACCOUNTS_URL = "PLAYLOOP_CRM_ZOHO_ACCOUNTS_URL";
    /** Zoho CRM API version in the path (default v7). */
    public static final String CRM_ZOHO_API_VERSION = "PLAYLOOP_CRM_ZOHO_API_VERSION";
    /** Where the signed contact webhook is POSTed (required when the webhook sink is enabled). */
    public static final String CRM_WEBHOOK_URL = "PLAYLOOP_CRM_WEBHOOK_URL";
    /** Attempts per sink per sync (default 4). */
    public static final String CRM_MAX_ATTEMPTS = "PLAYLOOP_CRM_MAX_ATTEMPTS";
    /** Time budget of one sync in milliseconds, all sinks in parallel (default 20000). */
    public static final String CRM_TIME_BUDGET_MS = "PLAYLOOP_CRM_TIME_BUDGET_MS";
    /** Timeout of one CRM HTTP request in milliseconds (default 5000; connecting gets 2000 more). */
    public static final String CRM_REQUEST_TIMEOUT_MS = "PLAYLOOP_CRM_REQUEST_TIMEOUT_MS";

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
