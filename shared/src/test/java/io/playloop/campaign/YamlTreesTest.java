package io.playloop.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class YamlTreesTest {

    @Test
    @DisplayName("an emoji straddling the YAML reader's 1024-character buffer is read whole (SnakeYAML 2.3 crashed)")
    void emoji_at_every_buffer_boundary() throws Exception {
        for (int padding = 1000; padding <= 1030; padding++) {
            String yaml = "a: \"" + "x".repeat(padding) + "🎉 ok\"\n";
            JsonNode tree = YamlTrees.read(yaml);
            assertThat(tree.get("a").textValue()).as("padding %d", padding).endsWith("🎉 ok");
        }
    }

    @Test
    @DisplayName("yes, no, on and off stay words: the keyword 'yes' must not become 'true'")
    void boolean_like_words_stay_text() throws Exception {
        JsonNode tree = YamlTrees.read("START: [yes, Oui, on]\nSTOP: [no, off]\n");
        assertThat(tree.get("START").get(0).textValue()).isEqualTo("yes");
        assertThat(tree.get("START").get(2).textValue()).isEqualTo("on");
        assertThat(tree.get("STOP").get(0).textValue()).isEqualTo("no");
        assertThat(YamlTrees.read("flag: true").get("flag").isBoolean()).isTrue();
    }

    @Test
    @DisplayName("decimals are exact: 1.5 is 1.5, not a double")
    void decimals_are_exact() throws Exception {
        assertThat(YamlTrees.read("m: 1.10").get("m").decimalValue()).isEqualByComparingTo("1.1");
        assertThat(YamlTrees.read("m: 1.10").get("m").isBigDecimal()).isTrue();
    }
}
