package io.playloop.crm;

/** {@link CrmSecrets} given as values: the local cloud and tests. */
public record StaticCrmSecrets(String hubspotAccessToken, String zohoClientId, String zohoClientSecret,
        String zohoRefreshToken, String webhookSigningSecret) implements CrmSecrets {

    @Override
    public String toString() {
        return "StaticCrmSecrets[redacted]";
    }
}
