package io.playloop.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.playloop.config.SecretsManagerSecrets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * The secret template.yaml creates, as the functions will read it right after the first deploy: the
 * generated verify token works (Meta's handshake can be done at once), while the published
 * placeholders for the app secret and the access token are refused, never used.
 */
class TemplateSecretTest {

    @Test
    void theFreshlyDeployedSecret_allowsTheHandshake_butNoSignatureCheckWithThePlaceholder() throws Exception {
        JsonNode generate = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "template.yaml").toFile())
                .at("/Resources/WhatsAppSecrets/Properties/GenerateSecretString");
        ObjectNode secret = (ObjectNode) new ObjectMapper().readTree(generate.get("SecretStringTemplate").asText());
        secret.put(generate.get("GenerateStringKey").asText(), "Gx7kQ2mZr9TbW4vY8nLp3sHd6fJc1aEu"); // as CloudFormation would
        SecretsManagerSecrets secrets = new SecretsManagerSecrets(returning(secret.toString()), "arn:secret", Clock.systemUTC());

        assertThat(secrets.verifyToken()).isEqualTo("Gx7kQ2mZr9TbW4vY8nLp3sHd6fJc1aEu");
        assertThatThrownBy(secrets::appSecret).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("placeholder for 'appSecret'").hasMessageContaining("put-secret-value");
        assertThatThrownBy(secrets::accessToken).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("placeholder for 'accessToken'");
        assertThat(secret.get("appSecret").asText()).isEqualTo(SecretsManagerSecrets.PLACEHOLDER);
        // Not in the template (editing GenerateSecretString would wipe a deployed secret): added by hand.
        assertThatThrownBy(secrets::shopSecret).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no 'shopSecret'").hasMessageContaining("put-secret-value");
    }

    @Test
    void aSecretWithoutShopSecret_stillServesWhatsApp_andNamesTheMissingKeyForTheShop() {
        SecretsManagerSecrets older = new SecretsManagerSecrets(returning(
                "{\"appSecret\":\"a\",\"verifyToken\":\"v\",\"accessToken\":\"t\"}"), "arn:secret", Clock.systemUTC());
        SecretsManagerSecrets withShop = new SecretsManagerSecrets(returning(
                "{\"appSecret\":\"a\",\"verifyToken\":\"v\",\"accessToken\":\"t\",\"shopSecret\":\"s3cret\"}"),
                "arn:secret", Clock.systemUTC());

        assertThat(older.appSecret()).isEqualTo("a");
        assertThatThrownBy(older::shopSecret).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no 'shopSecret'");
        assertThat(withShop.shopSecret()).isEqualTo("s3cret");
    }

    private static SecretsManagerClient returning(String secretString) {
        return new SecretsManagerClient() {
            @Override
            public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
                return GetSecretValueResponse.builder().arn(request.secretId()).secretString(secretString).build();
            }

            @Override
            public String serviceName() {
                return "secretsmanager";
            }

            @Override
            public void close() {
            }
        };
    }
}
