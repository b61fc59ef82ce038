package io.playloop.campaign;

import static io.playloop.campaign.CampaignFiles.demoWith;
import static io.playloop.campaign.CampaignFiles.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("validation: the file, its format line and the campaign's identity")
class RootValidationTest {

    @Test
    void missing_format_line_is_reported_with_what_to_write() {
        assertThat(problemsOf(demoWith("format: playloop/campaign@1\n", "")))
                .containsExactly("format: missing: a campaign starts with format: playloop/campaign@1");
    }

    @Test
    void another_format_version_stops_reading_with_one_clear_problem() {
        assertThat(problemsOf(demoWith("format: playloop/campaign@1", "format: playloop/campaign@2")))
                .containsExactly("format: 'playloop/campaign@2' is not supported: this PlayLoop reads playloop/campaign@1");
    }

    @Test
    void variants_are_reserved_and_rejected() {
        String yaml = demoWith("leaderboard:\n", "variants:\n  - id: b\n    weight: 50\nleaderboard:\n");
        assertThat(problemsOf(yaml)).containsExactly(
                "variants: A/B variants are not supported by playloop/campaign@1 (the key is reserved for a later version)");
    }

    @Test
    void a_typo_in_a_key_is_reported_with_a_suggestion_not_ignored() {
        assertThat(problemsOf(demoWith("  daily_limit: 3\n", "  daily_limt: 3\n")))
                .containsExactly("quiz.daily_limt: unknown key (did you mean daily_limit?)");
        assertThat(problemsOf(demoWith("\nleaderboard:\n", "\nleaderbord:\n")))
                .containsExactly("leaderbord: unknown key (did you mean leaderboard?)");
    }

    @Test
    void unknown_time_zone_is_reported_with_the_closest_zone() {
        assertThat(problemsOf(demoWith("time_zone: Europe/Paris", "time_zone: Europe/Pariss")))
                .containsExactly("time_zone: 'Europe/Pariss' is not an IANA time zone (e.g. Europe/Paris, Asia/Riyadh,"
                        + " America/New_York) (did you mean Europe/Paris?)");
        assertThat(problemsOf(demoWith("time_zone: Europe/Paris", "time_zone: CET+1"))).hasSize(1)
                .allMatch(p -> p.startsWith("time_zone: 'CET+1' is not an IANA time zone"));
    }

    @Test
    void campaign_id_must_fit_a_table_key() {
        assertThat(problemsOf(demoWith("id: demo\n", "id: Demo Campaign\n"))).containsExactly(
                "id: 'Demo Campaign' must be 1–40 lower-case letters, digits and dashes, not starting or ending with a dash");
    }

    @Test
    void languages_are_a_subset_of_en_fr_ar_and_include_the_default() {
        assertThat(problemsOf(demoWith("default_language: en", "default_language: es")))
                .containsExactly("default_language: 'es' is not in languages (en, fr, ar)");
        assertThat(problemsOf(demoWith("languages: [en, fr, ar]", "languages: [en, fr, ar, de]")))
                .contains("languages: at most 3, has 4", "languages[3]: 'de' is not one of en, fr, ar");
    }

    @Test
    void active_window_dates_are_checked() {
        assertThat(problemsOf(demoWith("  end: 2030-12-31", "  end: 2024-06-30")))
                .containsExactly("active.end: must be after active.start");
        assertThat(problemsOf(demoWith("  start: 2025-01-01", "  start: 1st of January")))
                .containsExactly("active.start: '1st of January' is not a date (2025-06-01), a local date-time"
                        + " (2025-06-01T09:00) or a date-time with offset (2025-06-01T09:00:00+02:00)");
    }

    @Test
    void yaml_syntax_errors_name_the_line_instead_of_a_stack_trace() {
        String yaml = demoWith("  lot_expiry: P365D", "  lot_expiry: [P365D");
        assertThat(problemsOf(yaml)).singleElement().asString().startsWith("not valid YAML at line ");
    }

    @Test
    void a_key_written_twice_is_an_error_not_a_silent_overwrite() {
        String yaml = demoWith("  daily_limit: 3\n", "  daily_limit: 3\n  daily_limit: 5\n");
        assertThat(problemsOf(yaml)).singleElement().asString()
                .startsWith("not valid YAML at line").contains("Duplicate field 'daily_limit'");
    }

    @Test
    void an_empty_file_or_a_list_is_not_a_campaign() {
        assertThat(problemsOf("")).containsExactly("the file is empty: a campaign starts with format: playloop/campaign@1");
        assertThat(problemsOf("- a\n- b\n")).containsExactly(
                "a campaign is a mapping of keys (format:, id:, name:, …), not a list");
    }

    @Test
    void json_that_is_not_json_is_one_problem() {
        InvalidCampaignException e = catchThrowableOfType(
                InvalidCampaignException.class, () -> CampaignLoader.fromJson("{\"format\": ", "stored.json"));
        assertThat(e.problems()).singleElement().asString().startsWith("not valid JSON at line 1");
        assertThat(e.getMessage()).startsWith("stored.json: 1 problem\n  not valid JSON");
    }

    @Test
    @DisplayName("every problem of a file is reported at once, in file order, in one exception")
    void every_problem_is_collected() {
        String yaml = CampaignFiles.demoYaml();
        yaml = CampaignFiles.replaceOnce(yaml, "time_zone: Europe/Paris", "time_zone: Paris");
        yaml = CampaignFiles.replaceOnce(yaml, "  daily_limit: 3\n", "  daily_limit: 0\n");
        yaml = CampaignFiles.replaceOnce(yaml, "      weight: 20\n", "      weight: -1\n");
        yaml = CampaignFiles.replaceOnce(yaml, "    threshold: 1500\n", "    threshold: 400\n");
        yaml = CampaignFiles.replaceOnce(yaml, "    points_balance: \"رصيد نقاطك: {{points}}. مستواك: {{tier}}.\"\n", "");
        assertThat(problemsOf(yaml)).containsExactly(
                "time_zone: 'Paris' is not an IANA time zone (e.g. Europe/Paris, Asia/Riyadh, America/New_York)",
                "quiz.daily_limit: must be > 0, not 0",
                "spin.prizes[3].weight: must be >= 0, not -1",
                "tiers[2].threshold: must be above tiers[1].threshold (500)",
                "texts.ar.points_balance: missing");
    }
}
