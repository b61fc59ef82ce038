package io.playloop.outreach;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.Challenge;
import io.playloop.campaign.ChallengeWindow;
import io.playloop.campaign.Outreach;
import io.playloop.campaign.ReminderRule;
import io.playloop.campaign.Tier;
import io.playloop.engine.LocalDates;
import io.playloop.engine.Progress;
import io.playloop.engine.WalletEntry;
import io.playloop.games.challenge.ActionCount;
import io.playloop.games.challenge.ChallengePeriod;
import io.playloop.games.leaderboard.WeekKey;
import io.playloop.ledger.Lot;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pure: every reminder occurrence a customer's state implies, and when the scheduler must look at the customer
 * next. The game calls it after each message (to bring the index entry earlier when needed), the scheduler on each
 * visit. Occurrence ids are derived from the state (a reward's id, the inactivity spell's start, the week), so the
 * same occurrence gets the same id on every call and is sent at most once.
 */
public final class ReminderPlanner {
    /** How long a nudge, a leaderboard result or a birthday message stays worth sending after its time. */
    static final Duration PROMOTIONAL_SHELF_LIFE = Duration.ofDays(3);
    /**
     * How long after the customer's last message a "friend joined" notice is still worth sending: a year, so that a
     * referrer gone quiet, the one most worth bringing back, still hears that a friend joined.
     */
    static final Duration FRIEND_JOINED_SHELF_LIFE = Duration.ofDays(365);
    /** The longest lead of an unfinished daily challenge's reminder. */
    static final Duration DAILY_CHALLENGE_LEAD = Duration.ofHours(6);

    /**
     * A stored next look this far in the past was missed (the scheduler takes it within minutes otherwise): the game
     * writes the schedule again so it lands in a bucket the scheduler still reads.
     */
    public static final Duration OVERDUE = Duration.ofHours(1);

    private ReminderPlanner() {
    }

    /** Every occurrence not yet stale at {@code now}, due or ahead, done or not (the caller checks the schedule). */
    public static List<DueReminder> occurrences(CustomerView view, Instant now) {
        Outreach outreach = view.campaign().outreach();
        List<DueReminder> all = new ArrayList<>();
        for (ReminderRule rule : outreach.reminders().values()) {
            switch (rule.kind()) {
                case INACTIVITY -> inactivity(view, rule).ifPresent(all::add);
                case REWARD_EXPIRING -> all.addAll(rewardsExpiring(view, rule, now));
                case POINTS_EXPIRING -> pointsExpiring(view, rule, now).ifPresent(all::add);
                case CHALLENGE_UNFINISHED -> all.addAll(challengesUnfinished(view, rule, now));
                case STREAK_AT_RISK -> streakAtRisk(view, rule).ifPresent(all::add);
                case LEADERBOARD_RESULT -> leaderboardResult(view, rule).ifPresent(all::add);
                case BIRTHDAY -> birthday(view, rule, now).ifPresent(all::add);
                case FRIEND_JOINED -> friendJoined(view).ifPresent(all::add);
            }
        }
        all.removeIf(r -> !now.isBefore(r.staleAt()));
        all.sort(Comparator.comparing(DueReminder::dueAt));
        return all;
    }

    /**
     * When the customer is erased for silence: their last message (else when they were first seen, for a customer
     * the shop reported who never wrote) plus the campaign's {@code retention.inactive_customers}.
     */
    public static Optional<Instant> erasureDue(CustomerView view) {
        Instant last = view.customer().lastInboundAt() != null ? view.customer().lastInboundAt()
                : view.customer().firstSeenAt();
        return Optional.ofNullable(last).map(at -> at.plus(view.campaign().inactiveRetention()));
    }

