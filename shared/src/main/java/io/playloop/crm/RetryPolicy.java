package io.playloop.crm;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard {@link CrmSync} tries one sink within one call: at most {@code maxAttempts}, waiting an
 * exponential back-off with full jitter between them (a random wait between zero and
 * {@code min(maxDelay, baseDelay * 2^(attempt-1))}, longer when the vendor asked with Retry-After),
 * and never starting an attempt that could end after the time budget.
 *
 * @param maxAttempts      attempts per sink per call, one or more
 * @param baseDelay        the back-off ceiling after the first failure
 * @param maxDelay         the back-off ceiling never grows past this
 * @param timeBudget       the whole call, every sink in parallel, ends within this
 * @param attemptAllowance the longest one attempt can take (connect plus request timeout): an attempt
 *                         starts only when this much of the budget is left
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration timeBudget,
        Duration attemptAllowance) {

    /**
     * Four attempts, 200 ms doubling up to 5 s, within 20 s, 7 s per attempt: fits the reward function's
     * 30 s timeout with room for its own work.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5),
            Duration.ofSeconds(20), Duration.ofSeconds(7));

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(attemptAllowance, "attemptAllowance");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
        if (attemptAllowance.isNegative() || timeBudget.compareTo(attemptAllowance) < 0) {
            throw new IllegalArgumentException("the time budget (" + timeBudget + ") must leave room for one attempt ("
                    + attemptAllowance + ")");
        }
    }

    /** The back-off ceiling before attempt {@code failedAttempts + 1}. */
    Duration ceiling(int failedAttempts) {
        Duration ceiling = baseDelay;
        for (int i = 1; i < failedAttempts && ceiling.compareTo(maxDelay) < 0; i++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(maxDelay) > 0 ? maxDelay : ceiling;
    }
}
