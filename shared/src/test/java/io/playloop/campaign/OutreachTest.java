package io.playloop.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.outreach.ContactBudget;
import io.playloop.outreach.Priority;
import io.playloop.outreach.ReminderKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("outreach: reminders, contact budget, templates, fees and send limits")
class OutreachTest {
    private final Campaign demo = CampaignLoader.fromYaml(CampaignFiles.demoYaml(), "demo.yaml");

    @Test
    @DisplayName("the demo's outreach section loads with every reminder, its templates, fees, budget and limits")
    void demo_outreach_loads() {
        Outreach outreach = demo.outreach();
        assertThat(outreach.contactBudget()).isEqualTo(ContactBudget.DEFAULT);
        assertThat(outreach.whenOverBudget(Priority.TRANSACTIONAL)).isEqualTo(Priority.WhenOverBudget.DEFER);
        assertThat(outreach.whenOverBudget(Priority.EXPIRING_REWARD)).isEqualTo(Priority.WhenOverBudget.DEFER);
        assertThat(outreach.whenOverBudget(Priority.PROMOTIONAL)).isEqualTo(Priority.WhenOverBudget.SKIP);
        assertThat(outreach.reminders().keySet()).containsExactlyInAnyOrder(ReminderKind.values());
        assertThat(outreach.reminder(ReminderKind.INACTIVITY)).contains(
                new ReminderRule(ReminderKind.INACTIVITY, Duration.ofDays(3), LocalTime.of(10, 0), 0,
                        Optional.of("nudge")));
        assertThat(outreach.reminder(ReminderKind.REWARD_EXPIRING).orElseThrow().lead()).isEqualTo(Duration.ofDays(2));
        assertThat(outreach.reminder(ReminderKind.POINTS_EXPIRING).orElseThrow().lead()).isEqualTo(Duration.ofDays(7));
        assertThat(outreach.reminder(ReminderKind.CHALLENGE_UNFINISHED).orElseThrow().lead())
                .isEqualTo(Duration.ofHours(24));
        assertThat(outreach.reminder(ReminderKind.STREAK_AT_RISK).orElseThrow().at()).isEqualTo(LocalTime.of(18, 0));
        assertThat(outreach.reminder(ReminderKind.STREAK_AT_RISK).orElseThrow().templateId()).isEmpty();
        assertThat(outreach.reminder(ReminderKind.LEADERBOARD_RESULT).orElseThrow().templateId()).isEmpty();
        ReminderRule birthday = outreach.reminder(ReminderKind.BIRTHDAY).orElseThrow();
        assertThat(birthday.points()).isEqualTo(50);
        assertThat(birthday.at()).isEqualTo(LocalTime.of(10, 0));
        assertThat(birthday.templateId()).contains("birthday");

        assertThat(outreach.templates().keySet())
                .containsExactly("nudge", "reward_expiring", "points_expiring", "nudge_challenge", "birthday",
                        "friend_joined");
        MessageTemplate nudge = outreach.template("nudge").orElseThrow();
        assertThat(nudge.name()).isEqualTo("playloop_nudge");
        assertThat(nudge.category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(nudge.languageCode("en")).isEqualTo("en_US");
        assertThat(nudge.languageCode("ar")).isEqualTo("ar");
        assertThat(nudge.parameters()).containsExactly("name", "progress");
        assertThat(outreach.template("reward_expiring").orElseThrow().category()).isEqualTo(TemplateCategory.UTILITY);

        assertThat(outreach.fees().currency()).isEqualTo("EUR");
        assertThat(outreach.fees().byRegion().keySet()).contains("FR", "MA", "AE", "GB", "US", "DE");
        assertThat(outreach.fees().fee(TemplateCategory.MARKETING, "FR")).isEqualByComparingTo("0.1432");
        assertThat(outreach.moneyBudget()).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("250"));
        assertThat(outreach.sending()).isEqualTo(new SendingLimits(20, 250));
    }

