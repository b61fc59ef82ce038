package io.playloop.campaign;

import static io.playloop.campaign.CampaignFiles.demoWith;
import static io.playloop.campaign.CampaignFiles.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("validation: quiz and wheel")
class GamesValidationTest {
    private static final String BLUE_YELLOW_OPTIONS = """
                    - { id: d, text: { en: "Brown", fr: "Marron", ar: "البني" } }
            """;

    @Nested
    @DisplayName("quiz")
    class QuizRules {
        @Test
        void eleven_options_do_not_fit_a_list_message() {
            StringBuilder more = new StringBuilder(BLUE_YELLOW_OPTIONS);
            for (String id : new String[] {"e", "f", "g", "h", "i", "j", "k"}) {
                more.append("        - { id: ").append(id).append(", text: { en: \"Colour ").append(id)
                        .append("\", fr: \"Couleur ").append(id).append("\", ar: \"لون ").append(id).append("\" } }\n");
            }
            assertThat(problemsOf(demoWith(BLUE_YELLOW_OPTIONS, more.toString())))
                    .containsExactly("quiz.questions[4].options: 11 options, a list message holds at most 10");
        }

        @Test
        void one_option_is_not_a_question() {
            String yaml = demoWith("""
                            - { id: a, text: { en: "100", fr: "100", ar: "100" } }
                            - { id: b, text: { en: "120", fr: "120", ar: "120" } }
                            - { id: c, text: { en: "140", fr: "140", ar: "140" } }
                          correct: b
                    """, """
                            - { id: b, text: { en: "120", fr: "120", ar: "120" } }
                          correct: b
                    """);
            assertThat(problemsOf(yaml)).containsExactly("quiz.questions[5].options: 1 option, a question needs at least 2");
        }

        @Test
        void the_correct_answer_must_be_one_of_the_options() {
            assertThat(problemsOf(demoWith("      correct: c\n", "      correct: d\n")))
                    .containsExactly("quiz.questions[2].correct: 'd' is not one of the options (a, b, c)");
        }

        @Test
        @DisplayName("an option is a button title (20) with 2-3 options and a row title (24) with 4-10")
        void option_length_depends_on_how_the_question_goes_out() {
            assertThat(problemsOf(demoWith("fr: \"Dioxyde de carbone\"", "fr: \"Le dioxyde de carbone\"")))
                    .containsExactly("quiz.questions[3].options[1].text.fr: 21 characters, a button title allows 20"
                            + " (a question with 2–3 options goes out as reply buttons)");
            CampaignLoader.fromYaml(demoWith("fr: \"Violet\"", "fr: \"Violet (ou pourpre)\""), "demo.yaml");
            assertThat(problemsOf(demoWith("fr: \"Violet\"", "fr: \"Violet, pourpre ou magenta\"")))
                    .containsExactly("quiz.questions[4].options[2].text.fr: 26 characters, a list row title allows 24"
                            + " (a question with 4–10 options goes out as a list)");
        }

        @Test
        void two_options_with_the_same_text_cannot_be_told_apart() {
            assertThat(problemsOf(demoWith("{ id: c, text: { en: \"Nitrogen\", fr: \"Azote\"",
                    "{ id: c, text: { en: \"Nitrogen\", fr: \"oxygène\"")))
                    .containsExactly("quiz.questions[3].options[2].text.fr: 'oxygène' is also the text of"
                            + " quiz.questions[3].options[0]: the customer could not tell them apart");
        }

        @Test
        void question_ids_are_unique() {
            assertThat(problemsOf(demoWith("    - id: two-hours\n", "    - id: leap-year\n")))
                    .containsExactly("quiz.questions[5].id: 'leap-year' is already the id of quiz.questions[1]");
        }

        @Test
        void a_question_without_points_needs_the_quiz_correct_rule() {
            String yaml = demoWith("""
                        quiz_correct:
                          points: 10                 # a question may set its own amount
                          cap: { per_day: 30 }
                    """, "");
            assertThat(problemsOf(yaml)).hasSize(5).allMatch(p ->
                    p.endsWith(".points: missing, and points.earn has no quiz_correct rule to take it from"));
        }

        @Test
        void questions_inherit_the_rule_points_unless_they_set_their_own() {
            Campaign demo = CampaignLoader.fromYaml(CampaignFiles.demoYaml(), "demo.yaml");
            assertThat(demo.quiz().orElseThrow().question("red-planet").orElseThrow().points()).isEqualTo(10);
            assertThat(demo.quiz().orElseThrow().question("plants-gas").orElseThrow().points()).isEqualTo(15);
        }

