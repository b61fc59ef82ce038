package io.playloop.games.spin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

// Unit tier: the wheel gives prizes in the proportions the CRM team configured.
class WheelTest {
    static final long SEED = 20260302L;
    static final int SPINS = 100_000;

    // 5 % off 30, 10 % off 20, 15 % off 10, 50 bonus points 15, try again 25 (out of 100).
    static final Wheel DEMO = Wheel.builder()
            .add(Prize.percentOff("off5", 5), 30)
            .add(Prize.percentOff("off10", 10), 20)
            .add(Prize.percentOff("off15", 15), 10)
            .add(Prize.bonusPoints("bonus50", 50), 15)
            .add(Prize.tryAgain("again"), 25)
            .build();

    static RandomGenerator seeded() {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    }

    private static long[] countDraws(Wheel wheel, RandomGenerator random, int spins) {
        List<Wheel.Slot> slots = wheel.slots();
        long[] counts = new long[slots.size()];
        for (int i = 0; i < spins; i++) {
            Prize prize = wheel.draw(random);
            for (int s = 0; s < slots.size(); s++) {
                if (slots.get(s).prize().equals(prize)) {
                    counts[s]++;
                }
            }
        }
        return counts;
    }

    private static double[] expected(int... weights) {
        long total = 0;
        for (int w : weights) {
            total += w;
        }
        double[] expected = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            expected[i] = (double) SPINS * weights[i] / total;
        }
        return expected;
    }

    @Test
    void hundredThousandSeededSpins_followTheConfiguredWeights(TestReporter reporter) {
        long[] observed = countDraws(DEMO, seeded(), SPINS);
        double statistic = ChiSquare.statistic(observed, expected(30, 20, 10, 15, 25));
        double p = ChiSquare.pValue(statistic, observed.length - 1);
        String figures = String.format(java.util.Locale.ROOT, "spins=%d seed=%d observed=%s X2=%.4f df=%d p=%.4f",
                SPINS, SEED, java.util.Arrays.toString(observed), statistic, observed.length - 1, p);
        reporter.publishEntry("chi-square", figures);
        System.out.println("wheel chi-square: " + figures);

        assertThat(p).as("p-value of X²=%.3f with 4 degrees of freedom", statistic).isGreaterThanOrEqualTo(0.001);
    }

    @Test
    void theSameTest_wouldCatchAWheelOffByOnePointInAHundred() {
        // The draws of the demo wheel, judged against a table where 1 % moved from "5 % off" to "10 % off":
        // the test above has the power to see such a mistake.
        long[] observed = countDraws(DEMO, seeded(), SPINS);
        double statistic = ChiSquare.statistic(observed, expected(29, 21, 10, 15, 25));

        assertThat(ChiSquare.pValue(statistic, observed.length - 1)).isLessThan(0.001);
    }

    @Test
    void aPrizeWithARareWeight_stillComesUp_andOnlyAsOftenAsConfigured() {
        Wheel wheel = Wheel.builder().add(Prize.percentOff("jackpot", 50), 1).add(Prize.tryAgain("again"), 999).build();

        long[] counts = countDraws(wheel, seeded(), SPINS);

        // Expected 100 jackpots; 4 standard deviations (about 40) either side.
        assertThat(counts[0]).isBetween(60L, 140L);
    }

    @Test
    void aWheelWithOnePrize_alwaysGivesIt() {
        Wheel wheel = Wheel.builder().add(Prize.bonusPoints("bonus10", 10), 7).build();

        assertThat(wheel.draw(seeded())).isEqualTo(Prize.bonusPoints("bonus10", 10));
    }

    @Test
    void anEmptyWheel_isRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Wheel.of(List.of())).hasMessage("invalid wheel: prizes: a wheel needs at least one prize");
    }

    @Test
    void everyBadWeight_isReportedWithItsPlace() {
        List<Wheel.Slot> slots = List.of(new Wheel.Slot(Prize.percentOff("off5", 5), 10),
                new Wheel.Slot(Prize.percentOff("off10", 10), 0), new Wheel.Slot(Prize.tryAgain("again"), -3),
                new Wheel.Slot(Prize.tryAgain("off5"), 5));

        assertThat(Wheel.problems(slots)).containsExactly("prizes[1].weight: must be > 0, was 0",
                "prizes[2].weight: must be > 0, was -3", "prizes[3].id: 'off5' is used by another prize");
        assertThatThrownBy(() -> Wheel.of(slots)).hasMessageContaining("prizes[1].weight: must be > 0, was 0");
    }

    @Test
    void prizesOutsideSensibleAmounts_areRefused() {
        assertThatThrownBy(() -> Prize.percentOff("off150", 150)).hasMessageContaining("1 to 100 percent, was 150");
        assertThatThrownBy(() -> Prize.bonusPoints("nothing", 0)).hasMessageContaining("bonus points must be 1 to");
        assertThatThrownBy(() -> Prize.tryAgain("has space")).hasMessageContaining("id: must be 1 to 64 letters");
    }
}
