package io.playloop.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Campaign files for tests: the demo as written, and real-looking broken copies of it. */
public final class CampaignFiles {
    /** The demo campaign's source, relative to the shared module (Maven runs tests from there). */
    static final Path DEMO_YAML = Path.of("..", "infra", "campaigns", "demo.yaml");

    private CampaignFiles() {
    }

    public static String demoYaml() {
        try {
            return Files.readString(DEMO_YAML, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo with one exact piece of text replaced; fails if the piece is not there exactly once. */
    public static String demoWith(String from, String to) {
        return replaceOnce(demoYaml(), from, to);
    }

    static String replaceOnce(String yaml, String from, String to) {
        int first = yaml.indexOf(from);
        assertThat(first).as("'%s' is in the file", from).isNotNegative();
        assertThat(yaml.indexOf(from, first + 1)).as("'%s' is in the file only once", from).isNegative();
        return yaml.substring(0, first) + to + yaml.substring(first + from.length());
    }

    /** The lines of the file with the section starting at {@code header} (up to the next top-level key) cut out. */
    public static String withoutSection(String yaml, String header) {
        int start = yaml.indexOf("\n" + header + "\n");
        assertThat(start).as("section %s", header).isNotNegative();
        int end = start + 1 + header.length() + 1;
        while (end < yaml.length()) {
            int lineEnd = yaml.indexOf('\n', end);
            String line = yaml.substring(end, lineEnd < 0 ? yaml.length() : lineEnd);
            if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
                break;
            }
            end = lineEnd < 0 ? yaml.length() : lineEnd + 1;
        }
        return yaml.substring(0, start + 1) + yaml.substring(end);
    }

    /** The problems a YAML file has; fails if it loads. */
    static List<String> problemsOf(String yaml) {
        InvalidCampaignException e = catchThrowableOfType(InvalidCampaignException.class,
                () -> CampaignLoader.fromYaml(yaml, "broken.yaml"));
        assertThat(e).as("the file is rejected").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }
}