        @Test
        void time_limit_and_daily_limit_have_bounds() {
            assertThat(problemsOf(demoWith("  answer_time_limit: PT10M", "  answer_time_limit: PT5S")))
                    .containsExactly("quiz.answer_time_limit: must be between PT30S and PT168H, not PT5S");
            assertThat(problemsOf(demoWith("  answer_time_limit: PT10M", "  answer_time_limit: 10 minutes")))
                    .containsExactly("quiz.answer_time_limit: '10 minutes' is not an ISO-8601 duration (e.g. P1D, PT10M, P365D)");
        }

        @Test
        void an_empty_quiz_section_reports_its_missing_questions() {
            String yaml = CampaignFiles.withoutSection(CampaignFiles.demoYaml(), "quiz:");
            yaml = CampaignFiles.replaceOnce(yaml, "\nspin:\n", "\nquiz:\n\nspin:\n");
            assertThat(problemsOf(yaml)).containsExactly("quiz.questions: missing: a quiz needs at least one question");
        }
    }

    @Nested
    @DisplayName("wheel")
    class SpinRules {
        @Test
        void a_negative_weight_is_rejected() {
            assertThat(problemsOf(demoWith("      weight: 20\n", "      weight: -5\n")))
                    .containsExactly("spin.prizes[3].weight: must be >= 0, not -5");
        }

        @Test
        void weights_summing_to_zero_leave_nothing_to_land_on() {
            String yaml = CampaignFiles.demoYaml().replaceAll("(?m)^      weight: \\d+", "      weight: 0");
            assertThat(problemsOf(yaml)).containsExactly("spin.prizes: weights sum to 0: give at least one prize a weight > 0");
        }

        @Test
        void a_prize_with_a_budget_needs_a_try_again_prize_to_fall_back_on() {
            String yaml = demoWith("""
                        - id: try-again
                          name: { en: "Try again", fr: "Retentez votre chance", ar: "حظاً أوفر" }
                          kind: try_again
                          weight: 30                 # also where the wheel lands once a prize's budget is spent
                    """, "");
            assertThat(problemsOf(yaml)).containsExactly(
                    "spin.prizes: 'off-5' has a budget, so the wheel needs a try_again prize to land on once it is spent");
        }

        @Test
        void each_kind_has_its_own_value_rules() {
            assertThat(problemsOf(demoWith("      value: 15\n", "      value: 150\n")))
                    .containsExactly("spin.prizes[2].value: must be <= 100, not 150");
            assertThat(problemsOf(demoWith("      value: 20\n", "      value: 20.5\n")))
                    .containsExactly("spin.prizes[3].value: must be a whole number, not 20.5");
            assertThat(problemsOf(demoWith("      kind: try_again\n", "      kind: try_again\n      value: 0\n")))
                    .containsExactly("spin.prizes[4].value: a try_again prize has no value");
            assertThat(CampaignLoader.fromYaml(demoWith("      value: 15\n", "      value: 12.5\n"), "demo.yaml")
                    .spin().orElseThrow().prize("off-15").orElseThrow().value()).isEqualByComparingTo("12.5");
        }

        @Test
        void an_unknown_kind_is_reported_with_a_suggestion_and_no_noise() {
            assertThat(problemsOf(demoWith("      kind: bonus_points\n", "      kind: bonus_point\n")))
                    .containsExactly("spin.prizes[3].kind: 'bonus_point' is not one of percent_discount, bonus_points,"
                            + " try_again (did you mean bonus_points?)");
        }

        @Test
        void a_daily_budget_cannot_exceed_the_total() {
            assertThat(problemsOf(demoWith("budget: { per_day: 10, total: 200 }", "budget: { per_day: 300, total: 200 }")))
                    .containsExactly("spin.prizes[2].budget.per_day: must be <= total (200), not 300");
        }

        @Test
        void cooldown_needs_days_not_months() {
            assertThat(problemsOf(demoWith("  cooldown: P1D ", "  cooldown: P1M ")))
                    .containsExactly("spin.cooldown: 'P1M': write weeks, months and years in days (P7D, P30D, P365D):"
                            + " months and years have no fixed length");
        }

        @Test
        void a_budget_is_only_for_prizes_that_give_something() {
            assertThat(problemsOf(demoWith("      kind: try_again\n", "      kind: try_again\n      budget: { per_day: 5 }\n")))
                    .containsExactly("spin.prizes[4].budget: a try_again prize has no budget");
        }
    }
}
