package io.playloop.campaign;

import java.util.Objects;
import java.util.Optional;

/**
 * A goal with a reward, shown with live progress ("2 of 3 joined").
 *
 * @param id           unique in the campaign; progress records name it
 * @param kind         what is counted
 * @param name         a list row title (at most 24 characters)
 * @param description  a list row description (at most 72 characters)
 * @param target       friends (referrals), actions (actions) or days (streak)
 * @param action       the action counted, for {@link ChallengeKind#ACTIONS} only
 * @param window       the counting window, {@link ChallengeWindow#CAMPAIGN} unless an actions challenge says
 * @param rewardPoints points granted on completion
 */
public record Challenge(String id, ChallengeKind kind, LocalizedText name, LocalizedText description, int target,
                        Optional<Action> action, ChallengeWindow window, long rewardPoints) {
    public Challenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(window, "window");
    }
}
