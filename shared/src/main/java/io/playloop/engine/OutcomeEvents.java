package io.playloop.engine;

import io.playloop.games.quiz.QuizSession;
import io.playloop.ledger.LedgerEntry;
import io.playloop.mechanic.DomainEvent;
import io.playloop.mechanic.ItemWrite;
import io.playloop.mechanic.SliceChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place a step's {@link DomainEvent}s are derived from what it decided: the message (or shop event), consent,
 * the game played, the points, rewards, badges, challenges, tier and referrals of its {@link Outcome}, plus the events
 * of the SPI mechanic it ran. Numbered {@code <wamid or event id>#<n>} in that order, so the same step always gives
 * the same ids.
 */
final class OutcomeEvents {
    private OutcomeEvents() {
    }

    /**
     * The outcome with the SPI mechanics' writes and every event of the step.
     *
     * @param source    the wamid or the shop's event id
     * @param before    the state the step started from
     * @param shop      whether it is a shop event (an order applied) rather than a message
     * @param mechanic  the SPI mechanic's events (drafts), after the game it played
     */
    static Outcome attach(Outcome outcome, String source, PlayerState before, boolean shop, List<DomainEvent> mechanic,
                          List<SliceChange> slices, List<ItemWrite> writes) {
        List<DomainEvent> events = new ArrayList<>();
        events.add(shop ? new DomainEvent.OrderApplied("", outcome.intent())
                : new DomainEvent.MessageReceived("", outcome.intent()));
        outcome.consentChange().ifPresent(c -> events.add(c.proactive() ? new DomainEvent.ConsentGiven("", c.source())
                : new DomainEvent.ConsentWithdrawn("", c.source())));
        outcome.quiz().ifPresent(after -> events.add(new DomainEvent.GamePlayed("", "quiz", quizResult(before.quiz(),
                after))));
        outcome.spin().filter(s -> !shop).ifPresent(s -> events.add(new DomainEvent.GamePlayed("", "spin",
                s.history().rewards().stream().filter(r -> r.spinId().equals(source)).findFirst()
                        .map(r -> "prize:" + r.prizeId())
                        .orElse(outcome.points().map(p -> p.entries().stream().anyMatch(
                                e -> e.reason().equals(SpinPlay.BONUS_REASON))).orElse(false) ? "points"
                                : "try_again"))));
        events.addAll(mechanic);
        outcome.points().ifPresent(p -> p.entries().forEach(e -> points(e).ifPresent(events::add)));
        outcome.spin().filter(s -> !shop).ifPresent(s -> s.history().rewards().stream()
                .filter(r -> r.spinId().equals(source))
                .forEach(r -> events.add(new DomainEvent.RewardIssued("", "spin:" + r.spinId(), r.prizeId()))));
        outcome.progress().ifPresent(p -> {
            p.redemption().ifPresent(r -> events.add(new DomainEvent.RewardIssued("", r.entry().rewardId(),
                    r.entry().itemId())));
            p.couponsUsed().forEach(w -> events.add(new DomainEvent.RewardRedeemed("", w.rewardId())));
            p.badges().forEach(b -> events.add(new DomainEvent.BadgeAwarded("", b)));
            p.completions().forEach(c -> events.add(new DomainEvent.ChallengeCompleted("", c)));
            Optional<String> tierBefore = before.progress().tier();
            if (!p.progress().tier().equals(tierBefore)) {
                events.add(new DomainEvent.TierChanged("", tierBefore.orElse(""), p.progress().tier().orElse("")));
            }
            p.attributed().ifPresent(r -> events.add(new DomainEvent.ReferralAttributed("")));
            p.qualified().ifPresent(r -> events.add(new DomainEvent.ReferralQualified("")));
        });
        List<DomainEvent> numbered = new ArrayList<>(events.size());
        for (DomainEvent e : events) {
            numbered.add(e.withId(DomainEvent.idOf(source, numbered.size())));
        }
        return outcome.with(slices, writes, numbered);
    }

    private static String quizResult(QuizSession before, QuizSession after) {
        if (after.answers() > before.answers()) {
            return after.correctAnswers() > before.correctAnswers() ? "correct" : "wrong";
        }
        return "asked";
    }

    private static Optional<DomainEvent> points(LedgerEntry e) {
        return switch (e.kind()) {
            case GRANT -> Optional.of(new DomainEvent.PointsEarned("", e.points(), e.reason()));
            case SPEND -> Optional.of(new DomainEvent.PointsSpent("", -e.points(), e.reason()));
            case EXPIRE -> Optional.of(new DomainEvent.PointsExpired("", -e.points()));
            case REVERSE -> Optional.of(new DomainEvent.PointsSpent("", -e.points(), e.reason()));
        };
    }
}
