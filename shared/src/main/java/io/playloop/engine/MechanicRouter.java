package io.playloop.engine;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.TextKey;
import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.mechanic.CommandSpec;
import io.playloop.mechanic.DomainEvent;
import io.playloop.mechanic.ItemWrite;
import io.playloop.mechanic.Mechanic;
import io.playloop.mechanic.MechanicSections;
import io.playloop.mechanic.SliceChange;
import io.playloop.mechanic.Step;
import io.playloop.mechanic.StoredSlice;
import io.playloop.mechanic.Turn;
import io.playloop.text.TextNormalizer;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.ListMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Routes a message to the campaign's active SPI mechanics ({@link io.playloop.mechanic.Mechanic}) and turns their
 * {@link Step} into what the engine composes: a reply with titled buttons (only of commands that are on), points
 * through the ledger, a wallet reward as the catalogue records one ({@link Redemption}), the slice change, the item
 * writes and the events. It knows no mechanic by name.
 */
final class MechanicRouter {
    private static final String PLAY = "PLAY";
    private static final String REWARDS = "REWARDS";
    private static final int MENU_ROWS_MAX = 10;

    /** A message a mechanic answers: the mechanic's section, the command, and the languages its words are in. */
    record Route(MechanicSections.Section section, CommandSpec command, Set<String> languages) {
    }

    /**
     * What a mechanic's answer comes to.
     *
     * @param reply      the reply, titled
     * @param points     the points after the step's grants, when it granted any
     * @param redemption the reward it put in the wallet, if any
     * @param slices     its slice's new value
     * @param writes     its other items (conflict tokens prefixed with its id)
     * @param events     its events (drafts: numbered later)
     */
    record Played(OutboundMessage reply, Optional<LedgerResult.Applied> points, Optional<Redemption> redemption,
                  List<SliceChange> slices, List<ItemWrite> writes, List<DomainEvent> events) {
    }

    private final Campaign campaign;
    private final boolean rewardsOn;

    MechanicRouter(Campaign campaign) {
        this.campaign = campaign;
        this.rewardsOn = campaign.spin().isPresent() || campaign.has(io.playloop.campaign.Mechanic.CATALOGUE);
    }

    boolean isEmpty() {
        return campaign.mechanics().isEmpty();
    }

    /** The active mechanic this message asks for: a tap on one of its commands, or one of its keywords as the whole text. */
    Optional<Route> route(InboundMessage message) {
        if (isEmpty()) {
            return Optional.empty();
        }
        String replyId = message.replyId();
        String text = message.text() != null ? message.text() : message.replyTitle();
        String typed = text == null ? null : TextNormalizer.normalize(text);
        for (MechanicSections.Section section : campaign.mechanics().all()) {
            for (CommandSpec command : section.mechanic().commands()) {
                if (command.tapId().equals(replyId)) {
                    return Optional.of(new Route(section, command, Set.of()));
                }
                if (typed == null || typed.isEmpty()) {
                    continue;
                }
                Set<String> languages = new LinkedHashSet<>();
                section.keywords().getOrDefault(command.id(), Map.of()).forEach((language, phrases) -> {
                    if (campaign.languages().contains(language)
                            && phrases.stream().anyMatch(p -> TextNormalizer.normalize(p).equals(typed))) {
                        languages.add(language);
                    }
                });
                if (!languages.isEmpty()) {
                    return Optional.of(new Route(section, command, languages));
                }
            }
        }
        return Optional.empty();
    }

    /** The sort keys of the slices this message's mechanic needs (none when it routes to none). */
    Set<String> sliceKeys(InboundMessage message) {
        return route(message).flatMap(r -> r.section().mechanic().slice()).map(s -> Set.of(s.sortKey()))
                .orElse(Set.of());
    }

    /** Runs the routed mechanic's rule for a known customer. */
    Played play(Route route, Map<String, StoredSlice> slices, Customer customer, Map<String, String> attributes,
                PointsAccount account, Set<String> exhaustedTokens, InboundMessage message, RandomGenerator random,
                Instant now) {
        return run(route.section().mechanic(), route, slices, customer, attributes, account, exhaustedTokens, message,
                random, now);
    }

