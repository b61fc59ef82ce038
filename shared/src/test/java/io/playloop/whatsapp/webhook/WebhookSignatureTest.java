package io.playloop.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {
    private static final String SECRET = "local-app-secret";

    /**
     * A webhook as Meta puts it on the wire: non-ASCII escaped as lowercase backslash-u sequences, slashes as
     * backslash-slash, so the body is pure ASCII.
     */
    private static final String META_ESCAPED = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":"
            + "\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
            + "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"contacts\":"
            + "[{\"profile\":{\"name\":\"L\\u00e9a \\ud83d\\ude00\"},\"wa_id\":\"33612345678\"}],\"messages\":"
            + "[{\"from\":\"33612345678\",\"id\":\"wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQTdGQjJBMEE1QjA0QjQ0QjM4RgA=\","
            + "\"timestamp\":\"1749416383\",\"type\":\"text\",\"text\":{\"body\":\"Caf\\u00e9 ? https:\\/\\/example.com"
            + "\\/r\\/1 \\u0646\\u0642\\u0627\\u0637\"}}]},\"field\":\"messages\"}]}]}";

    private static final byte[] BODY = META_ESCAPED.getBytes(StandardCharsets.US_ASCII);

    @Test
    void signThenVerify_isValid_andTheHeaderIsSha256WithLowercaseHex() {
        String header = WebhookSignature.sign(BODY, SECRET);

        assertThat(header).matches("sha256=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(BODY, header, SECRET)).isTrue();
    }

    @Test
    void sign_matchesAKnownHmacSha256Vector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        assertThat(WebhookSignature.sign(data, "Jefe"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    @DisplayName("Meta-escaped JSON verifies over the raw bytes; the same JSON re-serialised does not")
    void metaEscapedJson_verifiesOnRawBytes_butNotAfterReserialising() throws Exception {
        String header = WebhookSignature.sign(BODY, SECRET);

        ObjectMapper mapper = new ObjectMapper();
        byte[] reserialised = mapper.writeValueAsBytes(mapper.readTree(BODY));

        assertThat(mapper.readTree(reserialised)).isEqualTo(mapper.readTree(BODY)); // same JSON value...
        assertThat(reserialised).isNotEqualTo(BODY); // ...different bytes: é unescaped, \/ became /
        assertThat(new String(reserialised, StandardCharsets.UTF_8)).contains("Café", "https://example.com");
        assertThat(WebhookSignature.verify(BODY, header, SECRET)).isTrue();
        assertThat(WebhookSignature.verify(reserialised, header, SECRET)).isFalse();
    }

    @Test
    void theParsedTextOfAnEscapedBodyIsTheRealText() {
        var message = new WebhookParser().parse(BODY).messages().get(0);

        assertThat(message.text()).isEqualTo("Café ? https://example.com/r/1 نقاط");
        assertThat(message.profileName()).isEqualTo("Léa 😀");
    }

    @Test
    void aSingleChangedByte_failsVerification() {
        String header = WebhookSignature.sign(BODY, SECRET);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 10] ^= 1;

        assertThat(WebhookSignature.verify(tampered, header, SECRET)).isFalse();
    }

    @Test
    void anotherSecret_failsVerification() {
        assertThat(WebhookSignature.verify(BODY, WebhookSignature.sign(BODY, "rotated-secret"), SECRET)).isFalse();
    }

    @Test
    void uppercaseHex_uppercasePrefix_andSurroundingSpaces_areAccepted() {
        String header = WebhookSignature.sign(BODY, SECRET);
        String hex = header.substring("sha256=".length());

        assertThat(WebhookSignature.verify(BODY, "SHA256=" + hex.toUpperCase(Locale.ROOT), SECRET)).isTrue();
        assertThat(WebhookSignature.verify(BODY, "  " + header + " \t", SECRET)).isTrue();
        assertThat(WebhookSignature.verify(BODY, "Sha256=" + hex, SECRET)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "sha256=",
            "sha256",
            "sha1=0123456789abcdef0123456789abcdef01234567",
            "sha256=zz",
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec384",
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec38433",
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec384g",
            "sha256 =5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            "sha256=\u0663bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    })
    void missingOrGarbledHeaders_areNotValid(String header) {
        assertThat(WebhookSignature.verify(BODY, header, SECRET)).isFalse();
    }

    @Test
    void aMissingSecret_neverVerifies() {
        String header = WebhookSignature.sign(BODY, SECRET);

        assertThat(WebhookSignature.verify(BODY, header, null)).isFalse();
        assertThat(WebhookSignature.verify(BODY, header, "")).isFalse();
        assertThatThrownBy(() -> WebhookSignature.sign(BODY, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyBodyHasASignatureToo() {
        byte[] empty = new byte[0];
        assertThat(WebhookSignature.verify(empty, WebhookSignature.sign(empty, SECRET), SECRET)).isTrue();
    }
}
