package io.playloop.engine;

import io.playloop.campaign.Action;
import io.playloop.campaign.Badge;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.Challenge;
import io.playloop.campaign.EarnRule;
import io.playloop.campaign.ReferralRule;
import io.playloop.campaign.TextKey;
import io.playloop.campaign.Tier;
import io.playloop.games.badge.BadgeFacts;
import io.playloop.games.badge.BadgeRules;
import io.playloop.games.challenge.ActionCount;
import io.playloop.games.challenge.ActionCounter;
import io.playloop.games.challenge.ChallengeProgress;
import io.playloop.games.challenge.ChallengeRules;
import io.playloop.games.challenge.Completion;
import io.playloop.games.challenge.Streak;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.games.referral.Attribution;
import io.playloop.games.referral.FriendStatus;
import io.playloop.games.referral.Qualification;
import io.playloop.games.referral.Referral;
import io.playloop.games.referral.ReferralRules;
import io.playloop.games.referral.ReferralState;
import io.playloop.games.tier.TierChange;
import io.playloop.games.tier.TierLadder;
import io.playloop.games.tier.TierRules;
import io.playloop.ledger.EarningCap;
import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one step does to a customer's progress, after the game step itself (quiz, spin, keyword) has run:
 * referral attribution and qualification, action counters and the daily streak, the tier multiplier, the
 * referrer's catch-up on friends who joined, challenge completions, tier changes, badges and the week's
 * leaderboard score. Everything it grants goes into the same points account and ledger as the game step,
 * and everything worth telling the customer comes back as short notices the engine appends to the one
 * reply (chat etiquette: never a burst of messages).
 *
 * <p>Exactly once: each grant has an event id derived from what caused it (the message, the streak day, the
 * n-th joined friend, the challenge and period), so a replay finds its ledger entry; badges and completions
 * are records the store inserts only if absent, and the referral records are updated only from PENDING.
 */
final class ProgressPlay {
    /** Write shards of every weekly board (a fixed number: changing it mid-week would split a board). */
    static final int LEADERBOARD_SHARDS = io.playloop.games.leaderboard.Shards.BOARD;
    /** How long a referred friend has to opt in and play before the referral lapses. */
    static final Duration REFERRAL_QUALIFY_WITHIN = Duration.ofDays(30);
    static final String STREAK_REASON = "streak.day";
    static final String REFERRAL_REASON = "referral";
    static final String REFERRAL_FRIEND_REASON = "referral.friend";
    static final String CHALLENGE_REASON = "challenge.";
    static final String TIER_BONUS_REASON = "tier.bonus";

    /**
     * What the step changed.
     *
     * @param progress    the progress to store
     * @param points      the account after every grant of the whole step, with all of the step's entries
     *                    (the game step's first), or empty when nothing changed points
     * @param badges      badges awarded now (records to insert)
     * @param completions challenge completions now (records to insert)
     * @param attributed  a referral this message started (the referrer's record to insert)
     * @param qualified   a referral that counts from now (the referrer's record to move from PENDING)
     * @param score       the weekly score item to write, when it changed
     * @param notices     lines to add to the reply, in order
     */
    record Step(Progress progress, Optional<LedgerResult.Applied> points, List<Badge> badges,
                List<Completion> completions, Optional<Referral> attributed, Optional<Referral> qualified,
                Optional<ScoreItem> score, List<String> notices) {
    }

    private final Campaign campaign;
    private final ReferralRules referralRules = new ReferralRules(Optional.of(REFERRAL_QUALIFY_WITHIN));
    private final TierLadder ladder;
    private final TierRules tierRules;

    ProgressPlay(Campaign campaign) {
        this.campaign = Objects.requireNonNull(campaign, "campaign");
        this.ladder = new TierLadder(campaign.tiers());
        this.tierRules = new TierRules(ladder, campaign.tierPolicy());
    }

