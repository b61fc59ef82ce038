package io.playloop.campaign;

import static io.playloop.campaign.CampaignFiles.demoWith;
import static io.playloop.campaign.CampaignFiles.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("validation: the outreach section")
class OutreachValidationTest {
    private static final String NUDGE = "      name: playloop_nudge\n      category: marketing\n"
            + "      languages: { en: en_US, fr: fr, ar: ar }\n";

    @Test
    void an_unknown_key_is_refused_with_a_suggestion() {
        assertThat(problemsOf(demoWith("    window_days: 7", "    window_dayz: 7")))
                .containsExactly("outreach.contact_budget.window_dayz: unknown key (did you mean window_days?)");
        assertThat(problemsOf(demoWith("  sending:\n", "  sendng:\n")))
                .containsExactly("outreach.sendng: unknown key (did you mean sending?)");
    }

    @Test
    void an_unknown_reminder_kind_is_named_with_the_kinds() {
        assertThat(problemsOf(demoWith("    inactivity:           {", "    inactivty:           {")))
                .containsExactly("outreach.reminders.inactivty: unknown reminder (did you mean inactivity?);"
                        + " the reminders are inactivity, reward_expiring, points_expiring, challenge_unfinished,"
                        + " streak_at_risk, leaderboard_result, birthday,"
                        + " friend_joined");
    }

    @Test
    void a_field_of_another_reminder_is_an_unknown_key() {
        assertThat(problemsOf(demoWith("streak_at_risk:       { at: \"18:00\" }",
                "streak_at_risk:       { at: \"18:00\", days_before: 2 }")))
                .containsExactly("outreach.reminders.streak_at_risk.days_before: unknown key");
    }

    @Test
    void leads_must_be_positive() {
        assertThat(problemsOf(demoWith("{ after_days: 3,", "{ after_days: 0,")))
                .containsExactly("outreach.reminders.inactivity.after_days: must be > 0, not 0");
        assertThat(problemsOf(demoWith("{ hours_before: 24,", "{ hours_before: -1,")))
                .containsExactly("outreach.reminders.challenge_unfinished.hours_before: must be > 0, not -1");
        assertThat(problemsOf(demoWith("{ points: 50, at:", "{ points: -5, at:")))
                .containsExactly("outreach.reminders.birthday.points: must be >= 0, not -5");
    }

    @Test
    void a_template_referenced_but_not_declared_is_refused() {
        assertThat(problemsOf(demoWith("{ after_days: 3, template: nudge }", "{ after_days: 3, template: nudg }")))
                .containsExactly("outreach.reminders.inactivity.template: 'nudg' is not a declared template"
                        + " (did you mean nudge?) (nudge, reward_expiring, points_expiring, nudge_challenge, birthday,"
                        + " friend_joined)");
    }

    @Test
    void a_template_id_declared_twice_is_refused() {
        assertThat(problemsOf(demoWith("    - id: nudge_challenge\n", "    - id: nudge\n")))
                .contains("outreach.templates[3].id: 'nudge' is already the id of outreach.templates[0]",
                        "outreach.reminders.challenge_unfinished.template: 'nudge_challenge' is not a declared"
                                + " template (nudge, reward_expiring, points_expiring, birthday, friend_joined)");
    }

    @Test
    void a_template_name_meta_would_refuse_is_refused() {
        assertThat(problemsOf(demoWith("      name: playloop_nudge\n", "      name: PlayLoop-Nudge\n")))
                .containsExactly("outreach.templates[0].name: 'PlayLoop-Nudge' is not a WhatsApp template name:"
                        + " 1–512 lower-case letters, digits and '_', exactly as approved in WhatsApp Manager");
    }

