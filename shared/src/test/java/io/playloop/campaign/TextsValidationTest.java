package io.playloop.campaign;

import static io.playloop.campaign.CampaignFiles.demoWith;
import static io.playloop.campaign.CampaignFiles.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("validation: texts, their lengths, placeholders and fallbacks")
class TextsValidationTest {

    @Test
    void a_missing_text_is_named_with_its_language() {
        assertThat(problemsOf(demoWith("    points_balance: \"رصيد نقاطك: {{points}}. مستواك: {{tier}}.\"\n", "")))
                .containsExactly("texts.ar.points_balance: missing");
    }

    @Test
    void a_whole_missing_language_is_one_problem_not_eighty() {
        String yaml = CampaignFiles.demoYaml();
        int start = yaml.indexOf("\n  ar:\n    greeting_named:");
        assertThat(problemsOf(yaml.substring(0, start + 1))).containsExactly("texts.ar: missing");
    }

    @Test
    void a_misspelt_text_key_is_reported_with_a_suggestion() {
        assertThat(problemsOf(demoWith("    quiz_wrong: \"❌ Not quite", "    quiz_wrnog: \"❌ Not quite")))
                .containsExactly("texts.en.quiz_wrnog: unknown text (did you mean quiz_wrong?)",
                        "texts.en.quiz_wrong: missing");
    }

    @Test
    void a_button_title_over_20_characters_is_rejected() {
        assertThat(problemsOf(demoWith("    button_quiz: \"Question suivante\"",
                "    button_quiz: \"Passer à la question suivante\"")))
                .containsExactly("texts.fr.button_quiz: 29 characters, a button title allows 20");
    }

    @Test
    void a_list_row_title_over_24_characters_is_rejected_and_descriptions_allow_72() {
        assertThat(problemsOf(demoWith("    menu_refer: \"Parrainer des amis\"",
                "    menu_refer: \"Parrainer des amis et gagner\"")))
                .containsExactly("texts.fr.menu_refer: 28 characters, a list row title allows 24");
        String longDescription = "x".repeat(73);
        assertThat(problemsOf(demoWith("    menu_top_description: \"This week's top 10 and your rank\"",
                "    menu_top_description: \"" + longDescription + "\"")))
                .containsExactly("texts.en.menu_top_description: 73 characters, a list row description allows 72");
    }

    @Test
    @DisplayName("lengths count characters as WhatsApp does (code points): an emoji is one, Arabic letters are one each")
    void lengths_count_code_points() {
        // 19 Arabic letters and spaces plus one emoji: 20 code points, 21 UTF-16 chars. Fits.
        String title = "🎡 " + "ع".repeat(18);
        assertThat(title.codePointCount(0, title.length())).isEqualTo(20);
        CampaignLoader.fromYaml(demoWith("    button_spin: \"🎡 أدر العجلة\"", "    button_spin: \"" + title + "\""),
                "demo.yaml");
    }

    @Test
    void an_unknown_placeholder_is_reported_with_what_the_text_can_use() {
        assertThat(problemsOf(demoWith("Points balance: {{points}}. Your tier: {{tier}}.",
                "Points balance: {{pionts}}. Your tier: {{tier}}.")))
                .containsExactly("texts.en.points_balance: {{pionts}} is not a placeholder of this text"
                        + " (did you mean points?); it can use business, last_product, name, points, tier");
    }

    @Test
    void a_placeholder_of_another_text_is_not_available_here() {
        assertThat(problemsOf(demoWith("    quiz_closed: \"That question is closed, but there are more:",
                "    quiz_closed: \"That question ({{question}}) is closed, but there are more:")))
                .singleElement().asString()
                .startsWith("texts.en.quiz_closed: {{question}} is not a placeholder of this text");
    }

    @Test
    void a_malformed_placeholder_says_how_to_write_it() {
        assertThat(problemsOf(demoWith("Hi {{name}}! 👋\"", "Hi {{Name}}! 👋\"")))
                .containsExactly("texts.en.greeting_named.text: '{{Name}}' is not a placeholder (write {{name}})");
        assertThat(problemsOf(demoWith("Hi {{name}}! 👋\"", "Hi {name}}! 👋\"")))
                .containsExactly("texts.en.greeting_named.text: '}}' is not a placeholder");
    }

