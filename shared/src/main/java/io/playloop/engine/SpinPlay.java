package io.playloop.engine;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.Command;
import io.playloop.campaign.Spin;
import io.playloop.campaign.TextKey;
import io.playloop.games.spin.BudgetClaim;
import io.playloop.games.spin.BudgetsLeft;
import io.playloop.games.spin.Cooldown;
import io.playloop.games.spin.Prize;
import io.playloop.games.spin.PrizeBudget;
import io.playloop.games.spin.SpinDecision;
import io.playloop.games.spin.SpinRules;
import io.playloop.games.spin.Wheel;
import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.text.Dates;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.ListMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Spin the wheel as a customer plays it: SPIN draws with the injected random source, within the
 * cooldown and the prize budgets ({@link SpinRules}); the result (last spin, pending reward, bonus
 * points) is recorded with the receipt before the reply, and a budgeted prize's counter is claimed in the
 * same transaction ({@link BudgetClaim}), so the table refuses a win beyond the budget and the spin is
 * decided again with that prize marked exhausted. REWARDS lists the pending rewards.
 */
final class SpinPlay {
    /** Ledger reason of bonus points won on the wheel. */
    static final String BONUS_REASON = "spin.bonus";
    /** Ledger reason of the points a paid spin costs. */
    static final String COST_REASON = "spin.cost";

    /**
     * One spin step.
     *
     * @param history the wheel state to store, when the wheel turned
     * @param claim   the budget the prize uses, when it has one
     * @param points  bonus points won (and the spin's cost), when any
     * @param reply   the one message to send
     */
    record Step(Optional<SpinHistory> history, Optional<BudgetClaim> claim, Optional<LedgerResult.Applied> points,
                OutboundMessage reply) {
    }

    private final Campaign campaign;
    private final Spin spin;
    private final SpinRules rules;

    SpinPlay(Campaign campaign) {
        this.campaign = campaign;
        this.spin = campaign.spin().orElseThrow();
        Wheel.Builder wheel = Wheel.builder();
        Map<String, PrizeBudget> budgets = new HashMap<>();
        for (io.playloop.campaign.Prize p : spin.prizes()) {
            Prize prize = switch (p.kind()) {
                case PERCENT_DISCOUNT -> Prize.percentOff(p.id(), p.value().intValueExact());
                case BONUS_POINTS -> Prize.bonusPoints(p.id(), (int) p.bonusPoints());
                case TRY_AGAIN -> Prize.tryAgain(p.id());
            };
            wheel.add(prize, (int) p.weight());
            if (!p.budget().isUnlimited()) {
                budgets.put(p.id(), new PrizeBudget(p.budget().perDay(), p.budget().total()));
            }
        }
        Cooldown cooldown = spin.cooldown().equals(Duration.ofDays(1)) ? Cooldown.oncePerLocalDay()
                : Cooldown.every(spin.cooldown());
        this.rules = new SpinRules(wheel.build(), cooldown, campaign.timeZone(), budgets,
                SpinRules.WhenExhausted.TRY_AGAIN);
    }

    /** SPIN: the cooldown's answer, or a draw whose result is recorded. */
    Step spin(SpinHistory history, PointsAccount account, Set<String> exhausted, String spinId, String language,
              String to, ZoneId customerZone, RandomGenerator random, Instant now) {
        Map<String, Long> left = new HashMap<>();
        exhausted.forEach(id -> left.put(id, 0L));
        SpinDecision decision = rules.decide(history.lastSpinAt(), now, new BudgetsLeft(left), random);
        if (decision instanceof SpinDecision.CoolingDown cooling) {
            // When the customer may spin again, on their own clock (a customer in Dubai reads Dubai time).
            Map<String, String> values = Map.of("next_spin", Dates.dateTime(cooling.nextSpinAt(), language,
                    customerZone));
            return new Step(Optional.empty(), Optional.empty(), Optional.empty(),
                    play(language, to, render(language, TextKey.SPIN_COOLDOWN, values)));
        }
        SpinDecision.Spun spun = (SpinDecision.Spun) decision;
        List<LedgerEntry> entries = new ArrayList<>();
        PointsAccount after = account;
        if (spin.cost() > 0) {
            LedgerResult paid = after.spend(spin.cost(), COST_REASON, spinId, now);
            if (!(paid instanceof LedgerResult.Applied applied)) {
                Map<String, String> values = Map.of("cost", Long.toString(spin.cost()),
                        "points", Long.toString(account.balance(now)));
                return new Step(Optional.empty(), Optional.empty(), Optional.empty(),
                        play(language, to, render(language, TextKey.SPIN_NOT_ENOUGH_POINTS, values)));
            }
            entries.addAll(applied.entries());
            after = applied.account();
        }
        io.playloop.campaign.Prize prize = spin.prize(spun.prize().id()).orElseThrow();
        String prizeName = BidiIsolate.of(prize.name().in(language, campaign.defaultLanguage()));
        List<Reward> rewards = new ArrayList<>(history.pendingAt(now));
        Map<String, String> values = new HashMap<>();
        values.put("prize", prizeName);
        String body;
        switch (prize.kind()) {
            case PERCENT_DISCOUNT -> {
                Reward reward = new Reward(prize.id(), spinId, now, now.plus(prize.validFor()),
                        Optional.of(CataloguePlay.generate(codeFormat(prize.id()), random)));
                rewards.add(reward);
                values.put("valid_until", date(reward.validUntil(), language));
                values.put("code", reward.code().get());
                body = render(language, TextKey.SPIN_WON_DISCOUNT, values);
            }
            case BONUS_POINTS -> {
                long bonus = prize.bonusPoints();
                LedgerResult granted = after.grant(bonus, BONUS_REASON, "spin:" + spinId, now,
                        now.plus(campaign.points().lotExpiry()));
                if (granted instanceof LedgerResult.Applied applied) {
                    entries.addAll(applied.entries());
                    after = applied.account();
                }
                values.put("earned", Long.toString(bonus));
                values.put("points", Long.toString(after.balance(now)));
                body = render(language, TextKey.SPIN_WON_POINTS, values);
            }
            default -> body = render(language, TextKey.SPIN_TRY_AGAIN, values);
        }
        Optional<LedgerResult.Applied> points = entries.isEmpty() ? Optional.empty()
                : Optional.of(new LedgerResult.Applied(after, entries));
        Command next = prize.kind() == io.playloop.campaign.PrizeKind.PERCENT_DISCOUNT ? Command.REWARDS
                : Command.PLAY;
        return new Step(Optional.of(new SpinHistory(Optional.of(now), rewards)), spun.claim(), points,
                next == Command.REWARDS ? rewardsButton(language, to, body) : play(language, to, body));
    }