    @Test
    @DisplayName("every reminder of the demo has its texts in en, fr and ar, short, with only the placeholders filled")
    void demo_reminder_texts() {
        for (ReminderKind kind : ReminderKind.values()) {
            TextKey key = TextKey.fromKey(kind.textKey()).orElseThrow();
            for (String language : demo.languages()) {
                String text = demo.texts().template(language, key);
                assertThat(text).as("%s.%s", language, key.key()).isNotBlank();
                assertThat(text.codePointCount(0, text.length())).as("%s.%s", language, key.key()).isLessThanOrEqualTo(300);
                assertThat(ReminderPlaceholders.of(kind)).as("%s.%s", language, key.key())
                        .containsAll(Placeholders.used(text));
                Map<String, String> values = new HashMap<>();
                ReminderPlaceholders.of(kind).forEach(name -> values.put(name, "<" + name + ">"));
                assertThat(demo.texts().render(language, key, values)).doesNotContain("{{", "}}");
            }
        }
        for (String language : demo.languages()) {
            assertThat(demo.texts().template(language, TextKey.REMINDER_PROGRESS)).contains("{{missing}}",
                    "{{next_tier}}");
            assertThat(demo.texts().template(language, TextKey.REMINDER_PROGRESS_TOP)).contains("{{tier}}");
        }
        assertThat(demo.texts().render("en", TextKey.REMINDER_PROGRESS, Map.of("missing", "40", "next_tier", "Gold")))
                .isEqualTo("You're just 40 points from Gold.");
    }

    @Test
    @DisplayName("each template's parameters are placeholders of every reminder that sends it")
    void demo_template_parameters_are_filled() {
        Outreach outreach = demo.outreach();
        outreach.reminders().values().forEach(rule -> rule.templateId().ifPresent(id ->
                assertThat(ReminderPlaceholders.of(rule.kind())).as(rule.kind().configKey())
                        .containsAll(outreach.template(id).orElseThrow().parameters())));
    }

    @Test
    @DisplayName("each reminder's text key is a text of its own mechanic with exactly the scheduler's placeholders")
    void reminder_texts_are_wired() {
        for (ReminderKind kind : ReminderKind.values()) {
            TextKey key = TextKey.fromKey(kind.textKey()).orElseThrow();
            assertThat(key.mechanic()).isEqualTo(Mechanic.of(kind));
            assertThat(key.mechanic().reminder()).contains(kind);
            assertThat(key.placeholders()).isEqualTo(ReminderPlaceholders.of(kind));
            assertThat(key.kind()).isEqualTo(TextKind.BODY);
        }
        assertThat(TextKey.REMINDER_PROGRESS.mechanic()).isEqualTo(Mechanic.INACTIVITY_REMINDER);
        assertThat(TextKey.REMINDER_PROGRESS_TOP.mechanic()).isEqualTo(Mechanic.INACTIVITY_REMINDER);
    }

    @Test
    @DisplayName("no outreach section: Outreach.NONE, no reminder texts needed, and it round-trips")
    void omitted_outreach_is_none() {
        String yaml = CampaignFiles.withoutSection(CampaignFiles.demoYaml(), "outreach:");
        for (String key : new String[] {"reminder_inactive", "reminder_progress", "reminder_progress_top",
                "challenge_unfinished", "streak_at_risk", "leaderboard_result", "birthday_bonus",
                "points_expiring", "reward_expiring"}) {
            yaml = yaml.replaceAll("(?m)^    " + key + ": .*\\n", "");
        }
        Campaign campaign = CampaignLoader.fromYaml(yaml, "plain.yaml");
        assertThat(campaign.outreach()).isEqualTo(Outreach.NONE);
        for (ReminderKind kind : ReminderKind.values()) {
            assertThat(campaign.has(Mechanic.of(kind))).isFalse();
        }
        Outreach none = campaign.outreach();
        assertThat(none.contactBudget()).isEqualTo(ContactBudget.DEFAULT);
        assertThat(none.reminders()).isEmpty();
        assertThat(none.templates()).isEmpty();
        assertThat(none.moneyBudget()).isEmpty();
        assertThat(none.sending()).isEqualTo(SendingLimits.DEFAULT);
        assertThat(none.fees().fee(TemplateCategory.MARKETING, "FR")).isZero();
        for (Priority priority : Priority.values()) {
            assertThat(none.whenOverBudget(priority)).isEqualTo(priority.whenOverBudget());
        }
        assertThat(CampaignLoader.fromJson(CampaignLoader.toJson(campaign), "plain.json")).isEqualTo(campaign);
    }