    @Test
    void button_titles_cannot_hold_placeholders() {
        assertThat(problemsOf(demoWith("    button_points: \"Mes points\"", "    button_points: \"{{points}} pts\"")))
                .containsExactly("texts.fr.button_points: {{points}}: placeholders are not filled here"
                        + " (a button title must have a known length); write the words");
    }

    @Test
    void neutral_fallbacks_are_optional_and_an_older_campaigns_still_load() {
        Campaign fewer = CampaignLoader.fromYaml(demoWith("  fr: { name: \"à vous\", tier: \"Membre\" }",
                "  fr: { tier: \"Membre\" }"), "fewer.yaml");
        assertThat(fewer.texts().fallbacks().get("fr")).containsOnlyKeys("tier");
        Campaign older = CampaignLoader.fromYaml(demoWith("  fr: { name: \"à vous\", tier: \"Membre\" }",
                "  fr: { name: \"à vous\", tier: \"Membre\", last_product: \"votre dernière commande\" }"), "older.yaml");
        assertThat(older.texts().fallbacks().get("fr")).containsEntry("name", "à vous");
        // The text's own without_name form wins over the neutral word.
        assertThat(older.texts().render("fr", TextKey.MENU_BODY, java.util.Map.of())).isEqualTo("À quoi voulez-vous jouer ?");
        Campaign none = CampaignLoader.fromYaml(CampaignFiles.withoutSection(CampaignFiles.demoYaml(), "fallbacks:"),
                "none.yaml");
        assertThat(none.texts().fallbacks()).isEmpty();
    }

    @Test
    void a_text_may_have_plural_forms_and_without_forms_and_they_are_checked() {
        Campaign campaign = CampaignLoader.fromYaml(demoWith(
                "    points_balance: \"Points balance: {{points}}. Your tier: {{tier}}.\"",
                "    points_balance: { one: \"You have {{points}} point.\", other: \"You have {{points}} points.\","
                        + " without_tier: \"No tier\" }"), "forms.yaml");
        assertThat(campaign.texts().render("en", TextKey.POINTS_BALANCE, java.util.Map.of("points", "1", "tier", "Gold")))
                .isEqualTo("You have 1 point.");
        assertThat(problemsOf(demoWith("    points_balance: \"Points balance: {{points}}. Your tier: {{tier}}.\"",
                "    points_balance: { few: \"{{points}}\", other: \"{{points}} points\", without_nme: \"x\" }")))
                .containsExactly("texts.en.points_balance.few: 'few' is not a plural form of en; it has one, other",
                        "texts.en.points_balance.without_nme: 'nme' is not a placeholder of this text (did you mean"
                                + " name?); it can use business, last_product, name, points, tier");
        assertThat(problemsOf(demoWith("    points_balance: \"Points balance: {{points}}. Your tier: {{tier}}.\"",
                "    points_balance: { one: \"You have {{points}} point.\" }")))
                .containsExactly("texts.en.points_balance.other: missing (the form every other count takes)");
    }

    @Test
    @DisplayName("a campaign without a wheel needs no wheel texts, and its SPIN keyword answers 'not available'")
    void texts_of_absent_mechanics_are_not_required() {
        String yaml = CampaignFiles.withoutSection(CampaignFiles.demoYaml(), "spin:");
        for (String key : new String[] {"menu_spin", "menu_spin_description", "menu_rewards", "menu_rewards_description",
                "spin_won_discount", "spin_won_points", "spin_try_again", "spin_cooldown", "spin_not_enough_points",
                "button_spin", "rewards_header", "rewards_item", "rewards_none"}) {
            yaml = yaml.replaceAll("(?m)^    " + key + ": .*\\n", "");
        }
        Campaign campaign = CampaignLoader.fromYaml(yaml, "no-spin.yaml");
        assertThat(campaign.has(Mechanic.SPIN)).isFalse();
        assertThat(campaign.texts().template("en", TextKey.NOT_AVAILABLE)).isNotBlank();
        assertThat(campaign.keywords().phrases("en", Command.SPIN)).contains("spin");
    }

    @Test
    void inline_texts_need_every_campaign_language_and_no_other() {
        assertThat(problemsOf(demoWith("      name: { en: \"5% off\", fr: \"5 % de réduction\", ar: \"خصم 5٪\" }",
                "      name: { en: \"5% off\", fr: \"5 % de réduction\", de: \"5 % Rabatt\" }")))
                .containsExactly("spin.prizes[0].name.de: 'de' is not a language of this campaign (en, fr, ar)",
                        "spin.prizes[0].name.ar: missing");
    }
}
