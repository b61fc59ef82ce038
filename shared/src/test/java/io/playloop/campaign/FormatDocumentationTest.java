package io.playloop.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("infra/campaigns/FORMAT.md documents what the loader reads")
class FormatDocumentationTest {
    private static final Path FORMAT_MD = Path.of("..", "infra", "campaigns", "FORMAT.md");

    @Test
    void every_text_key_is_documented_with_its_limit_and_placeholders() throws IOException {
        String doc = Files.readString(FORMAT_MD, StandardCharsets.UTF_8);
        for (TextKey key : TextKey.values()) {
            String row = doc.lines().filter(l -> l.startsWith("| `" + key.key() + "` |")).findFirst().orElse(null);
            assertThat(row).as("a row for %s", key.key()).isNotNull();
            assertThat(row).as(key.key()).contains("≤ " + key.kind().maxLength());
            for (String placeholder : key.placeholders()) {
                if (!Placeholders.COMMON.contains(placeholder)) {
                    assertThat(row).as(key.key()).contains("`{{" + placeholder + "}}`");
                }
            }
        }
    }

    @Test
    void every_field_the_demo_uses_is_documented() throws IOException {
        String doc = Files.readString(FORMAT_MD, StandardCharsets.UTF_8);
        JsonNode tree = CampaignLoader.toTree(CampaignLoader.fromYaml(CampaignFiles.demoYaml(), "demo.yaml"));
        Set<String> fields = new TreeSet<>();
        collect(tree, fields);
        List<String> missing = new ArrayList<>();
        for (String field : fields) {
            if (!doc.contains("`" + field + "`") && !doc.contains("." + field + "`") && !doc.contains("`" + field + ".")
                    && !doc.contains("`" + field + ":")) {
                missing.add(field);
            }
        }
        assertThat(missing).as("fields of the format missing from FORMAT.md").isEmpty();
        assertThat(doc).contains(Campaign.FORMAT, "`variants`");
    }

    /** Field names, skipping data keys: languages, text keys, commands, fallback names and fee regions. */
    private static void collect(JsonNode node, Set<String> fields) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, fields));
            return;
        }
        node.fields().forEachRemaining(e -> {
            String key = e.getKey();
            boolean dataKeysBelow = key.equals("texts") || key.equals("fallbacks")
                    || key.equals("keywords") && e.getValue().has("en") || key.equals("countries");
            if (Campaign.SUPPORTED_LANGUAGES.contains(key) || dataKeysBelow) {
                fields.add(key);
                return;
            }
            fields.add(key);
            collect(e.getValue(), fields);
        });
    }
}