    /**
     * Applies the step's consequences.
     *
     * @param before      the stored progress
     * @param account     the account after the game step
     * @param gameStep    the game step's own points change (its entries come first in the result)
     * @param customer    the customer after the step (consent, language, key)
     * @param known       whether the customer existed before this message
     * @param actions     what the customer did in this step, in order
     * @param ruleEarned  points the game step granted from earning rules ({@code points.earn}): the tier
     *                    multiplier applies to them
     * @param holder      who holds the referral code the message carried, if any
     * @param eventId     the message's wamid: the id of this step's own grants
     * @param at          when the customer acted (the message's time)
     * @param replies     the texts, for this customer
     */
    Step apply(Progress before, PointsAccount account, Optional<LedgerResult.Applied> gameStep, Customer customer,
               boolean known, List<Action> actions, long ruleEarned, Optional<CodeHolder> holder, String eventId,
               Instant at, Replies replies) {
        String language = customer.language();
        ZoneId zone = campaign.timeZone();
        Grants grants = new Grants(account, gameStep, at);
        List<String> notices = new ArrayList<>();
        Progress progress = before;
        Optional<Referral> attributed = Optional.empty();
        Optional<Referral> qualified = Optional.empty();
        Optional<Tier> heldBefore = progress.tier().flatMap(ladder::byId);

        // 1. A code in the message: attribute the friend to the referrer, once, if they may be.
        if (holder.isPresent()) {
            Attribution attribution = referralRules.attribute(holder.get().code(),
                    Optional.of(holder.get().customerKey()), customer.key(), known, progress.referredBy(), at);
            if (attribution instanceof Attribution.Attributed a) {
                attributed = Optional.of(a.referral());
                progress = progress.withReferral(progress.referralCode(), Optional.of(a.referral()),
                        progress.referralsCredited());
                notices.add(render(replies, language, TextKey.REFER_WELCOME, Map.of()));
            } else if (attribution instanceof Attribution.Rejected r) {
                switch (r.reason()) {
                    case SELF -> notices.add(render(replies, language, TextKey.REFER_OWN_CODE, Map.of()));
                    case EXISTING_CUSTOMER, ALREADY_REFERRED ->
                            notices.add(render(replies, language, TextKey.REFER_NOT_ELIGIBLE, Map.of()));
                    default -> { } // an unknown or lapsed code: not worth a word
                }
            }
        }

        // 2. Counters and the streak (a streak day is any qualifying action, at the customer's midnight).
        ZoneId customerZone = CustomerZones.of(customer.waId(), progress.attributes(), zone);
        if (!actions.isEmpty()) {
            Map<Action, Long> counts = new EnumMap<>(Action.class);
            counts.putAll(progress.actions());
            Map<String, ActionCount> challengeCounts = new LinkedHashMap<>(progress.challengeCounts());
            Streak streak = progress.streak();
            for (Action action : actions) {
                counts.merge(action, 1L, Long::sum);
                for (Challenge challenge : campaign.challenges()) {
                    ActionCounter.count(challenge, Optional.ofNullable(challengeCounts.get(challenge.id())), action,
                            at, zone).ifPresent(c -> challengeCounts.put(challenge.id(), c));
                }
                if (campaign.qualifyingActions().contains(action)) {
                    streak = streak.record(at, customerZone);
                }
            }
            boolean newStreakDay = !streak.equals(progress.streak()) && streak.length() >= 2;
            progress = progress.withActions(counts, challengeCounts, streak);
            // The last game played, for the CRM ("last game"): kept beside the shop's attributes.
            Map<String, String> attributes = new HashMap<>(progress.attributes());
            attributes.put(Progress.LAST_GAME, actions.get(actions.size() - 1).key());
            attributes.put(Progress.LAST_GAME_AT, at.toString());
            progress = progress.withAttributes(attributes);
            if (newStreakDay && campaign.points().streakDay().isPresent()) {
                EarnRule rule = campaign.points().streakDay().get();
                long points = multiplied(heldBefore, rule.points());
                grants.capped(points, STREAK_REASON, rule, "streak:" + streak.lastDay().orElseThrow(), zone);
            }
        }

        // 3. The tier's multiplier on the game step's rule points, as its own ledger line.
        long bonus = Math.min(multiplied(heldBefore, ruleEarned) - ruleEarned, PointsAccount.MAX_POINTS);
        if (bonus > 0) {
            grants.grant(bonus, TIER_BONUS_REASON, "tierbonus:" + eventId);
        }

        // 4. The friend side: a pending referral counts once the friend has opted in and played.
        Optional<ReferralRule> referralRule = campaign.points().referral();
        // Not in the step that attributed it: the referrer's record is inserted by this very transaction.
        if (attributed.isEmpty() && progress.referredBy().filter(r -> r.state() == ReferralState.PENDING).isPresent()) {
            Progress sofar = progress;
            boolean played = campaign.qualifyingActions().stream().anyMatch(a -> sofar.count(a) > 0);
            Qualification q = referralRules.advance(progress.referredBy().get(),
                    new FriendStatus(customer.consent().proactive(), played), at);
            if (q instanceof Qualification.Qualified done) {
                qualified = Optional.of(done.referral());
                progress = progress.withReferral(progress.referralCode(), Optional.of(done.referral()),
                        progress.referralsCredited());
                // Once per friend (a friend is attributed only by their first message): the id need not, and must
                // not, name the referrer, who may be erased while the friend's ledger lives on.
                referralRule.filter(r -> r.friendPoints() > 0).ifPresent(r -> grants.grant(r.friendPoints(),
                        REFERRAL_FRIEND_REASON, "referral-friend"));
            } else if (q instanceof Qualification.Expired lapsed) {
                progress = progress.withReferral(progress.referralCode(), Optional.of(lapsed.referral()),
                        progress.referralsCredited());
            }
        }

        // 5. The referrer side: catch up on friends whose referral counted since the last step.
        if (progress.referralsJoined() > progress.referralsCredited()) {
            long earned = 0;
            for (long n = progress.referralsCredited() + 1; n <= progress.referralsJoined(); n++) {
                if (referralRule.isPresent()) {
                    earned += grants.capped(referralRule.get().points(), REFERRAL_REASON,
                            new EarnRule(referralRule.get().points(), referralRule.get().cap()), "referral:" + n, zone);
                }
            }
            progress = progress.withReferral(progress.referralCode(), progress.referredBy(),
                    progress.referralsJoined());
            Map<String, String> values = new HashMap<>();
            values.put("friends", Long.toString(progress.referralsJoined()));
            values.put("earned", Long.toString(earned));
            notices.add(render(replies, language, TextKey.REFER_COUNTED, values));
        }

        // 6. Challenges reached in their current period.
        List<Completion> completions = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>(progress.completions());
        for (Challenge challenge : campaign.challenges()) {
            ChallengeProgress standing = ChallengeRules.progress(challenge,
                    Optional.ofNullable(progress.challengeCounts().get(challenge.id())), progress.streak(),
                    (int) Math.min(Integer.MAX_VALUE, progress.referralsJoined()), at, zone, customerZone, done);
            Optional<Completion> completion = ChallengeRules.completion(challenge, standing);
            if (completion.isPresent()) {
                Completion c = completion.get();
                completions.add(c);
                done.add(c.id());
                if (c.rewardPoints() > 0) {
                    grants.grant(c.rewardPoints(), CHALLENGE_REASON + challenge.id(), "challenge:" + c.id());
                }
                Map<String, String> values = new HashMap<>();
                values.put("challenge", Replies.isolate(challenge.name().in(language, campaign.defaultLanguage())));
                values.put("earned", Long.toString(c.rewardPoints()));
                notices.add(render(replies, language, TextKey.CHALLENGE_COMPLETED, values));
            }
        }

        // 7. The tier, by points earned under the campaign's downgrade policy.
        PointsAccount after = grants.account();
        Optional<String> tierId = progress.tier();
        if (!campaign.tiers().isEmpty()) {
            TierChange change = tierRules.decide(progress.tier(), after.earnedTotal(), after.entries(), at);
            tierId = change.tier().map(Tier::id);
            if (change instanceof TierChange.Up up && up.tier().isPresent()) {
                Tier tier = up.tier().get();
                Map<String, String> values = new HashMap<>();
                values.put("tier", Replies.isolate(tier.name().in(language, campaign.defaultLanguage())));
                notices.add(render(replies, language, TextKey.TIER_UP, values));
                tier.perks().earlyAccess().ifPresent(text -> notices.add(text.in(language, campaign.defaultLanguage())));
            }
        }
        Optional<Tier> heldNow = tierId.flatMap(ladder::byId);

        // 8. Badges, from everything above.
        Map<String, java.time.Instant> badges = new LinkedHashMap<>(progress.badges());
        Set<String> completedChallenges = new LinkedHashSet<>();
        done.forEach(id -> completedChallenges.add(id.substring(0, id.indexOf('#'))));
        BadgeFacts facts = new BadgeFacts(progress.actions(), progress.streak().best(),
                (int) Math.min(Integer.MAX_VALUE, progress.referralsJoined()),
                BadgeFacts.tiersReached(ladder, heldNow), completedChallenges);
        List<Badge> awarded = BadgeRules.newlyEarned(campaign.badges(), facts, badges.keySet());
        for (Badge badge : awarded) {
            badges.put(badge.id(), at);
            notices.add(render(replies, language, TextKey.BADGE_AWARDED,
                    Map.of("badge", Replies.isolate(badge.name().in(language, campaign.defaultLanguage())))));
        }
        progress = progress.withAwards(badges, done, tierId);

        // 9. The week's leaderboard: points earned in this step, on the customer's own score item.
        Optional<ScoreItem> score = Optional.empty();
        long earnedNow = grants.earned();
        if (campaign.leaderboard().isPresent() && earnedNow > 0) {
            Optional<ScoreItem> current = progress.weeklyScore()
                    .filter(s -> s.sk().startsWith(ScoreItem.boardPrefix(campaign.id(), "")));
            score = ScoreItem.after(current, campaign.id(), customer.key(), earnedNow, at, zone, LEADERBOARD_SHARDS);
            progress = progress.withWeeklyScore(score);
        }
        return new Step(progress, grants.result(), awarded, completions, attributed, qualified, score, notices);
    }

