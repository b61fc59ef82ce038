package io.playloop.engine;

import io.playloop.campaign.Action;
import io.playloop.games.challenge.ActionCount;
import io.playloop.games.challenge.Streak;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.games.referral.Referral;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a customer has achieved: the counters challenges and badges read, the daily streak, the badges and
 * challenge completions held, the tier, the referral code and referrals, and this week's leaderboard score.
 * One small item per customer ({@code sk=PROGRESS}), read with the profile and written in the step's
 * transaction. Badges and completions also have records of their own, inserted once; the sets here are
 * the engine's copy, so a step never has to query them.
 *
 * @param actions             how many times each action was done over the campaign
 * @param challengeCounts     per actions challenge, the count in its current period
 * @param streak              the daily streak (days in the customer's time zone)
 * @param badges              badge id to when it was awarded, in award order
 * @param completions         ids of the challenge completions recorded ({@code <challenge>#<period>})
 * @param tier                the tier id held
 * @param referralCode        the customer's own code, once shown (it never changes after that)
 * @param referredBy          the friend side: the referral this customer came with
 * @param referralsAttributed friends who came with this customer's code (added by the friends' steps)
 * @param referralsJoined     of those, friends whose referral counted (added by the friends' steps)
 * @param referralsCredited   referrals this customer has been paid for (the engine catches up to joined)
 * @param weeklyScore         the last leaderboard score written (its week may be over)
 * @param wallet              rewards redeemed from the catalogue, oldest first (used and expired ones are
 *                            kept 30 days for REWARDS and per-customer limits count them all)
 * @param attributes          profile attributes the shop reported ({@code last_product}, {@code birthday}, …)
 */
public record Progress(Map<Action, Long> actions, Map<String, ActionCount> challengeCounts, Streak streak,
                       Map<String, Instant> badges, Set<String> completions, Optional<String> tier,
                       Optional<String> referralCode, Optional<Referral> referredBy, long referralsAttributed,
                       long referralsJoined, long referralsCredited, Optional<ScoreItem> weeklyScore,
                       java.util.List<WalletEntry> wallet, Map<String, String> attributes) {
    /** The attribute naming the last game played ({@code quiz_answer}, {@code spin}, …), for the CRM sync. */
    public static final String LAST_GAME = "playloop.last_game";
    /** The attribute holding when the last game was played (ISO-8601). */
    public static final String LAST_GAME_AT = "playloop.last_game_at";

    /** A customer who has done nothing yet. */
    public static final Progress NONE = new Progress(Map.of(), Map.of(), Streak.NONE, Map.of(), Set.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 0, Optional.empty(), java.util.List.of(), Map.of());

    public Progress {
        actions = actions.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(actions));
        challengeCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(challengeCounts));
        badges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(badges));
        completions = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(completions));
        Objects.requireNonNull(streak, "streak");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(referralCode, "referralCode");
        Objects.requireNonNull(referredBy, "referredBy");
        Objects.requireNonNull(weeklyScore, "weeklyScore");
        wallet = java.util.List.copyOf(wallet);
        attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
        if (referralsAttributed < 0 || referralsJoined < 0 || referralsCredited < 0) {
            throw new IllegalArgumentException("referral counters must not be negative");
        }
    }

    /** How many times {@code action} was done. */
    public long count(Action action) {
        return actions.getOrDefault(action, 0L);
    }

    /** How many times the customer redeemed {@code itemId}. */
    public long redeemed(String itemId) {
        return wallet.stream().filter(w -> w.itemId().equals(itemId)).count();
    }

    Progress withWallet(java.util.List<WalletEntry> newWallet) {
        return new Progress(actions, challengeCounts, streak, badges, completions, tier, referralCode, referredBy,
                referralsAttributed, referralsJoined, referralsCredited, weeklyScore, newWallet, attributes);
    }

    Progress withAttributes(Map<String, String> newAttributes) {
        return new Progress(actions, challengeCounts, streak, badges, completions, tier, referralCode, referredBy,
                referralsAttributed, referralsJoined, referralsCredited, weeklyScore, wallet, newAttributes);
    }

    Progress withActions(Map<Action, Long> newActions, Map<String, ActionCount> newCounts, Streak newStreak) {
        return new Progress(newActions, newCounts, newStreak, badges, completions, tier, referralCode, referredBy,
                referralsAttributed, referralsJoined, referralsCredited, weeklyScore, wallet, attributes);
    }

    Progress withAwards(Map<String, Instant> newBadges, Set<String> newCompletions, Optional<String> newTier) {
        return new Progress(actions, challengeCounts, streak, newBadges, newCompletions, newTier, referralCode,
                referredBy, referralsAttributed, referralsJoined, referralsCredited, weeklyScore, wallet, attributes);
    }

    Progress withReferral(Optional<String> code, Optional<Referral> by, long credited) {
        return new Progress(actions, challengeCounts, streak, badges, completions, tier, code, by,
                referralsAttributed, referralsJoined, credited, weeklyScore, wallet, attributes);
    }

    Progress withWeeklyScore(Optional<ScoreItem> score) {
        return new Progress(actions, challengeCounts, streak, badges, completions, tier, referralCode, referredBy,
                referralsAttributed, referralsJoined, referralsCredited, score, wallet, attributes);
    }
}
