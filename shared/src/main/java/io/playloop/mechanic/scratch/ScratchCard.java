package io.playloop.mechanic.scratch;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.games.spin.BudgetClaim;
import io.playloop.mechanic.CommandSpec;
import io.playloop.mechanic.ConfigProblems;
import io.playloop.mechanic.DomainEvent;
import io.playloop.mechanic.ItemWrite;
import io.playloop.mechanic.Mechanic;
import io.playloop.mechanic.Slice;
import io.playloop.mechanic.Step;
import io.playloop.mechanic.TextSpec;
import io.playloop.mechanic.Turn;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The daily scratch card as a {@link Mechanic}: SCRATCH draws once per customer-local day (see {@link ScratchRules});
 * the draw, the budget claim ({@code SCRATCH_BUDGET#<prizeId>}, refused by the table past its limit) and the new
 * slice are written with the step, so a redelivered message never scratches twice and two customers never win more
 * than the budget.
 */
public final class ScratchCard implements Mechanic<ScratchConfig, ScratchState> {
    /** Its id and campaign section. */
    public static final String ID = "scratch";
    /** Its command, tapped as {@code cmd:SCRATCH}. */
    public static final CommandSpec SCRATCH = new CommandSpec("SCRATCH", ScratchTexts.KEYWORDS, ScratchTexts.BUTTON,
            ScratchTexts.MENU, ScratchTexts.MENU_DESCRIPTION);
    /** The ledger reason (and cap key) of its bonus points. */
    static final String BONUS_REASON = "scratch.bonus";
    static final String BUDGET_PREFIX = "SCRATCH_BUDGET#";
    private static final Slice<ScratchState> SLICE = new Slice<>("SCRATCH", "scratch card (last scratch)",
            ScratchState.CODEC);
    private static final String PLAY = "PLAY";
    private static final String REWARDS = "REWARDS";
    private static final String FSI = "\u2068";
    private static final String PDI = "\u2069";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ScratchConfig readConfig(JsonNode section, ConfigProblems problems) {
        return ScratchConfig.read(section, problems);
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(SCRATCH);
    }

    @Override
    public Optional<Slice<ScratchState>> slice() {
        return Optional.of(SLICE);
    }

    @Override
    public TextSpec texts() {
        return ScratchTexts.SPEC;
    }

    @Override
    public List<String> counterPrefixes() {
        return List.of(BUDGET_PREFIX);
    }

    @Override
    public Optional<String> rewardName(String itemId, String language, ScratchConfig config) {
        return config.prize(itemId).map(p -> p.name(language));
    }

    @Override
    public Step<ScratchState> answer(CommandSpec command, Turn turn, ScratchConfig config, ScratchState state) {
        String language = turn.language();
        Optional<Instant> next = ScratchRules.nextCardAt(state.lastScratchAt(), turn.sentAt(), turn.zone());
        if (next.isPresent()) {
            String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(Locale.forLanguageTag(language)).withZone(turn.zone()).format(next.get());
            return new Step<>(Optional.of(new Step.Reply(turn.texts().render(language, ScratchTexts.DONE_TODAY,
                    Map.of("next", isolate(when))), List.of(PLAY))), Optional.empty(), List.of(), List.of());
        }
        ScratchConfig.ScratchPrize prize = ScratchRules.draw(config, turn.exhausted(), turn.random());
        Map<String, String> values = new HashMap<>();
        values.put("prize", isolate(prize.name(language)));
        String body;
        List<String> buttons = List.of(PLAY);
        String result = "prize:" + prize.id();
        switch (prize.kind()) {
            case PERCENT_DISCOUNT -> {
                Optional<Turn.IssuedReward> reward = turn.wallet().issue(prize.id(), codeFormat(prize.id()),
                        prize.validFor());
                if (reward.isPresent()) {
                    values.put("code", reward.get().code());
                    values.put("valid_until", isolate(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                            .withLocale(Locale.forLanguageTag(language)).withZone(turn.zone())
                            .format(reward.get().validUntil())));
                    body = turn.texts().render(language, ScratchTexts.WON_DISCOUNT, values);
                    buttons = List.of(REWARDS, PLAY);
                } else {
                    body = turn.texts().render(language, ScratchTexts.TRY_AGAIN, values);
                    result = "try_again";
                }
            }
            case BONUS_POINTS -> {
                long earned = turn.points().grant(prize.value(), BONUS_REASON);
                values.put("earned", Long.toString(earned));
                values.put("points", Long.toString(turn.points().balance()));
                body = turn.texts().render(language, ScratchTexts.WON_POINTS, values);
            }
            default -> {
                body = turn.texts().render(language, ScratchTexts.TRY_AGAIN, values);
                result = "try_again";
            }
        }
        List<ItemWrite> writes = ScratchRules.claim(prize, turn.sentAt(), turn.campaignZone())
                .map(claim -> List.<ItemWrite>of(budget(turn.campaignId(), claim))).orElse(List.of());
        return new Step<>(Optional.of(new Step.Reply(body, buttons)),
                Optional.of(new ScratchState(Optional.of(turn.sentAt()))), writes,
                List.of(new DomainEvent.GamePlayed("", ID, result)));
    }

    /**
     * The claim on a prize's counters: ADD one to the day's ({@code d<yyyy-mm-dd>}) and the total, only while each
     * limited one is below its limit, as the wheel's budgets ({@link BudgetClaim}).
     */
    static ItemWrite budget(String campaignId, BudgetClaim claim) {
        String day = "d" + claim.day();
        Map<String, Long> limits = new HashMap<>();
        claim.dayLimit().ifPresent(limit -> limits.put(day, limit));
        claim.totalLimit().ifPresent(limit -> limits.put("total", limit));
        return new ItemWrite.Add(ItemWrite.Scope.CAMPAIGN, campaignId, BUDGET_PREFIX + claim.prizeId(),
                Map.of(day, 1L, "total", 1L), limits, ItemWrite.Conflict.exhausted(claim.prizeId()));
    }

    /** A won discount's code: {@code S}, the prize id's letters (at most 6) and eight random characters. */
    static String codeFormat(String prizeId) {
        String prefix = prizeId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        prefix = prefix.isEmpty() ? "WIN" : prefix.substring(0, Math.min(6, prefix.length()));
        return "S" + prefix.replace('X', 'K') + "-XXXX-XXXX";
    }

    private static String isolate(String value) {
        return FSI + value + PDI;
    }
}