    /** REWARDS: the pending rewards as a list message, or the "none yet" text. */
    /**
     * The coupon format of a won discount: the prize id in capitals (letters and digits, at most 8) and eight
     * random characters, e.g. {@code OFF10-XXXX-XXXX}.
     */
    static String codeFormat(String prizeId) {
        String prefix = prizeId.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        prefix = prefix.isEmpty() ? "WIN" : prefix.substring(0, Math.min(8, prefix.length()));
        return prefix.replace('X', 'K') + "-XXXX-XXXX"; // an X in the prefix would be drawn at random
    }

    /** The won prizes still pending, as a header and a line each; empty when none. */
    List<String> pendingLines(SpinHistory history, String language, Instant now) {
        List<Reward> pending = history.pendingAt(now);
        if (pending.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(render(language, TextKey.REWARDS_HEADER, Map.of("count", Integer.toString(pending.size()))));
        for (Reward reward : pending.subList(Math.max(0, pending.size() - 10), pending.size())) {
            String name = spin.prize(reward.prizeId()).map(p -> p.name().in(language, campaign.defaultLanguage()))
                    .orElse(reward.prizeId());
            lines.add(render(language, TextKey.REWARDS_ITEM, Map.of("prize", BidiIsolate.of(name),
                    "valid_until", date(reward.validUntil(), language), "code", reward.code().orElse(""))));
        }
        return List.of(String.join("\n", lines));
    }

    /** REWARDS without a catalogue; {@code none} is rewards_none as the customer reads it (their last product). */
    OutboundMessage rewards(SpinHistory history, String language, String to, String none, Instant now) {
        List<Reward> pending = history.pendingAt(now);
        if (pending.isEmpty()) {
            return play(language, to, none);
        }
        List<ListMessage.Row> rows = new ArrayList<>();
        StringBuilder body = new StringBuilder(render(language, TextKey.REWARDS_HEADER,
                Map.of("count", Integer.toString(pending.size()))));
        for (Reward reward : pending.subList(Math.max(0, pending.size() - 10), pending.size())) {
            String name = spin.prize(reward.prizeId()).map(p -> p.name().in(language, campaign.defaultLanguage()))
                    .orElse(reward.prizeId());
            String validUntil = date(reward.validUntil(), language);
            String line = render(language, TextKey.REWARDS_ITEM, Map.of("prize", BidiIsolate.of(name),
                    "valid_until", validUntil));
            body.append('\n').append(line);
            rows.add(new ListMessage.Row("reward:" + reward.spinId().hashCode() + ":" + rows.size(), cut(name, 24),
                    cut(validUntil, 72)));
        }
        String button = cut(render(language, TextKey.MENU_REWARDS, Map.of()), 20);
        return new ListMessage(to, null, cut(body.toString(), 1024), null, button,
                List.of(new ListMessage.Section(cut(button, 24), rows)));
    }

    private String date(Instant at, String language) {
        return LocalDates.of(at, language, campaign.timeZone());
    }

    private String render(String language, TextKey key, Map<String, String> values) {
        return campaign.texts().render(language, key, values);
    }

    private OutboundMessage play(String language, String to, String body) {
        return new ButtonMessage(to, null, body, null, List.of(new ButtonMessage.Button(CommandIds.of(Command.PLAY),
                render(language, TextKey.BUTTON_PLAY, Map.of()))));
    }

    private OutboundMessage rewardsButton(String language, String to, String body) {
        return new ButtonMessage(to, null, body, null, List.of(
                new ButtonMessage.Button(CommandIds.of(Command.REWARDS),
                        cut(render(language, TextKey.MENU_REWARDS, Map.of()), 20)),
                new ButtonMessage.Button(CommandIds.of(Command.PLAY), render(language, TextKey.BUTTON_PLAY, Map.of()))));
    }

    private static String cut(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
