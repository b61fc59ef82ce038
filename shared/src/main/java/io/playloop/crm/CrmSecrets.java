package io.playloop.crm;

/**
 * The CRM credentials. The reward function wires it to Secrets Manager (JSON keys named below);
 * implementations may cache and rotate, so sinks ask on every call. A value for a disabled sink may be
 * null.
 */
public interface CrmSecrets {
    /** JSON key of the HubSpot private-app token. */
    String HUBSPOT_ACCESS_TOKEN = "hubspotAccessToken";
    /** JSON key of the Zoho OAuth client id. */
    String ZOHO_CLIENT_ID = "zohoClientId";
    /** JSON key of the Zoho OAuth client secret. */
    String ZOHO_CLIENT_SECRET = "zohoClientSecret";
    /** JSON key of the Zoho refresh token (scope ZohoCRM.modules.contacts.ALL or WRITE). */
    String ZOHO_REFRESH_TOKEN = "zohoRefreshToken";
    /** JSON key of the HMAC secret shared with the webhook receiver. */
    String WEBHOOK_SIGNING_SECRET = "crmWebhookSecret";

    /** The HubSpot private-app token (scopes crm.objects.contacts.write and .read). */
    String hubspotAccessToken();

    /** The Zoho OAuth client id. */
    String zohoClientId();

    /** The Zoho OAuth client secret. */
    String zohoClientSecret();

    /** The Zoho refresh token. */
    String zohoRefreshToken();

    /** The webhook signing secret. */
    String webhookSigningSecret();
}
