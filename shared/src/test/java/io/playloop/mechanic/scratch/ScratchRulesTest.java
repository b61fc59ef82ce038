package io.playloop.mechanic.scratch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.playloop.mechanic.ConfigProblems;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The scratch card's pure rules: the customer's day, the draw, the budgets. */
class ScratchRulesTest {
    static final ZoneId DUBAI = ZoneId.of("Asia/Dubai");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static ScratchConfig config(String yaml) {
        List<String> problems = new ArrayList<>();
        ScratchConfig config = ScratchConfig.read(tree(yaml), (path, reason) -> problems.add(path + ": " + reason));
        assertThat(problems).isEmpty();
        return config;
    }

    static JsonNode tree(String yaml) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final String CARD = """
            prizes:
              - { id: off-20, name: { en: "20% off" }, kind: percent_discount, value: 20, weight: 10, budget: { per_day: 2 } }
              - { id: bonus-10, name: { en: "10 points" }, kind: bonus_points, value: 10, weight: 30 }
              - { id: no-luck, name: { en: "No luck" }, kind: try_again, weight: 60 }
            """;

    @Test
    void aCustomerInDubai_getsANewCardAtTheirMidnight_notAtParisMidnight() {
        // 23:30 in Dubai on 1 March is 20:30 in Paris; 00:10 in Dubai on 2 March is still 1 March in Paris.
        Instant lastEvening = Instant.parse("2026-03-01T19:30:00Z");
        Instant afterDubaiMidnight = Instant.parse("2026-03-01T20:10:00Z");

        assertThat(ScratchRules.nextCardAt(Optional.of(lastEvening), afterDubaiMidnight, DUBAI)).isEmpty();
        assertThat(ScratchRules.nextCardAt(Optional.of(lastEvening), afterDubaiMidnight, PARIS))
                .contains(Instant.parse("2026-03-01T23:00:00Z"));
    }

    @Test
    void aSecondScratchTheSameLocalDay_waitsForTheNextLocalMidnight_inEveryZone() {
        for (ZoneId zone : List.of(DUBAI, PARIS, NEW_YORK, ZoneId.of("Pacific/Kiritimati"))) {
            Instant morning = Instant.parse("2026-06-10T08:00:00Z");
            Instant sameDay = morning.atZone(zone).toLocalDate().atTime(23, 59).atZone(zone).toInstant();
            Instant nextDay = morning.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();

            assertThat(ScratchRules.nextCardAt(Optional.of(morning), sameDay, zone)).as(zone.getId()).contains(nextDay);
            assertThat(ScratchRules.nextCardAt(Optional.of(morning), nextDay, zone)).as(zone.getId()).isEmpty();
            assertThat(ScratchRules.nextCardAt(Optional.empty(), sameDay, zone)).isEmpty();
        }
    }

    @Test
    void aPrizeTheTableRefused_isNeverDrawnAgain_soTheCardGivesAnotherPrizeOrTryAgain() {
        ScratchConfig card = config(CARD);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 2_000; i++) {
            ScratchConfig.ScratchPrize prize = ScratchRules.draw(card, Set.of("off-20"), random);
            assertThat(prize.id()).isIn("bonus-10", "no-luck");
        }
    }

    @Test
    void aBudgetedPrize_claimsTheCampaignLocalDay_andAnUnbudgetedOneClaimsNothing() {
        ScratchConfig card = config(CARD);
        Instant lateInParis = Instant.parse("2026-03-01T23:30:00Z"); // 00:30 on 2 March in Paris

        assertThat(ScratchRules.claim(card.prize("off-20").orElseThrow(), lateInParis, PARIS))
                .hasValueSatisfying(c -> {
                    assertThat(c.day()).hasToString("2026-03-02");
                    assertThat(c.dayLimit()).hasValue(2);
                    assertThat(c.totalLimit()).isEmpty();
                });
        assertThat(ScratchRules.claim(card.prize("bonus-10").orElseThrow(), lateInParis, PARIS)).isEmpty();
    }

    @Test
    void aCardWhosePrizesAllHaveBudgets_orWithAWrongPrize_isRefusedWithPaths() {
        List<String> problems = new ArrayList<>();
        ConfigProblems collect = (path, reason) -> problems.add(path);
        assertThat(ScratchConfig.read(tree("""
                prizes:
                  - { id: off-20, name: { en: "20% off" }, kind: percent_discount, value: 120, weight: 0, budget: { total: 5 } }
                  - { id: Off-20, name: { en: "x" }, kind: jackpot, weight: 3 }
                colour: red
                """), collect)).isNull();
        assertThat(problems).contains("colour", "prizes[0].value", "prizes[0].weight", "prizes[1].id",
                "prizes[1].kind");
    }

    @Property(tries = 40)
    void draws_followTheWeights(@ForAll @IntRange(min = 1, max = 50) int a, @ForAll @IntRange(min = 1, max = 50) int b,
                                @ForAll @IntRange(min = 1, max = 50) int c, @ForAll long seed) {
        ScratchConfig card = config("""
                prizes:
                  - { id: a, name: { en: A }, kind: bonus_points, value: 1, weight: %d }
                  - { id: b, name: { en: B }, kind: bonus_points, value: 2, weight: %d }
                  - { id: c, name: { en: C }, kind: try_again, weight: %d }
                """.formatted(a, b, c));
        SplittableRandom random = new SplittableRandom(seed);
        int n = 6_000;
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(ScratchRules.draw(card, Set.of(), random).id(), 1, Integer::sum);
        }
        double total = a + b + c;
        for (Map.Entry<String, Integer> weight : Map.of("a", a, "b", b, "c", c).entrySet()) {
            double expected = n * weight.getValue() / total;
            double sigma = Math.sqrt(n * (weight.getValue() / total) * (1 - weight.getValue() / total));
            assertThat((double) counts.getOrDefault(weight.getKey(), 0))
                    .as("prize %s of weights %d/%d/%d", weight.getKey(), a, b, c)
                    .isBetween(expected - 5 * sigma - 1, expected + 5 * sigma + 1);
        }
    }
}
