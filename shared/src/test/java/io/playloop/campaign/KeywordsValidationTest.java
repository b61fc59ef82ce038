package io.playloop.campaign;

import static io.playloop.campaign.CampaignFiles.demoWith;
import static io.playloop.campaign.CampaignFiles.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("validation: keywords")
class KeywordsValidationTest {

    @Test
    void a_keyword_of_two_commands_is_reported_on_each_later_list() {
        assertThat(problemsOf(demoWith("    SPIN: [roue, tourner, tourner la roue]",
                "    SPIN: [roue, tourner, tourner la roue, stop]")))
                .containsExactly("keywords.fr.SPIN: 'stop' is also a keyword of en.STOP",
                        "keywords.fr.STOP: 'stop' is also a keyword of fr.SPIN");
    }

    @Test
    @DisplayName("keywords are compared as the engine matches them: 'Arret' clashes with 'arrêt' across languages")
    void conflicts_are_found_after_normalisation_and_across_languages() {
        assertThat(problemsOf(demoWith("    QUIZ: [quiz, question, trivia]", "    QUIZ: [quiz, question, trivia, Arret]")))
                .containsExactly("keywords.fr.STOP: 'arrêt' is also a keyword of en.QUIZ");
    }

    @Test
    void a_shared_keyword_of_the_same_command_is_fine() {
        Campaign campaign = CampaignLoader.fromYaml(demoWith("    TOP: [top, classement, rang]",
                "    TOP: [top, classement, rang, leaderboard]"), "demo.yaml");
        assertThat(campaign.keywords().index().get("leaderboard").languages()).containsExactlyInAnyOrder("en", "fr");
    }

    @Test
    void a_points_keyword_may_not_be_a_command() {
        assertThat(problemsOf(demoWith("keywords: { en: [summer], fr: [été], ar: [صيف] }",
                "keywords: { en: [summer, bonus], fr: [été, jouer], ar: [صيف] }")))
                .containsExactly("points.earn.keywords[0].keywords.fr: 'jouer' is also a keyword of fr.PLAY");
    }

    @Test
    void every_command_needs_a_keyword_in_every_language() {
        assertThat(problemsOf(demoWith("    LANG: [langue, lang]\n", "")))
                .containsExactly("keywords.fr.LANG: missing");
        assertThat(problemsOf(demoWith("    LANG: [langue, lang]\n", "    LANG: []\n")))
                .containsExactly("keywords.fr.LANG: needs at least one keyword");
    }

    @Test
    void an_unknown_command_is_reported_with_a_suggestion() {
        assertThat(problemsOf(demoWith("    REWARDS: [rewards, reward, prizes, my rewards]",
                "    REWARD: [rewards, reward, prizes, my rewards]")))
                .containsExactly("keywords.en.REWARD: unknown command (did you mean REWARDS?)",
                        "keywords.en.REWARDS: missing");
    }

    @Test
    void a_keyword_of_invisible_marks_only_cannot_match_anything() {
        assertThat(problemsOf(demoWith("    HELP: [help, commands, info, hi, hello]",
                "    HELP: [help, commands, info, hi, hello, \"\\u200f\\u200e\"]")))
                .containsExactly("keywords.en.HELP[5]: '\u200f\u200e' is only punctuation or symbols, which matching ignores");
    }

    @Test
    @DisplayName("unquoted yes/no/on stay keywords (YAML 1.1 would have made them booleans)")
    void yaml_booleans_stay_words() {
        Campaign campaign = CampaignLoader.fromYaml(demoWith("[start, subscribe, \"yes\", unstop, join]",
                "[start, subscribe, yes, unstop, join, on]"), "demo.yaml");
        assertThat(campaign.keywords().phrases("en", Command.START)).contains("yes", "on");
    }
}