    @Test
    void a_template_must_have_a_language_code_for_every_campaign_language() {
        assertThat(problemsOf(demoWith(NUDGE, NUDGE.replace(", ar: ar", ""))))
                .containsExactly("outreach.templates[0].languages.ar: missing: a customer who reads ar could not"
                        + " get this template outside the 24-hour window");
        assertThat(problemsOf(demoWith(NUDGE, NUDGE.replace("en: en_US", "en: english"))))
                .containsExactly("outreach.templates[0].languages.en: 'english' is not a Meta language code"
                        + " (e.g. en, en_US, fr, ar, pt_BR)");
        assertThat(problemsOf(demoWith(NUDGE, NUDGE.replace(", ar: ar", ", ar: ar, de: de"))))
                .containsExactly("outreach.templates[0].languages.de: 'de' is not a language of this campaign"
                        + " (en, fr, ar)");
    }

    @Test
    void a_template_category_must_be_meta_s() {
        assertThat(problemsOf(demoWith(NUDGE, NUDGE.replace("marketing", "promo"))))
                .containsExactly("outreach.templates[0].category: 'promo' is not one of marketing, utility,"
                        + " authentication");
    }

    @Test
    void a_template_parameter_must_be_filled_by_every_reminder_that_sends_it() {
        // The reward reminder would send the nudge, whose {{2}} is the inactivity progress it does not have.
        assertThat(problemsOf(demoWith("{ days_before: 2, template: reward_expiring }",
                "{ days_before: 2, template: nudge }")))
                .containsExactly("outreach.templates[0].parameters[1]: 'progress' is not filled in the"
                        + " reward_expiring reminder, which uses this template; it can use code, name, reward,"
                        + " valid_until");
        assertThat(problemsOf(demoWith("      parameters: [name, bonus]", "      parameters: [name, bonus, rank]")))
                .containsExactly("outreach.templates[4].parameters[2]: 'rank' is not filled in the birthday"
                        + " reminder, which uses this template; it can use bonus, name, points");
        assertThat(problemsOf(demoWith("      parameters: [name, bonus]", "      parameters: [name, \"{{bonus}}\"]")))
                .containsExactly("outreach.templates[4].parameters[1]: '{{bonus}}' is not a placeholder name"
                        + " (write bonus, without braces)");
    }

    @Test
    void an_authentication_template_cannot_carry_a_reminder() {
        assertThat(problemsOf(demoWith(NUDGE, NUDGE.replace("marketing", "authentication"))))
                .containsExactly("outreach.reminders.inactivity.template: 'nudge' is an authentication template:"
                        + " those carry one-time passcodes only, a reminder cannot use one");
    }

    @Test
    void fees_must_not_be_negative_and_regions_are_iso_codes() {
        assertThat(problemsOf(demoWith("FR: { marketing: 0.1432", "FR: { marketing: -0.1432")))
                .containsExactly("outreach.fees.countries.FR.marketing: must be >= 0, not -0.1432");
        assertThat(problemsOf(demoWith("      MA: {", "      XX: {")))
                .containsExactly("outreach.fees.countries.XX: 'XX' is not an ISO-3166 country code: two capital"
                        + " letters, e.g. FR, MA, AE");
        assertThat(problemsOf(demoWith("      MA: {", "      ma: {")))
                .containsExactly("outreach.fees.countries.ma: 'ma' is not an ISO-3166 country code: two capital"
                        + " letters (write MA)");
        assertThat(problemsOf(demoWith("    currency: EUR", "    currency: euro")))
                .containsExactly("outreach.fees.currency: 'euro' is not an ISO-4217 currency code (e.g. EUR, USD, GBP)");
        assertThat(problemsOf(demoWith("default:   { marketing: 0.0591,", "default:   { marketting: 0.0591,")))
                .containsExactly("outreach.fees.default.marketting: unknown key (did you mean marketing?)");
    }

    @Test
    void the_money_budget_must_be_positive_and_priced() {
        assertThat(problemsOf(demoWith("  budget: 250.00", "  budget: 0")))
                .containsExactly("outreach.budget: must be > 0, not 0");
        String withoutFees = CampaignFiles.demoYaml().replaceAll("(?s)  # Meta's price per delivered.*?\n  budget:",
                "  budget:");
        assertThat(problemsOf(withoutFees)).containsExactly("outreach.budget: needs outreach.fees: without prices"
                + " every send is estimated at 0 and the budget never runs out");
    }

