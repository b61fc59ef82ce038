package io.playloop.campaign;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what measures progress: challenges, badges, tiers and the tier policy. */
final class ProgressReader {
    static final int CHALLENGES_MAX = 20;
    static final int BADGES_MAX = 50;
    static final int TIERS_MAX = 10;
    static final long THRESHOLD_MAX = 100_000_000;
    static final BigDecimal MULTIPLIER_MAX = BigDecimal.TEN;
    static final Duration ROLLING_MIN = Duration.ofDays(7);
    static final Duration ROLLING_MAX = Duration.ofDays(3650);

    private final Problems problems;
    private final TextReader texts;

    ProgressReader(Problems problems, TextReader texts) {
        this.problems = problems;
        this.texts = texts;
    }

    List<Challenge> challenges(Fields root) {
        List<Challenge> challenges = new ArrayList<>();
        Ids ids = new Ids();
        for (Fields challenge : root.objects("challenges", 0, CHALLENGES_MAX)) {
            String id = ids.unique(challenge, Ids.ITEM, Ids.ITEM_RULE);
            ChallengeKind kind = challenge.enumValue("kind", ChallengeKind.class, null);
            LocalizedText name = texts.required(challenge, "name", TextKind.ROW_TITLE, "(challenges are list rows)");
            LocalizedText description = texts.required(challenge, "description", TextKind.ROW_DESCRIPTION, "");
            int target = 1;
            Optional<Action> action = Optional.empty();
            ChallengeWindow window = ChallengeWindow.CAMPAIGN;
            if (kind == ChallengeKind.REFERRALS) {
                target = (int) challenge.requiredInteger("count", 1, 100);
                notUsed(challenge, "a referrals challenge", "days (use count)", "action", "window");
            } else if (kind == ChallengeKind.ACTIONS) {
                target = (int) challenge.requiredInteger("count", 1, 1000);
                Action counted = challenge.enumValue("action", Action.class, null);
                action = Optional.of(counted == null ? Action.QUIZ_ANSWER : counted); // stand-in after a problem
                window = challenge.enumValue("window", ChallengeWindow.class, ChallengeWindow.CAMPAIGN);
                notUsed(challenge, "an actions challenge", "days (use count)");
            } else if (kind == ChallengeKind.STREAK) {
                target = (int) challenge.requiredInteger("days", 2, 365);
                notUsed(challenge, "a streak challenge", "count (use days)", "action", "window");
            } else {
                List.of("count", "days", "action", "window").forEach(challenge::raw);
            }
            Fields reward = challenge.requiredObject("reward");
            long rewardPoints = reward.isAbsent() ? 1 : reward.requiredInteger("points", 1, CampaignReader.POINTS_MAX);
            reward.finish();
            challenge.finish();
            challenges.add(new Challenge(id, kind == null ? ChallengeKind.REFERRALS : kind, name, description, target,
                    action, window, rewardPoints));
        }
        return challenges;
    }

    List<Tier> tiers(Fields root) {
        List<Tier> tiers = new ArrayList<>();
        Ids ids = new Ids();
        List<Fields> items = root.objects("tiers", 0, TIERS_MAX);
        for (int i = 0; i < items.size(); i++) {
            Fields tier = items.get(i);
            String id = ids.unique(tier, Ids.ITEM, Ids.ITEM_RULE);
            LocalizedText name = texts.required(tier, "name", TextKind.ROW_TITLE, "");
            long threshold = tier.requiredInteger("threshold", 0, THRESHOLD_MAX);
            Perks perks = Perks.NONE;
            Optional<Fields> perkFields = tier.object("perks");
            if (perkFields.isPresent()) {
                Fields p = perkFields.get();
                BigDecimal multiplier = p.decimal("multiplier", BigDecimal.ONE, BigDecimal.ONE, true, MULTIPLIER_MAX, 2);
                Optional<LocalizedText> early = texts.optional(p, "early_access", TextKind.BODY, "");
                p.finish();
                perks = new Perks(multiplier, early);
            }
            if (i > 0 && tier.has("threshold") && tiers.size() == i) {
                Tier previous = tiers.get(i - 1);
                if (threshold <= previous.threshold()) {
                    tier.problem("threshold", "must be above tiers[" + (i - 1) + "].threshold ("
                            + previous.threshold() + ")");
                }
                if (perks.multiplier().compareTo(previous.perks().multiplier()) < 0) {
                    problems.add(tier.at("perks.multiplier"), "must be >= tiers[" + (i - 1) + "].perks.multiplier ("
                            + previous.perks().multiplier().toPlainString() + "): a higher tier must not earn less");
                }
            }
            tier.finish();
            tiers.add(new Tier(id, name, threshold, perks));
        }
        return tiers;
    }