    /**
     * When the scheduler must look next: the earliest of the reminders not done (a deferred one at its deferral),
     * a points lot's expiry, a reward's expiry and the erasure for silence ({@link #erasureDue}), so every customer
     * is in the due index. Never before {@code now}.
     */
    public static Optional<Instant> nextLook(CustomerView view, Schedule schedule, Instant now) {
        Optional<Instant> earliest = erasureDue(view);
        for (DueReminder r : occurrences(view, now)) {
            if (schedule.isDone(r.id())) {
                continue;
            }
            Instant at = schedule.deferredUntil(r.id()).filter(d -> d.isAfter(r.dueAt())).orElse(r.dueAt());
            earliest = earlier(earliest, at);
        }
        for (Lot lot : view.points().lots()) {
            if (!Lot.NEVER.equals(lot.expiresAt())) {
                earliest = earlier(earliest, lot.expiresAt());
            }
        }
        for (WalletEntry w : view.progress().wallet()) {
            if (w.usedAt().isEmpty() && w.validUntil().isAfter(now.minus(Duration.ofDays(1)))
                    && !schedule.isDone(RewardExpiry.id(w))) {
                earliest = earlier(earliest, w.validUntil());
            }
        }
        for (io.playloop.engine.Reward won : view.wonRewards()) {
            if (won.code().isPresent() && won.validUntil().isAfter(now.minus(Duration.ofDays(1)))
                    && !schedule.isDone(RewardExpiry.wonId(won))) {
                earliest = earlier(earliest, won.validUntil());
            }
        }
        return earliest.map(at -> at.isBefore(now) ? now : at);
    }

    private static Optional<Instant> earlier(Optional<Instant> current, Instant candidate) {
        return current.isEmpty() || candidate.isBefore(current.get()) ? Optional.of(candidate) : current;
    }

    private static Optional<DueReminder> inactivity(CustomerView view, ReminderRule rule) {
        Instant last = view.customer().lastInboundAt();
        if (last == null) {
            return Optional.empty();
        }
        Instant due = last.plus(rule.lead());
        Map<String, String> values = common(view);
        values.put("days", Long.toString(rule.lead().toDays()));
        values.putAll(progressValues(view));
        return Optional.of(new DueReminder(ReminderKind.INACTIVITY, "inactivity:" + last.getEpochSecond(), due,
                due.plus(PROMOTIONAL_SHELF_LIFE), values));
    }

    private static List<DueReminder> rewardsExpiring(CustomerView view, ReminderRule rule, Instant now) {
        List<DueReminder> list = new ArrayList<>();
        String language = view.customer().language();
        for (WalletEntry w : view.progress().wallet()) {
            if (!w.usableAt(now) || w.code().isEmpty()) {
                continue;
            }
            Map<String, String> values = common(view);
            values.put("code", w.code().get());
            values.put("valid_until", LocalDates.of(w.validUntil(), language, view.zone()));
            view.campaign().catalogueItem(w.itemId())
                    .ifPresent(item -> values.put("reward", item.name().in(language, view.campaign().defaultLanguage())));
            list.add(new DueReminder(ReminderKind.REWARD_EXPIRING, "reward:" + w.rewardId(),
                    w.validUntil().minus(rule.lead()), w.validUntil(), values));
        }
        for (io.playloop.engine.Reward won : view.wonRewards()) {
            if (won.code().isEmpty() || !now.isBefore(won.validUntil())) {
                continue;
            }
            Map<String, String> values = common(view);
            values.put("code", won.code().get());
            values.put("valid_until", LocalDates.of(won.validUntil(), language, view.zone()));
            view.campaign().spin().flatMap(spin -> spin.prizes().stream().filter(p -> p.id().equals(won.prizeId()))
                    .findFirst()).ifPresent(prize -> values.put("reward",
                    prize.name().in(language, view.campaign().defaultLanguage())));
            list.add(new DueReminder(ReminderKind.REWARD_EXPIRING, "won:" + won.spinId(),
                    won.validUntil().minus(rule.lead()), won.validUntil(), values));
        }
        return list;
    }

