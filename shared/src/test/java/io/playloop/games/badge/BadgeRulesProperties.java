package io.playloop.games.badge;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.Action;
import io.playloop.campaign.Badge;
import io.playloop.campaign.BadgeTrigger;
import io.playloop.campaign.LocalizedText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

// Property tier: over any run of steps, each badge is awarded once, and every badge earned is awarded.
class BadgeRulesProperties {
    private static final LocalizedText NAME = new LocalizedText(Map.of("en", "n"));
    private static final List<Badge> BADGES = List.of(
            new Badge("q1", NAME, new BadgeTrigger.Actions(Action.QUIZ_ANSWER, 1)),
            new Badge("q10", NAME, new BadgeTrigger.Actions(Action.QUIZ_ANSWER, 10)),
            new Badge("s3", NAME, new BadgeTrigger.Streak(3)),
            new Badge("s7", NAME, new BadgeTrigger.Streak(7)),
            new Badge("r3", NAME, new BadgeTrigger.Referrals(3)));

    @Property(tries = 300)
    void eachBadgeOnce(@ForAll @Size(max = 30) List<@IntRange(max = 2) Integer> steps) {
        long quizzes = 0;
        int streak = 0;
        int referrals = 0;
        Set<String> held = new HashSet<>();
        List<String> awarded = new ArrayList<>();
        for (int step : steps) {
            switch (step) {
                case 0 -> quizzes++;
                case 1 -> streak++;
                default -> referrals++;
            }
            BadgeFacts facts = new BadgeFacts(Map.of(Action.QUIZ_ANSWER, quizzes), streak, referrals, Set.of(), Set.of());
            BadgeRules.newlyEarned(BADGES, facts, held).forEach(b -> {
                awarded.add(b.id());
                held.add(b.id());
            });
        }
        BadgeFacts last = new BadgeFacts(Map.of(Action.QUIZ_ANSWER, quizzes), streak, referrals, Set.of(), Set.of());
        assertThat(awarded).doesNotHaveDuplicates();
        assertThat(held).containsExactlyInAnyOrderElementsOf(
                BADGES.stream().filter(b -> BadgeRules.met(b.trigger(), last)).map(Badge::id).toList());
    }
}