    private <C, S> Played run(Mechanic<C, S> mechanic, Route route, Map<String, StoredSlice> slices, Customer customer,
                              Map<String, String> attributes, PointsAccount account, Set<String> exhaustedTokens,
                              InboundMessage message, RandomGenerator random, Instant now) {
        @SuppressWarnings("unchecked")
        C config = (C) route.section().config();
        String prefix = mechanic.id() + ":";
        S state = mechanic.slice().map(slice -> Optional.ofNullable(slices.get(slice.sortKey()))
                .filter(stored -> stored.version() > 0).map(stored -> slice.codec().decode(stored.attributes()))
                .orElseGet(slice::empty)).orElse(null);
        Set<String> exhausted = new LinkedHashSet<>();
        exhaustedTokens.stream().filter(t -> t.startsWith(prefix)).forEach(t -> exhausted.add(t.substring(prefix.length())));
        String language = customer.language();
        ZoneId zone = CustomerZones.of(customer.waId(), attributes, campaign.timeZone());
        String eventId = message.wamid();
        LedgerCapability points = new LedgerCapability(account, mechanic.id() + ":" + eventId, message.sentAt(), now,
                campaign.points().lotExpiry());
        WalletCapability wallet = new WalletCapability(prefix, eventId, now, random);
        Turn turn = new Turn(customer.key(), campaign.id(), eventId, language, zone, campaign.timeZone(), now,
                message.sentAt(), random, exhausted, points, wallet, route.section().texts());
        Step<S> step = mechanic.answer(route.command(), turn, config, state);

        List<SliceChange> changes = new ArrayList<>();
        step.newState().ifPresent(s -> changes.add(new SliceChange(mechanic.slice().orElseThrow().sortKey(),
                mechanic.slice().get().codec().encode(s))));
        List<ItemWrite> writes = new ArrayList<>();
        for (ItemWrite w : step.writes()) {
            writes.add(namespaced(w, prefix));
        }
        OutboundMessage reply = step.reply().map(r -> reply(route.section(), language, to(customer), r))
                .orElseGet(() -> new ButtonMessage(to(customer), null, " ", null, List.of()));
        Optional<Redemption> redemption = wallet.issued.map(entry -> new Redemption(campaign.id(), entry,
                OptionalLong.empty(), Optional.empty()));
        return new Played(reply, points.applied(), redemption, changes, writes, step.events());
    }

    /** An exhausted token names its mechanic, so a retry tells each only of its own. */
    private static ItemWrite namespaced(ItemWrite w, String prefix) {
        if (w.onConflict().kind() != ItemWrite.Conflict.Kind.EXHAUSTED) {
            return w;
        }
        ItemWrite.Conflict conflict = ItemWrite.Conflict.exhausted(prefix + w.onConflict().token());
        if (w instanceof ItemWrite.Add add) {
            return new ItemWrite.Add(add.scope(), add.owner(), add.sortKey(), add.increments(), add.limits(), conflict);
        }
        ItemWrite.InsertOnce insert = (ItemWrite.InsertOnce) w;
        return new ItemWrite.InsertOnce(insert.scope(), insert.owner(), insert.sortKey(), insert.attributes(), conflict);
    }

    /** A reply with its buttons titled; buttons of commands that are off in this campaign are left out. */
    private OutboundMessage reply(MechanicSections.Section own, String language, String to, Step.Reply reply) {
        List<ButtonMessage.Button> buttons = new ArrayList<>();
        for (String id : reply.buttons()) {
            Optional<String> title = buttonTitle(own, id, language);
            if (title.isPresent() && buttons.size() < 3) {
                buttons.add(new ButtonMessage.Button(CommandSpec.TAP_PREFIX + id, cut(title.get(), 20)));
            }
        }
        return new ButtonMessage(to, null, cut(reply.body(), 1024), null, buttons);
    }

    private Optional<String> buttonTitle(MechanicSections.Section own, String id, String language) {
        if (PLAY.equals(id)) {
            return Optional.of(campaign.texts().render(language, TextKey.BUTTON_PLAY, Map.of()));
        }
        if (REWARDS.equals(id)) {
            return rewardsOn ? Optional.of(campaign.texts().render(language, TextKey.MENU_REWARDS, Map.of()))
                    : Optional.empty();
        }
        for (MechanicSections.Section section : campaign.mechanics().all()) {
            for (CommandSpec command : section.mechanic().commands()) {
                if (command.id().equals(id)) {
                    return Optional.of(section.texts().render(language, command.buttonKey(), Map.of()));
                }
            }
        }
        return Optional.empty();
    }

