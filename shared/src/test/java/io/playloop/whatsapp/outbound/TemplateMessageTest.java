package io.playloop.whatsapp.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateMessageTest {
    private static final String TO = "+33612345678";
    private final ObjectMapper mapper = new ObjectMapper();
    private final GraphPayloads payloads = new GraphPayloads(mapper);

    @Test
    void aTemplateWithParameters_isSentInMetasShape() throws Exception {
        TemplateMessage message = new TemplateMessage(TO, "points_expiring", "fr", List.of("Léa", "120", "30/11"));

        JsonNode sent = mapper.readTree(payloads.toBytes(message));

        assertThat(sent).isEqualTo(mapper.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"+33612345678","type":"template",
                 "template":{"name":"points_expiring","language":{"code":"fr"},
                   "components":[{"type":"body","parameters":[{"type":"text","text":"Léa"},
                     {"type":"text","text":"120"},{"type":"text","text":"30/11"}]}]}}
                """));
    }

    @Test
    void aTemplateWithoutParameters_hasNoComponents() {
        JsonNode sent = payloads.toJson(new TemplateMessage(TO, "weekly_hello", "en_US", List.of()));

        assertThat(sent.at("/template/name").asText()).isEqualTo("weekly_hello");
        assertThat(sent.at("/template/language/code").asText()).isEqualTo("en_US");
        assertThat(sent.path("template").has("components")).isFalse();
    }

    @Test
    void arabicParameters_goOutAsUtf8_unescaped() {
        String name = "محمد 🎉";
        byte[] body = payloads.toBytes(new TemplateMessage(TO, "reward_expiring", "ar", List.of(name)));

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"text\":\"" + name + "\"");
    }

    @Test
    void bodyText_joinsTheParameters_forLogsAndTheOutbox() {
        assertThat(new TemplateMessage(TO, "t", "en", List.of("Léa", "120")).bodyText()).isEqualTo("Léa | 120");
        assertThat(new TemplateMessage(TO, "t", "en", List.of()).bodyText()).isEmpty();
    }

    @Test
    void theParameters_areCopied_soALaterChangeToTheCallersListIsNotSent() {
        List<String> parameters = new ArrayList<>(List.of("a"));
        TemplateMessage message = new TemplateMessage(TO, "t", "en", parameters);
        parameters.add("b");

        assertThat(message.bodyParameters()).containsExactly("a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Points_Expiring", "points-expiring", "points expiring", "points.expiring", "é"})
    void aNameOutsideLowerCaseLettersDigitsAndUnderscores_isRefused(String name) {
        assertThatThrownBy(() -> new TemplateMessage(TO, name, "en", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("template.name");
    }

    @Test
    void aNameOf512Characters_passes_and513_isRefused() {
        assertThat(new TemplateMessage(TO, "a".repeat(512), "en", List.of()).name()).hasSize(512);
        assertThatThrownBy(() -> new TemplateMessage(TO, "a".repeat(513), "en", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 512");
    }

    @Test
    void aBlankLanguageOrRecipient_isRefused() {
        assertThatThrownBy(() -> new TemplateMessage(TO, "t", " ", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("language");
        assertThatThrownBy(() -> new TemplateMessage(" ", "t", "en", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "two\nlines", "a\ttab", "five     spaces", "carriage\rreturn"})
    void aParameterMetaRefuses_isRefusedHere_naming132018OrBlank(String parameter) {
        assertThatThrownBy(() -> new TemplateMessage(TO, "t", "en", List.of("ok", parameter)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{2}}");
    }

    @Test
    void fourConsecutiveSpaces_pass() {
        assertThat(new TemplateMessage(TO, "t", "en", List.of("four    spaces")).bodyParameters()).hasSize(1);
    }

    @Test
    void parametersOfMoreThan1024CharactersTogether_areRefused_andExactly1024Pass() {
        String[] full = new String[4];
        Arrays.fill(full, "x".repeat(256));
        assertThat(new TemplateMessage(TO, "t", "en", List.of(full)).bodyParameters()).hasSize(4);

        List<String> over = new ArrayList<>(List.of(full));
        over.add("y");
        assertThatThrownBy(() -> new TemplateMessage(TO, "t", "en", over))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1025")
                .hasMessageContaining("1024");
    }
}
