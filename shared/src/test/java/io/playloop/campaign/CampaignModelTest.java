package io.playloop.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("what the model answers for the engine")
class CampaignModelTest {
    private final Campaign demo = CampaignLoader.fromYaml(CampaignFiles.demoYaml(), "demo.yaml");

    @Test
    void tiers_follow_points_earned() {
        assertThat(demo.tierFor(99)).isEmpty();
        assertThat(demo.tierFor(100)).map(Tier::id).contains("silver");
        assertThat(demo.tierFor(1499)).map(Tier::id).contains("gold");
        assertThat(demo.tierFor(5000)).map(Tier::id).contains("vip");
        assertThat(demo.nextTier(300)).map(Tier::id).contains("gold");
        assertThat(demo.nextTier(1500)).isEmpty();
    }

    @Test
    void the_multiplier_rounds_down() {
        Perks gold = demo.tier("gold").orElseThrow().perks();
        assertThat(gold.apply(10)).isEqualTo(15);
        assertThat(gold.apply(5)).isEqualTo(7);
        assertThat(demo.tier("silver").orElseThrow().perks().apply(5)).isEqualTo(5);
    }

    @Test
    @DisplayName("the leaderboard week starts on Monday in the campaign's zone, not in UTC")
    void leaderboard_week_follows_the_time_zone() {
        ZoneId paris = demo.timeZone();
        // Sunday 23:30 UTC is already Monday 00:30 in Paris (winter time).
        assertThat(Leaderboard.weekOf(Instant.parse("2025-01-12T23:30:00Z"), paris)).isEqualTo(LocalDate.of(2025, 1, 13));
        assertThat(Leaderboard.weekOf(Instant.parse("2025-01-12T22:30:00Z"), paris)).isEqualTo(LocalDate.of(2025, 1, 6));
    }

    @Test
    void rendering_fills_values_and_says_it_differently_without_a_name() {
        assertThat(demo.texts().render("fr", TextKey.GREETING_NAMED, Map.of("name", "Amina"))).isEqualTo("Bonjour Amina ! 👋");
        assertThat(demo.texts().render("fr", TextKey.MENU_BODY, Map.of())).isEqualTo("À quoi voulez-vous jouer ?");
        assertThat(demo.texts().render("en", TextKey.MENU_BODY, Map.of())).isEqualTo("What would you like to play?");
        assertThat(demo.texts().render("en", TextKey.MENU_BODY, Map.of("name", "Sam")))
                .isEqualTo("What would you like to play, Sam?");
        assertThat(demo.texts().render("ar", TextKey.POINTS_BALANCE, Map.of("points", "120")))
                .isEqualTo("رصيد نقاطك: 120. مستواك: الأساسي.");
        assertThatThrownBy(() -> CampaignLoader.fromYaml(CampaignFiles.demoYaml(), "x").texts()
                .render("de", TextKey.HELP, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void counts_takeTheLanguagesPluralForms() {
        assertThat(demo.texts().render("en", TextKey.CATALOGUE_BODY, Map.of("points", "1")))
                .startsWith("You have 1 point. ");
        assertThat(demo.texts().render("en", TextKey.CATALOGUE_BODY, Map.of("points", "0")))
                .startsWith("You have 0 points. ");
        assertThat(demo.texts().render("fr", TextKey.CATALOGUE_BODY, Map.of("points", "0")))
                .startsWith("Vous avez 0 point. ");
        assertThat(demo.texts().render("fr", TextKey.CATALOGUE_BODY, Map.of("points", "1500")))
                .startsWith("Vous avez 1\u202f500 points. ");
        assertThat(java.util.stream.Stream.of("0", "1", "2", "3", "11", "100")
                .map(n -> demo.texts().render("ar", TextKey.CATALOGUE_COST, Map.of("cost", n))))
                .containsExactly("بلا نقاط", "نقطة واحدة", "نقطتان", "3 نقاط", "11 نقطة", "100 نقطة");
        assertThat(demo.texts().render("ar", TextKey.CATALOGUE_BODY, Map.of("points", "5"))).startsWith("لديك 5 نقاط.");
    }

    @Test
    void rewardsNone_asksAboutALastOrder_onlyWhenThereIsOne() {
        assertThat(demo.texts().render("en", TextKey.REWARDS_NONE, Map.of()))
                .isEqualTo("No rewards yet. Spin the wheel to win a discount on your next order!");
        assertThat(demo.texts().render("en", TextKey.REWARDS_NONE, Map.of("last_product", "“Iced latte”")))
                .contains("Loved “Iced latte”?");
    }

    @Test
    @DisplayName("a value that looks like a placeholder is inserted literally, in one pass")
    void values_are_not_rendered_twice() {
        assertThat(Placeholders.render("Hi {{name}}, you have {{points}}", Map.of("name", "{{points}}", "points", "3"),
                Map.of())).isEqualTo("Hi {{points}}, you have 3");
        assertThat(Placeholders.render("Hi {{ name }}!", Map.of(), Map.of())).isEqualTo("Hi !");
    }

    @Test
    void quiz_options_are_looked_up_by_id_and_untrusted_ids_find_nothing() {
        Question q = demo.quiz().orElseThrow().question("red-planet").orElseThrow();
        assertThat(q.correctOption().text().in("ar")).isEqualTo("المريخ");
        assertThat(q.option("z")).isEmpty();
        assertThat(demo.quiz().orElseThrow().question("../../etc")).isEmpty();
    }

    @Test
    void the_wheel_knows_its_total_weight_and_fallback() {
        Spin spin = demo.spin().orElseThrow();
        assertThat(spin.totalWeight()).isEqualTo(100);
        assertThat(spin.exhaustedFallback()).map(Prize::id).contains("try-again");
        assertThat(spin.prize("bonus-20").orElseThrow().bonusPoints()).isEqualTo(20);
        assertThat(spin.prize("off-5").orElseThrow().bonusPoints()).isZero();
    }

    @Test
    void language_falls_back_to_the_campaign_default() {
        assertThat(demo.languageOrDefault("ar")).isEqualTo("ar");
        assertThat(demo.languageOrDefault("de")).isEqualTo("en");
        assertThat(demo.languageOrDefault(null)).isEqualTo("en");
    }
}