    /** Points times the held tier's multiplier (rounded down); the points themselves without a tier. */
    long multiplied(Optional<Tier> held, long points) {
        return points <= 0 ? points : held.map(t -> t.perks().apply(points)).orElse(points);
    }

    private static String render(Replies replies, String language, TextKey key, Map<String, String> values) {
        return replies.line(language, key, values);
    }

    /** The step's grants on one account, with the game step's entries kept in front. */
    private final class Grants {
        private PointsAccount account;
        private final List<LedgerEntry> entries = new ArrayList<>();
        private final Instant at;

        Grants(PointsAccount account, Optional<LedgerResult.Applied> gameStep, Instant at) {
            this.account = account;
            this.at = at;
            gameStep.ifPresent(g -> entries.addAll(g.entries()));
        }

        /** Grants {@code points} (already multiplied) within the rule's caps; returns what was granted. */
        long capped(long points, String reason, EarnRule rule, String event, ZoneId zone) {
            long grantable = new EarningCap(reason, rule.cap().perDay(), rule.cap().perWeek())
                    .grantable(points, account.entries(), at, zone);
            return grantable > 0 ? grant(grantable, reason, event) : 0;
        }

        long grant(long points, String reason, String event) {
            if (account.grant(points, reason, event, at, at.plus(campaign.points().lotExpiry()))
                    instanceof LedgerResult.Applied applied) {
                account = applied.account();
                entries.addAll(applied.entries());
                return points;
            }
            return 0; // already granted for this event: a replay
        }

        PointsAccount account() {
            return account;
        }

        long earned() {
            return sum(entries);
        }

        Optional<LedgerResult.Applied> result() {
            return entries.isEmpty() ? Optional.empty() : Optional.of(new LedgerResult.Applied(account, entries));
        }

        private static long sum(Collection<LedgerEntry> list) {
            return list.stream().mapToLong(e -> Math.max(0, e.earned())).sum();
        }
    }
}
