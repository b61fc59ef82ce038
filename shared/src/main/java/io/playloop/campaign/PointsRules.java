package io.playloop.campaign;

import io.playloop.text.TextNormalizer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How points are earned and how long they last. The ledger is lot-based: each grant is a lot that
 * expires {@code lotExpiry} after it was granted.
 *
 * @param lotExpiry   the life of every lot
 * @param quizCorrect points per correct quiz answer (a question may set its own amount; the cap is this rule's)
 * @param streakDay   points for each day a daily streak continues
 * @param referral    points for a referral that counts
 * @param order       points per order (reported by the shop)
 * @param keywords    promotional keyword rules
 * @param orderAmount points per amount an order paid (reported by the shop)
 */
public record PointsRules(Duration lotExpiry, Optional<EarnRule> quizCorrect, Optional<EarnRule> streakDay,
                          Optional<ReferralRule> referral, Optional<EarnRule> order, List<KeywordRule> keywords,
                          Optional<AmountRule> orderAmount) {
    /** The lot life when the campaign does not say. */
    public static final Duration DEFAULT_LOT_EXPIRY = Duration.ofDays(365);

    public PointsRules {
        Objects.requireNonNull(lotExpiry, "lotExpiry");
        Objects.requireNonNull(quizCorrect, "quizCorrect");
        Objects.requireNonNull(streakDay, "streakDay");
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(order, "order");
        keywords = List.copyOf(keywords);
        Objects.requireNonNull(orderAmount, "orderAmount");
    }

    /** The keyword rule a message matches (compared in normalised form), if any. */
    public Optional<KeywordRule> keywordRule(String message) {
        String normalised = TextNormalizer.normalize(message);
        for (KeywordRule rule : keywords) {
            for (List<String> phrases : rule.phrases().values()) {
                for (String phrase : phrases) {
                    if (TextNormalizer.normalize(phrase).equals(normalised)) {
                        return Optional.of(rule);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