    TierPolicy tierPolicy(Fields root) {
        Optional<Fields> section = root.object("tier_policy");
        if (section.isEmpty() || section.get().isAbsent()) {
            return TierPolicy.NEVER;
        }
        Fields policy = section.get();
        if (!root.has("tiers")) {
            root.problem("tier_policy", "there are no tiers for it to apply to");
        }
        TierPolicy.Downgrade downgrade = policy.enumValue("downgrade", TierPolicy.Downgrade.class, null);
        Optional<Duration> window = Optional.empty();
        if (downgrade == TierPolicy.Downgrade.ROLLING) {
            window = Optional.of(policy.duration("window", null, ROLLING_MIN, ROLLING_MAX));
        } else if (downgrade == TierPolicy.Downgrade.NEVER && policy.has("window")) {
            policy.problem("window", "only a rolling policy has a window");
        } else {
            policy.raw("window");
        }
        policy.finish();
        return new TierPolicy(downgrade == null ? TierPolicy.Downgrade.NEVER : downgrade, window);
    }

    List<Badge> badges(Fields root, List<Challenge> challenges, List<Tier> tiers) {
        List<Badge> badges = new ArrayList<>();
        Ids ids = new Ids();
        for (Fields badge : root.objects("badges", 0, BADGES_MAX)) {
            String id = ids.unique(badge, Ids.ITEM, Ids.ITEM_RULE);
            LocalizedText name = texts.required(badge, "name", TextKind.ROW_TITLE, "(badges are list rows)");
            BadgeTrigger trigger = trigger(badge, challenges, tiers);
            badge.finish();
            badges.add(new Badge(id, name, trigger));
        }
        return badges;
    }

    private BadgeTrigger trigger(Fields badge, List<Challenge> challenges, List<Tier> tiers) {
        Fields trigger = badge.requiredObject("trigger");
        if (trigger.isAbsent()) {
            return new BadgeTrigger.Streak(2);
        }
        TriggerKind kind = trigger.enumValue("kind", TriggerKind.class, null);
        BadgeTrigger read;
        if (kind == TriggerKind.ACTIONS) {
            Action action = trigger.enumValue("action", Action.class, null);
            int count = (int) trigger.requiredInteger("count", 1, 10_000);
            notUsed(trigger, "an actions trigger", "days", "tier", "challenge");
            read = new BadgeTrigger.Actions(action == null ? Action.QUIZ_ANSWER : action, count);
        } else if (kind == TriggerKind.STREAK) {
            int days = (int) trigger.requiredInteger("days", 2, 365);
            notUsed(trigger, "a streak trigger", "count (use days)", "action", "tier", "challenge");
            read = new BadgeTrigger.Streak(days);
        } else if (kind == TriggerKind.REFERRALS) {
            int count = (int) trigger.requiredInteger("count", 1, 100);
            notUsed(trigger, "a referrals trigger", "days", "action", "tier", "challenge");
            read = new BadgeTrigger.Referrals(count);
        } else if (kind == TriggerKind.TIER) {
            String tier = reference(trigger, "tier", tiers.stream().map(Tier::id).toList(), "tier");
            notUsed(trigger, "a tier trigger", "count", "days", "action", "challenge");
            read = new BadgeTrigger.TierReached(tier);
        } else if (kind == TriggerKind.CHALLENGE) {
            String challenge = reference(trigger, "challenge", challenges.stream().map(Challenge::id).toList(),
                    "challenge");
            notUsed(trigger, "a challenge trigger", "count", "days", "action", "tier");
            read = new BadgeTrigger.ChallengeCompleted(challenge);
        } else {
            List.of("action", "count", "days", "tier", "challenge").forEach(trigger::raw);
            read = new BadgeTrigger.Streak(2);
        }
        trigger.finish();
        return read;
    }

    private String reference(Fields fields, String key, List<String> ids, String what) {
        String id = fields.requiredText(key);
        if (!id.isEmpty() && !ids.contains(id)) {
            fields.problem(key, "'" + id + "' is not a " + what + " id"
                    + (ids.isEmpty() ? " (the campaign has no " + what + "s)" : " (" + String.join(", ", ids) + ")"));
        }
        return id;
    }

    /** Reports keys that belong to other kinds ("days (use count)" names the key and a hint). */
    private static void notUsed(Fields fields, String what, String... keys) {
        for (String entry : keys) {
            int space = entry.indexOf(' ');
            String key = space < 0 ? entry : entry.substring(0, space);
            String hint = space < 0 ? "" : entry.substring(space);
            if (fields.has(key)) {
                fields.problem(key, "not used by " + what + hint);
            }
        }
    }

    /** The kinds of badge trigger, as the format names them. */
    enum TriggerKind {
        ACTIONS, STREAK, REFERRALS, TIER, CHALLENGE
    }
}
