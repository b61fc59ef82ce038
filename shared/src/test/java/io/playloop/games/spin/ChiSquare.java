package io.playloop.games.spin;

/**
 * Pearson's chi-square goodness-of-fit test, for checking that a wheel's draws follow its weights.
 *
 * <p>Statistic: X² = Σ (observed − expected)² / expected over the k prizes, with k − 1 degrees of freedom.
 * The p-value is P(χ²(k−1) ≥ X²) = Q((k−1)/2, X²/2), the regularized upper incomplete gamma function,
 * computed by its series below a + 1 and by Lentz's continued fraction above (Numerical Recipes §6.2),
 * with the Lanczos approximation of ln Γ. Accurate to about 1e-10, far finer than the 0.001 threshold.
 */
final class ChiSquare {
    private static final double EPSILON = 1e-15;
    private static final int MAX_ITERATIONS = 10_000;
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    private ChiSquare() {
    }

    /** Pearson's statistic of observed counts against expected counts. */
    static double statistic(long[] observed, double[] expected) {
        if (observed.length != expected.length) {
            throw new IllegalArgumentException("observed and expected must have the same length");
        }
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            double d = observed[i] - expected[i];
            sum += d * d / expected[i];
        }
        return sum;
    }

    /** The probability that a chi-square variable with these degrees of freedom is at least {@code statistic}. */
    static double pValue(double statistic, int degreesOfFreedom) {
        return upperRegularizedGamma(degreesOfFreedom / 2.0, statistic / 2.0);
    }

    static double upperRegularizedGamma(double a, double x) {
        if (x <= 0) {
            return 1.0;
        }
        if (x < a + 1) {
            return 1.0 - lowerSeries(a, x);
        }
        return upperContinuedFraction(a, x);
    }

    private static double lowerSeries(double a, double x) {
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - lnGamma(a));
    }

    private static double upperContinuedFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - lnGamma(a)) * h;
    }

    static double lnGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