    /** The PLAY menu with a row for each active mechanic's command, after the engine's own (at most 10 rows). */
    OutboundMessage withMenuRows(OutboundMessage menu, String language) {
        if (isEmpty() || !(menu instanceof ListMessage list) || list.sections().isEmpty()) {
            return menu;
        }
        List<ListMessage.Row> rows = new ArrayList<>(list.sections().get(0).rows());
        for (MechanicSections.Section section : campaign.mechanics().all()) {
            for (CommandSpec command : section.mechanic().commands()) {
                if (rows.size() < MENU_ROWS_MAX) {
                    rows.add(new ListMessage.Row(command.tapId(),
                            cut(section.texts().render(language, command.menuTitleKey(), Map.of()), 24),
                            cut(section.texts().render(language, command.menuDescriptionKey(), Map.of()), 72)));
                }
            }
        }
        List<ListMessage.Section> sections = new ArrayList<>(list.sections());
        sections.set(0, new ListMessage.Section(list.sections().get(0).title(), rows));
        return new ListMessage(list.to(), list.header(), list.body(), list.footer(), list.buttonLabel(), sections);
    }

    /** Lines for REWARDS about the usable rewards the active mechanics put in the wallet. */
    List<String> heldLines(Replies replies, String language, Progress progress, Instant now) {
        List<String> lines = new ArrayList<>();
        for (WalletEntry w : progress.wallet()) {
            if (!w.usableAt(now) || w.code().isEmpty()) {
                continue;
            }
            for (MechanicSections.Section section : campaign.mechanics().all()) {
                String prefix = section.mechanic().id() + ":";
                if (w.itemId().startsWith(prefix)) {
                    rewardName(section.mechanic(), section, w.itemId().substring(prefix.length()), language)
                            .ifPresent(name -> lines.add(replies.line(language, TextKey.REWARD_DELIVERED,
                                    Map.of("reward", Replies.isolate(name), "code", w.code().get(),
                                            "valid_until", LocalDates.of(w.validUntil(), language,
                                                    campaign.timeZone())))));
                }
            }
        }
        return lines;
    }

    private static <C> Optional<String> rewardName(Mechanic<C, ?> mechanic, MechanicSections.Section section,
                                                   String itemId, String language) {
        @SuppressWarnings("unchecked")
        C config = (C) section.config();
        return mechanic.rewardName(itemId, language, config);
    }

    private static String to(Customer customer) {
        String address = customer.address();
        return address != null && !address.isBlank() ? address : customer.key();
    }

    private static String cut(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Points through the one ledger: each grant once per step and reason, the ledger's lots and expiry. */
    private static final class LedgerCapability implements Turn.Points {
        private final String eventId;
        private final Instant at;
        private final Instant now;
        private final Duration lotExpiry;
        private PointsAccount account;
        private final List<LedgerEntry> entries = new ArrayList<>();

        LedgerCapability(PointsAccount account, String eventId, Instant at, Instant now, Duration lotExpiry) {
            this.account = account;
            this.eventId = eventId;
            this.at = at;
            this.now = now;
            this.lotExpiry = lotExpiry;
        }

        @Override
        public long balance() {
            return account.balance(now);
        }

        @Override
        public long grant(long points, String reason) {
            if (points <= 0 || !entries.isEmpty()) {
                return 0; // one grant per step: its ledger entry is keyed by the step's event id
            }
            if (account.grant(points, reason, eventId, at, at.plus(lotExpiry)) instanceof LedgerResult.Applied applied) {
                account = applied.account();
                entries.addAll(applied.entries());
                return points;
            }
            return 0;
        }

        Optional<LedgerResult.Applied> applied() {
            return entries.isEmpty() ? Optional.empty() : Optional.of(new LedgerResult.Applied(account, entries));
        }
    }

    /** The wallet, as the catalogue fills it: one reward per step, its code generated now. */
    private static final class WalletCapability implements Turn.Wallet {
        private final String prefix;
        private final String eventId;
        private final Instant now;
        private final RandomGenerator random;
        private Optional<WalletEntry> issued = Optional.empty();

        WalletCapability(String prefix, String eventId, Instant now, RandomGenerator random) {
            this.prefix = prefix;
            this.eventId = eventId;
            this.now = now;
            this.random = random;
        }

        @Override
        public Optional<Turn.IssuedReward> issue(String itemId, String codeFormat, Duration validFor) {
            if (issued.isPresent()) {
                return Optional.empty();
            }
            String code = CataloguePlay.generate(codeFormat, random);
            WalletEntry entry = new WalletEntry(prefix + itemId + ":" + eventId, prefix + itemId, Optional.of(code),
                    now, now.plus(validFor), Optional.empty());
            issued = Optional.of(entry);
            return Optional.of(new Turn.IssuedReward(entry.rewardId(), code, entry.validUntil()));
        }
    }
}