    /** The lots that expire first, grouped by the customer's local day of expiry: one reminder per day. */
    private static Optional<DueReminder> pointsExpiring(CustomerView view, ReminderRule rule, Instant now) {
        ZoneId zone = view.zone();
        TreeMap<LocalDate, Long> byDay = new TreeMap<>();
        Map<LocalDate, Instant> firstExpiry = new HashMap<>();
        for (Lot lot : view.points().lots()) {
            if (Lot.NEVER.equals(lot.expiresAt()) || !lot.liveAt(now)) {
                continue;
            }
            LocalDate day = lot.expiresAt().atZone(zone).toLocalDate();
            byDay.merge(day, lot.remaining(), Long::sum);
            firstExpiry.merge(day, lot.expiresAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        if (byDay.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = byDay.firstKey();
        Instant expiresAt = firstExpiry.get(day);
        Map<String, String> values = common(view);
        values.put("expiring", Long.toString(byDay.get(day)));
        values.put("expires_on", LocalDates.of(expiresAt, view.customer().language(), zone));
        return Optional.of(new DueReminder(ReminderKind.POINTS_EXPIRING, "points:" + day, expiresAt.minus(rule.lead()),
                expiresAt, values));
    }

    private static List<DueReminder> challengesUnfinished(CustomerView view, ReminderRule rule, Instant now) {
        List<DueReminder> list = new ArrayList<>();
        Campaign campaign = view.campaign();
        ZoneId zone = campaign.timeZone();
        String language = view.customer().language();
        for (Challenge challenge : campaign.challenges()) {
            if (challenge.window() == ChallengeWindow.CAMPAIGN || challenge.action().isEmpty()) {
                continue;
            }
            String period = ChallengePeriod.of(challenge.window(), now, zone);
            ActionCount count = view.progress().challengeCounts().get(challenge.id());
            int done = count == null ? 0 : count.countIn(period);
            if (done == 0 || done >= challenge.target()
                    || view.progress().completions().contains(challenge.id() + "#" + period)) {
                continue;
            }
            Instant ends = challenge.window() == ChallengeWindow.WEEK ? WeekKey.endOf(now, zone)
                    : now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            Map<String, String> values = common(view);
            values.put("challenge", challenge.name().in(language, campaign.defaultLanguage()));
            values.put("done", Integer.toString(done));
            values.put("target", Integer.toString(challenge.target()));
            values.put("ends", LocalDates.of(ends.minusSeconds(1), language, zone));
            // A daily challenge cannot be reminded a whole day ahead (that is the moment the customer starts it): at
            // most DAILY_CHALLENGE_LEAD before the day ends, 18:00 in the campaign's zone.
            Duration lead = challenge.window() == ChallengeWindow.DAY && rule.lead().compareTo(DAILY_CHALLENGE_LEAD) > 0
                    ? DAILY_CHALLENGE_LEAD : rule.lead();
            list.add(new DueReminder(ReminderKind.CHALLENGE_UNFINISHED, "challenge:" + challenge.id() + "#" + period,
                    ends.minus(lead), ends, values));
        }
        return list;
    }

    /** A streak of 2 days or more played last on day D breaks at the end of D+1: remind on D+1 at the rule's time. */
    private static Optional<DueReminder> streakAtRisk(CustomerView view, ReminderRule rule) {
        var streak = view.progress().streak();
        if (streak.lastDay().isEmpty() || streak.length() < 2) {
            return Optional.empty();
        }
        ZoneId zone = view.zone();
        LocalDate last = streak.lastDay().get();
        Instant due = last.plusDays(1).atTime(rule.at()).atZone(zone).toInstant();
        Instant breaks = last.plusDays(2).atStartOfDay(zone).toInstant();
        Map<String, String> values = common(view);
        values.put("streak", Integer.toString(streak.length()));
        return Optional.of(new DueReminder(ReminderKind.STREAK_AT_RISK, "streak:" + last, due, breaks, values));
    }

    /** The week the customer last scored in: its result goes out the day after it closes, at the rule's time. */
    private static Optional<DueReminder> leaderboardResult(CustomerView view, ReminderRule rule) {
        Optional<io.playloop.games.leaderboard.ScoreItem> score = view.progress().weeklyScore();
        if (score.isEmpty() || view.campaign().leaderboard().isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = view.campaign().timeZone();
        Instant closes = WeekKey.endOf(score.get().score().reachedAt(), zone);
        Instant due = closes.atZone(zone).toLocalDate().atTime(rule.at()).atZone(zone).toInstant();
        Map<String, String> values = common(view);
        values.put("score", Long.toString(score.get().score().points()));
        values.put("week", score.get().week());
        return Optional.of(new DueReminder(ReminderKind.LEADERBOARD_RESULT, "leaderboard:" + score.get().week(), due,
                due.plus(PROMOTIONAL_SHELF_LIFE), values));
    }

    /** The next birthday (this year's until its day is over), from the {@code birthday} attribute. */
    private static Optional<DueReminder> birthday(CustomerView view, ReminderRule rule, Instant now) {
        Optional<MonthDay> day = birthdayOf(view.progress());
        if (day.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = view.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate date = day.get().atYear(today.getYear());
        if (date.isBefore(today)) {
            date = day.get().atYear(today.getYear() + 1);
        }
        Instant due = date.atTime(rule.at()).atZone(zone).toInstant();
        Instant over = date.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, String> values = common(view);
        values.put("bonus", Long.toString(rule.points()));
        return Optional.of(new DueReminder(ReminderKind.BIRTHDAY, "birthday:" + date.getYear(), due, over, values));
    }

    /**
     * Friends who made their referral count since the customer was last paid: tell them at once (transactional) that
     * a bonus waits for their next message. Stable while it waits (due at the customer's last message, so already
     * due); gone once paid; not sent to a customer silent for a year.
     */
    private static Optional<DueReminder> friendJoined(CustomerView view) {
        Progress progress = view.progress();
        Instant last = view.customer().lastInboundAt();
        if (progress.referralsJoined() <= progress.referralsCredited() || last == null) {
            return Optional.empty();
        }
        Map<String, String> values = common(view);
        values.put("friends", Long.toString(progress.referralsJoined()));
        long perFriend = view.campaign().points().referral().map(rule -> rule.points()).orElse(0L);
        values.put("bonus", Long.toString(perFriend * (progress.referralsJoined() - progress.referralsCredited())));
        return Optional.of(new DueReminder(ReminderKind.FRIEND_JOINED, "friends:" + progress.referralsJoined(), last,
                last.plus(FRIEND_JOINED_SHELF_LIFE), values));
    }

    /** {@code 1990-06-15}, {@code --06-15} or {@code 06-15}; anything else is no birthday. */
    static Optional<MonthDay> birthdayOf(Progress progress) {
        String raw = progress.attributes().get("birthday");
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.trim();
        try {
            if (text.length() == 10) {
                return Optional.of(MonthDay.from(LocalDate.parse(text)));
            }
            return Optional.of(MonthDay.parse(text.startsWith("--") ? text : "--" + text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> common(CustomerView view) {
        Map<String, String> values = new HashMap<>();
        String name = view.progress().attributes().getOrDefault("first_name", view.customer().name());
        if (name != null && !name.isBlank()) {
            values.put("name", name);
        }
        values.put("points", Long.toString(view.points().balance(view.asOf())));
        view.progress().tier().flatMap(id -> view.campaign().tiers().stream().filter(t -> t.id().equals(id)).findFirst())
                .ifPresent(t -> values.put("tier", t.name().in(view.customer().language(),
                        view.campaign().defaultLanguage())));
        return values;
    }

    /** {@code missing} points and {@code next_tier}, or {@code at_top} when the customer holds the highest tier. */
    private static Map<String, String> progressValues(CustomerView view) {
        Map<String, String> values = new HashMap<>();
        long earned = view.points().earnedTotal();
        List<Tier> tiers = view.campaign().tiers();
        Optional<Tier> next = tiers.stream().filter(t -> t.threshold() > earned).findFirst();
        if (next.isPresent()) {
            values.put("missing", Long.toString(next.get().threshold() - earned));
            values.put("next_tier", next.get().name().in(view.customer().language(), view.campaign().defaultLanguage()));
        } else if (!tiers.isEmpty()) {
            values.put("at_top", "true");
        }
        return values;
    }
}
