package io.playloop.games.challenge;

import io.playloop.campaign.Challenge;
import io.playloop.campaign.ChallengeKind;
import io.playloop.campaign.ChallengeWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Progress and completion of any challenge kind, as pure functions. A completion is reported when the
 * target is reached in the current period and {@code completed} (the ids of the customer's
 * {@code DONE#} records) does not hold it yet: processing the same action again finds the record and reports
 * nothing, so each challenge pays once per period.
 */
public final class ChallengeRules {
    private ChallengeRules() {
    }

    /**
     * Where the customer stands on {@code challenge} at {@code now}.
     *
     * @param actions           the customer's count for this challenge (actions challenges)
     * @param streak            the customer's streak (streak challenges)
     * @param joinedReferrals   referrals that counted (referral challenges)
     * @param campaignZone      days and weeks of actions challenges
     * @param customerZone      the streak's days
     * @param completed         ids ({@link Completion#id()}) of the customer's completions
     */
    public static ChallengeProgress progress(Challenge challenge, Optional<ActionCount> actions, Streak streak,
                                             int joinedReferrals, Instant now, ZoneId campaignZone,
                                             ZoneId customerZone, Set<String> completed) {
        Objects.requireNonNull(completed, "completed");
        // Referral and streak challenges are completed once: their period is the campaign.
        String period = challenge.kind() == ChallengeKind.ACTIONS
                ? ChallengePeriod.of(challenge.window(), now, campaignZone)
                : ChallengePeriod.of(ChallengeWindow.CAMPAIGN, now, campaignZone);
        int current = switch (challenge.kind()) {
            case ACTIONS -> actions.map(a -> a.countIn(period)).orElse(0);
            case STREAK -> streak.current(now, customerZone);
            case REFERRALS -> joinedReferrals;
        };
        boolean done = completed.contains(new Completion(challenge.id(), period, 0).id());
        return new ChallengeProgress(challenge.id(), period, current, challenge.target(), done);
    }

    /** The completion to record now, if the target is reached in this period and not yet recorded. */
    public static Optional<Completion> completion(Challenge challenge, ChallengeProgress progress) {
        if (progress.completed() || progress.current() < challenge.target()) {
            return Optional.empty();
        }
        return Optional.of(new Completion(challenge.id(), progress.period(), challenge.rewardPoints()));
    }
}
