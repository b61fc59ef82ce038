package io.playloop.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.config.EnvironmentVariables;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrmConfigTest {
    private static final CrmSecrets SECRETS = new StaticCrmSecrets("pat", "id", "secret", "refresh", "whsec");

    @Test
    void nothingConfigured_enablesNoSink_andTheDefaultsPointAtTheVendors() {
        CrmConfig config = CrmConfig.fromEnvironment(Map.of());

        assertThat(config.sinks()).isEmpty();
        assertThat(config.hubspotBaseUrl()).isEqualTo("https://api.hubapi.com");
        assertThat(config.hubspotIdProperty()).isEqualTo("playloop_customer_key");
        assertThat(config.zohoApiBaseUrl()).isEqualTo("https://www.zohoapis.com");
        assertThat(config.zohoAccountsUrl()).isEqualTo("https://accounts.zoho.com");
        assertThat(config.zohoApiVersion()).isEqualTo("v7");
        assertThat(config.retryPolicy()).isEqualTo(new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5),
                Duration.ofSeconds(20), Duration.ofSeconds(7)));
        assertThat(CrmSinks.sync(config, SECRETS, Clock.systemUTC()).sinkNames()).isEmpty();
    }

    @Test
    void everythingConfigured_buildsTheNamedSinksInOrder() {
        CrmConfig config = CrmConfig.fromEnvironment(Map.of(
                EnvironmentVariables.CRM_SINKS, " Webhook, zoho ,hubspot,zoho",
                EnvironmentVariables.CRM_WEBHOOK_URL, "https://crm.example.com/playloop",
                EnvironmentVariables.CRM_ZOHO_API_BASE_URL, "https://www.zohoapis.eu",
                EnvironmentVariables.CRM_ZOHO_ACCOUNTS_URL, "https://accounts.zoho.eu",
                EnvironmentVariables.CRM_MAX_ATTEMPTS, "3",
                EnvironmentVariables.CRM_TIME_BUDGET_MS, "15000",
                EnvironmentVariables.CRM_REQUEST_TIMEOUT_MS, "4000"));

        assertThat(config.sinks()).containsExactly("webhook", "zoho", "hubspot");
        assertThat(config.zohoApiBaseUrl()).isEqualTo("https://www.zohoapis.eu");
        assertThat(config.retryPolicy().maxAttempts()).isEqualTo(3);
        assertThat(config.retryPolicy().timeBudget()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.retryPolicy().attemptAllowance()).isEqualTo(Duration.ofSeconds(6));
        assertThat(CrmSinks.sync(config, SECRETS, Clock.systemUTC()).sinkNames())
                .containsExactly("webhook", "zoho", "hubspot");
    }

    @Test
    void anUnknownSink_isRefusedByName() {
        assertThatThrownBy(() -> CrmConfig.fromEnvironment(Map.of(EnvironmentVariables.CRM_SINKS, "hubspot,salesforce")))
                .hasMessageContaining("salesforce").hasMessageContaining(EnvironmentVariables.CRM_SINKS);
    }

    @Test
    void theWebhookWithoutAUrl_isRefused() {
        assertThatThrownBy(() -> CrmConfig.fromEnvironment(Map.of(EnvironmentVariables.CRM_SINKS, "webhook")))
                .hasMessageContaining(EnvironmentVariables.CRM_WEBHOOK_URL);
    }

    @Test
    void aBadNumber_isRefusedByName() {
        assertThatThrownBy(() -> CrmConfig.fromEnvironment(Map.of(EnvironmentVariables.CRM_TIME_BUDGET_MS, "20s")))
                .hasMessageContaining(EnvironmentVariables.CRM_TIME_BUDGET_MS);
        assertThatThrownBy(() -> CrmConfig.fromEnvironment(Map.of(EnvironmentVariables.CRM_MAX_ATTEMPTS, "0")))
                .hasMessageContaining(EnvironmentVariables.CRM_MAX_ATTEMPTS);
    }

    @Test
    void aBudgetShorterThanOneAttempt_isRefused() {
        assertThatThrownBy(() -> CrmConfig.fromEnvironment(Map.of(EnvironmentVariables.CRM_TIME_BUDGET_MS, "3000")).retryPolicy())
                .hasMessageContaining("time budget");
    }
}
