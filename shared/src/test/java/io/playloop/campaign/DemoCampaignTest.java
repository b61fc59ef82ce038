package io.playloop.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoCampaignTest {
    private final Campaign demo = CampaignLoader.fromYaml(CampaignFiles.demoYaml(), "demo.yaml");

    @Test
    @DisplayName("the demo loads and shows every mechanic in en, fr and ar")
    void demo_loads_with_every_mechanic() {
        assertThat(demo.id()).isEqualTo("demo");
        assertThat(demo.languages()).containsExactly("en", "fr", "ar");
        assertThat(demo.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        for (Mechanic mechanic : Mechanic.values()) {
            assertThat(demo.has(mechanic)).as(mechanic.name()).isTrue();
        }
        assertThat(demo.points().order().orElseThrow().points()).isEqualTo(10);
        assertThat(demo.points().lotExpiry()).isEqualTo(Duration.ofDays(365));
        assertThat(demo.quiz().orElseThrow().questions()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(q -> assertThat(q.options()).hasSizeBetween(2, 10));
        assertThat(demo.quiz().orElseThrow().questions()).extracting(Question::presentation)
                .contains(Question.Presentation.BUTTONS, Question.Presentation.LIST);
        assertThat(demo.spin().orElseThrow().prizes()).extracting(Prize::kind)
                .contains(PrizeKind.PERCENT_DISCOUNT, PrizeKind.BONUS_POINTS, PrizeKind.TRY_AGAIN);
        assertThat(demo.spin().orElseThrow().prizes()).filteredOn(p -> p.kind() == PrizeKind.PERCENT_DISCOUNT)
                .extracting(p -> p.value().intValueExact()).containsExactly(5, 10, 15);
        assertThat(demo.challenges()).extracting(Challenge::kind)
                .containsExactly(ChallengeKind.REFERRALS, ChallengeKind.ACTIONS, ChallengeKind.STREAK);
        assertThat(demo.challenge("refer-3").orElseThrow().target()).isEqualTo(3);
        assertThat(demo.badges()).extracting(Badge::trigger).hasAtLeastOneElementOfType(BadgeTrigger.Streak.class);
        assertThat(demo.tiers()).extracting(t -> t.name().in("en")).containsExactly("Silver", "Gold", "VIP");
        assertThat(demo.leaderboard().orElseThrow().top()).isEqualTo(10);
    }

    @Test
    @DisplayName("YAML -> model -> JSON -> model gives the same campaign, and the JSON is stable")
    void demo_round_trips_through_json() {
        String json = CampaignLoader.toJson(demo);
        Campaign again = CampaignLoader.fromJson(json, "demo.json");
        assertThat(again).isEqualTo(demo);
        assertThat(CampaignLoader.toJson(again)).isEqualTo(json);
    }

    @Test
    @DisplayName("the demo bundled in the jar as JSON is the demo YAML")
    void bundled_demo_is_the_yaml() {
        assertThat(DemoCampaign.get()).isEqualTo(demo);
    }

    @Test
    @DisplayName("every text of every language renders without a raw {{...}}, with values or without the profile's")
    void every_placeholder_is_resolvable() {
        for (String language : demo.languages()) {
            Map<TextKey, String> texts = demo.texts().of(language);
            assertThat(texts.keySet()).as(language).containsExactlyInAnyOrder(TextKey.values());
            texts.forEach((key, template) -> {
                assertThat(key.placeholders()).as("%s.%s uses only its placeholders", language, key.key())
                        .containsAll(Placeholders.used(template));
                Map<String, String> values = new HashMap<>();
                key.placeholders().forEach(name -> values.put(name, "<" + name + ">"));
                assertThat(demo.texts().render(language, key, values)).doesNotContain("{{", "}}");
                // Without the profile values the text's without_ form (or the tier's neutral word) stands in,
                // never an empty hole: the text lint (DemoTextLintTest) reads every form with every count.
                Map<String, String> withoutProfile = new HashMap<>(values);
                Placeholders.WITH_FALLBACK.forEach(withoutProfile::remove);
                String rendered = demo.texts().render(language, key, withoutProfile);
                assertThat(rendered).doesNotContain("{{", "}}", "<name>", "<last_product>");
            });
        }
    }

    @Test
    @DisplayName("Arabic texts are Arabic, and their bytes survive YAML -> JSON -> model unchanged")
    void arabic_is_arabic_and_byte_exact() {
        Map<TextKey, String> arabic = demo.texts().of("ar");
        arabic.forEach((key, text) -> {
            String words = text.replaceAll("\\{\\{[a-z_]+}}", "");
            if (words.codePoints().anyMatch(Character::isLetter)) {
                assertThat(words.codePoints().filter(Character::isLetter)
                        .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC))
                        .as("ar.%s is written in Arabic letters only", key.key()).isTrue();
            }
        });
        Campaign again = CampaignLoader.fromJson(CampaignLoader.toJson(demo), "demo.json");
        String original = demo.texts().template("ar", TextKey.TIER_EXPLAIN);
        assertThat(again.texts().template("ar", TextKey.TIER_EXPLAIN).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(original.getBytes(StandardCharsets.UTF_8));
        assertThat(CampaignFiles.demoYaml()).contains(original);
    }

    @Test
    @DisplayName("texts that say tiers count points earned exist in every language")
    void tiers_are_explained_as_points_earned() {
        assertThat(demo.texts().template("en", TextKey.TIER_EXPLAIN)).contains("earned", "not your balance");
        assertThat(demo.texts().template("fr", TextKey.TIER_EXPLAIN)).contains("gagnés", "pas votre solde");
        assertThat(demo.texts().template("ar", TextKey.TIER_EXPLAIN)).contains("لا برصيدك");
    }

    @Test
    @DisplayName("the demo's dates are in its time zone: an end date includes that whole day in Paris")
    void active_window_follows_the_time_zone() {
        assertThat(demo.active().start()).isEqualTo(Instant.parse("2024-12-31T23:00:00Z"));
        assertThat(demo.isActiveAt(Instant.parse("2030-12-31T22:59:59Z"))).isTrue();
        assertThat(demo.isActiveAt(Instant.parse("2030-12-31T23:00:00Z"))).isFalse();
    }

    @Test
    @DisplayName("keywords are looked up normalised: ARRÊT, arret and إيقاف all mean STOP")
    void keywords_index_normalised() {
        Map<String, Keywords.Match> index = demo.keywords().index();
        assertThat(index.get("arret").command()).isEqualTo(Command.STOP);
        assertThat(index.get("arret").languages()).containsExactly("fr");
        assertThat(index.get("stop").languages()).containsExactlyInAnyOrder("en", "fr");
        assertThat(index.get(io.playloop.text.TextNormalizer.normalize("إيقاف")).command()).isEqualTo(Command.STOP);
        assertThat(index.get("yes").command()).isEqualTo(Command.START);
        assertThat(demo.points().keywordRule("ÉTÉ !")).map(KeywordRule::id).contains("summer");
        assertThat(List.of(Command.values())).allSatisfy(command -> demo.languages()
                .forEach(language -> assertThat(demo.keywords().phrases(language, command)).isNotEmpty()));
    }
}