    @Test
    void sending_limits_are_at_least_one() {
        assertThat(problemsOf(demoWith("    per_second: 20", "    per_second: 0")))
                .containsExactly("outreach.sending.per_second: must be > 0, not 0");
        assertThat(problemsOf(demoWith("    messaging_limit: 250", "    messaging_limit: 0")))
                .containsExactly("outreach.sending.messaging_limit: must be > 0, not 0");
    }

    @Test
    void the_contact_budget_is_checked() {
        assertThat(problemsOf(demoWith("    window_days: 7", "    window_days: 0")))
                .containsExactly("outreach.contact_budget.window_days: must be > 0, not 0");
        assertThat(problemsOf(demoWith("    max_messages: 2", "    max_messages: 0")))
                .containsExactly("outreach.contact_budget.max_messages: must be > 0, not 0");
        assertThat(problemsOf(demoWith("{ from: \"09:00\", to: \"20:00\" }", "{ from: \"21:00\", to: \"20:00\" }")))
                .containsExactly("outreach.contact_budget.quiet_hours.to: must be after from (21:00): messages go"
                        + " out between from and to, customer's local time");
        assertThat(problemsOf(demoWith("promotional: skip", "promotional: drop")))
                .containsExactly("outreach.contact_budget.over_budget.promotional: 'drop' is not one of defer, skip");
        assertThat(problemsOf(demoWith("promotional: skip", "promotional: skip, urgent: defer")))
                .containsExactly("outreach.contact_budget.over_budget.urgent: unknown key");
    }

    @Test
    void times_of_day_are_hh_mm_in_quotes() {
        assertThat(problemsOf(demoWith("{ at: \"18:00\" }", "{ at: \"25:00\" }")))
                .containsExactly("outreach.reminders.streak_at_risk.at: '25:00' is not a time of day: write HH:MM,"
                        + " 00:00 to 23:59 (e.g. \"09:00\")");
        assertThat(problemsOf(demoWith("{ at: \"18:00\" }", "{ at: \"6pm\" }")))
                .containsExactly("outreach.reminders.streak_at_risk.at: '6pm' is not a time of day: write HH:MM,"
                        + " 00:00 to 23:59 (e.g. \"09:00\")");
        assertThat(problemsOf(demoWith("{ at: \"18:00\" }", "{ at: 1080 }")))
                .containsExactly("outreach.reminders.streak_at_risk.at: write the time as text, e.g. at: \"18:00\"");
        // Unquoted, the YAML reader keeps 18:00 as text (no YAML 1.1 base-60 number).
        assertThat(CampaignLoader.fromYaml(demoWith("{ at: \"18:00\" }", "{ at: 18:00 }"), "demo.yaml")
                .outreach().reminder(io.playloop.outreach.ReminderKind.STREAK_AT_RISK).orElseThrow().at())
                .isEqualTo(java.time.LocalTime.of(18, 0));
    }

    @Test
    void a_configured_reminder_needs_its_text_in_every_language() {
        String yaml = demoWith("    birthday_bonus:\n      one: \"🎂 Hi {{name}}, happy birthday!",
                "    birthday_bonuz:\n      one: \"🎂 Hi {{name}}, happy birthday!");
        assertThat(problemsOf(yaml)).containsExactly(
                "texts.en.birthday_bonuz: unknown text (did you mean birthday_bonus?)", "texts.en.birthday_bonus: missing");
        assertThat(problemsOf(CampaignFiles.demoYaml().replaceAll("(?m)^    reminder_progress_top: .*\\n", "")))
                .containsExactly("texts.en.reminder_progress_top: missing", "texts.fr.reminder_progress_top: missing",
                        "texts.ar.reminder_progress_top: missing");
    }

    @Test
    void a_reminder_text_may_use_only_what_the_scheduler_fills() {
        assertThat(problemsOf(demoWith("your {{streak}}-day streak ends at midnight!",
                "your {{streak}}-day streak ends at midnight, {{business}}!")))
                .containsExactly("texts.en.streak_at_risk.text: {{business}} is not a placeholder of this text; it can use"
                        + " name, streak");
    }
}
