package io.playloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlayLoopCliTest {
    static final Path DEMO = Path.of("..", "campaigns", "demo.yaml");

    @TempDir
    Path dir;

    @Test
    @DisplayName("validate prints a summary of a valid file and exits 0")
    void validate_valid_file() {
        Cli.Result result = Cli.run(Cli.noTable(), "validate", DEMO.toString());
        assertThat(result.status()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("valid playloop/campaign@1", "demo \"PlayLoop demo: summer games\"",
                "languages en fr ar", "quiz 6 questions, 3 a day", "wheel 5 prizes, one spin per day", "weekly top 10",
                "text lint: 315 texts rendered", "0 findings");
        assertThat(result.err()).isEmpty();
    }

    @Test
    @DisplayName("validate prints every problem with its path, no stack trace, and exits 1")
    void validate_broken_file() throws IOException {
        String yaml = Files.readString(DEMO, StandardCharsets.UTF_8)
                .replace("      weight: 20\n", "      weight: -2\n")
                .replace("  daily_limit: 3\n", "  daily_limt: 3\n")
                .replace("    button_quiz: \"Question suivante\"", "    button_quiz: \"Passer à la question suivante\"");
        Path broken = Files.writeString(dir.resolve("summer.yaml"), yaml, StandardCharsets.UTF_8);
        Cli.Result result = Cli.run(Cli.noTable(), "validate", broken.toString());
        assertThat(result.status()).isEqualTo(ExitCodes.INVALID_CAMPAIGN);
        assertThat(result.err()).contains(broken + ": 3 problems",
                "  quiz.daily_limt: unknown key (did you mean daily_limit?)",
                "  spin.prizes[3].weight: must be >= 0, not -2",
                "  texts.fr.button_quiz: 29 characters, a button title allows 20");
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    @DisplayName("validate runs the text lint: \"1 points\" or a hole where a name is missing fails the file")
    void validate_runs_the_text_lint() throws IOException {
        String yaml = Files.readString(DEMO, StandardCharsets.UTF_8);
        int at = yaml.indexOf("    tier_top: ");
        yaml = yaml.substring(0, at) + "    tier_top: \"You have {{points}} points, {{name}}.\"\n"
                + yaml.substring(yaml.indexOf('\n', at) + 1);
        Path file = Files.writeString(dir.resolve("plural.yaml"), yaml, StandardCharsets.UTF_8);
        Cli.Result result = Cli.run(Cli.noTable(), "validate", file.toString());
        assertThat(result.status()).isEqualTo(ExitCodes.INVALID_CAMPAIGN);
        assertThat(result.err()).contains(file + ": the text lint found 2 things a customer would notice:",
                "texts.en.tier_top: {{points}} is a count shown without the plural forms of en (one, other)",
                "texts.en.tier_top: uses {{name}}, which the engine may lack, and has no without_name form");
        assertThat(result.out()).contains("text lint: 315 texts rendered");
    }

    @Test
    void validate_reads_the_stored_json_form_too() throws IOException {
        String json = io.playloop.campaign.CampaignLoader.toJson(io.playloop.campaign.DemoCampaign.get());
        Path file = Files.writeString(dir.resolve("demo.json"), json, StandardCharsets.UTF_8);
        assertThat(Cli.run(Cli.noTable(), "validate", file.toString()).status()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void a_file_that_is_not_there_is_a_usage_error() {
        Cli.Result result = Cli.run(Cli.noTable(), "validate", dir.resolve("nope.yaml").toString());
        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("nope.yaml: no such file");
    }

    @Test
    void a_file_that_is_not_utf8_says_so() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), "name: \"Caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1));
        Cli.Result result = Cli.run(Cli.noTable(), "validate", latin1.toString());
        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("not UTF-8 text");
    }

    @Test
    @DisplayName("push of a broken file stops before the table: nothing is written")
    void push_validates_before_writing() throws IOException {
        Path broken = Files.writeString(dir.resolve("b.yaml"), "format: playloop/campaign@1\nid: x\n", StandardCharsets.UTF_8);
        Cli.Result result = Cli.run(Cli.noTable(), "push", broken.toString(), "--table", "t");
        assertThat(result.status()).isEqualTo(ExitCodes.INVALID_CAMPAIGN);
        assertThat(result.err()).contains("name: missing", "time_zone: missing");
    }

    @Test
    void wrong_command_lines_are_usage_errors() {
        assertThat(Cli.run(Cli.noTable(), "push", DEMO.toString()).status()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run(Cli.noTable(), "publish").status()).isEqualTo(ExitCodes.USAGE);
        Cli.Result help = Cli.run(Cli.noTable(), "--help");
        assertThat(help.status()).isEqualTo(ExitCodes.OK);
        assertThat(help.out()).contains("validate", "push", "list", "activate", "Exit status:");
    }
}