    @Test
    @DisplayName("a reminder written with nothing under it takes its defaults; every other part keeps its default")
    void reminder_defaults() {
        String yaml = CampaignFiles.withoutSection(CampaignFiles.demoYaml(), "outreach:")
                + "\noutreach:\n  reminders:\n    birthday:\n    inactivity: {}\n    points_expiring: {}\n"
                + "    challenge_unfinished: {}\n    streak_at_risk: {}\n";
        Outreach outreach = CampaignLoader.fromYaml(yaml, "defaults.yaml").outreach();
        assertThat(outreach.reminder(ReminderKind.BIRTHDAY)).contains(ReminderRule.defaults(ReminderKind.BIRTHDAY));
        assertThat(outreach.reminder(ReminderKind.BIRTHDAY).orElseThrow().points()).isZero();
        assertThat(outreach.reminder(ReminderKind.BIRTHDAY).orElseThrow().at()).isEqualTo(LocalTime.of(10, 0));
        assertThat(outreach.reminder(ReminderKind.INACTIVITY).orElseThrow().lead()).isEqualTo(Duration.ofDays(3));
        assertThat(outreach.reminder(ReminderKind.POINTS_EXPIRING).orElseThrow().lead()).isEqualTo(Duration.ofDays(7));
        assertThat(outreach.reminder(ReminderKind.CHALLENGE_UNFINISHED).orElseThrow().lead())
                .isEqualTo(Duration.ofHours(24));
        assertThat(outreach.reminder(ReminderKind.STREAK_AT_RISK).orElseThrow().at()).isEqualTo(LocalTime.of(18, 0));
        assertThat(outreach.reminder(ReminderKind.REWARD_EXPIRING)).isEmpty();
        assertThat(ReminderRule.defaults(ReminderKind.REWARD_EXPIRING).lead()).isEqualTo(Duration.ofDays(2));
        assertThat(ReminderRule.defaults(ReminderKind.LEADERBOARD_RESULT).at()).isEqualTo(LocalTime.of(10, 0));
        assertThat(outreach.contactBudget()).isEqualTo(ContactBudget.DEFAULT);
        assertThat(outreach.fees()).isEqualTo(FeeTable.NONE);
        assertThat(outreach.sending()).isEqualTo(SendingLimits.DEFAULT);
        assertThat(outreach.moneyBudget()).isEmpty();
    }

    @Test
    @DisplayName("a region's fee, else the default, else zero; null and unknown regions take the default")
    void fee_table_lookup() {
        FeeTable fees = new FeeTable("EUR",
                Map.of(TemplateCategory.MARKETING, new BigDecimal("0.0591"), TemplateCategory.UTILITY,
                        new BigDecimal("0.0271")),
                Map.of("FR", Map.of(TemplateCategory.MARKETING, new BigDecimal("0.1432")),
                        "US", Map.of(TemplateCategory.UTILITY, new BigDecimal("0.0037"))));
        assertThat(fees.fee(TemplateCategory.MARKETING, "FR")).isEqualByComparingTo("0.1432");
        assertThat(fees.fee(TemplateCategory.UTILITY, "FR")).as("FR has no utility price").isEqualByComparingTo("0.0271");
        assertThat(fees.fee(TemplateCategory.UTILITY, "US")).isEqualByComparingTo("0.0037");
        assertThat(fees.fee(TemplateCategory.MARKETING, "JP")).isEqualByComparingTo("0.0591");
        assertThat(fees.fee(TemplateCategory.MARKETING, null)).isEqualByComparingTo("0.0591");
        assertThat(fees.fee(TemplateCategory.AUTHENTICATION, "FR")).isZero();
        assertThat(FeeTable.NONE.fee(TemplateCategory.MARKETING, "FR")).isZero();
        assertThat(demo.outreach().fees().fee(TemplateCategory.UTILITY, "MA")).isEqualByComparingTo("0.0037");
        assertThat(demo.outreach().fees().fee(TemplateCategory.UTILITY, "BR")).isEqualByComparingTo("0.0271");
    }

    @Test
    @DisplayName("the model refuses what the loader never builds")
    void model_guards() {
        assertThatThrownBy(() -> new SendingLimits(0, 250)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderRule(ReminderKind.BIRTHDAY, Duration.ZERO, LocalTime.NOON, -1,
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Outreach(ContactBudget.DEFAULT, Map.of(),
                Map.of(ReminderKind.INACTIVITY, ReminderRule.defaults(ReminderKind.BIRTHDAY)), Map.of(), FeeTable.NONE,
                Optional.empty(), SendingLimits.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Outreach(ContactBudget.DEFAULT, Map.of(), Map.of(), Map.of(), FeeTable.NONE,
                Optional.of(BigDecimal.ZERO), SendingLimits.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> demo.outreach().template("nudge").orElseThrow().languageCode("de"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Outreach.NONE.template("nudge")).isEmpty();
    }
}
