package io.playloop.engine;

import io.playloop.text.LanguageDefaults;
import io.playloop.campaign.Action;
import io.playloop.campaign.Badge;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.Command;
import io.playloop.campaign.KeywordRule;
import io.playloop.commerce.CommerceEvent;
import io.playloop.games.challenge.Completion;
import io.playloop.games.leaderboard.Board;
import io.playloop.games.leaderboard.Rank;
import io.playloop.games.leaderboard.Score;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.games.leaderboard.Standings;
import io.playloop.games.leaderboard.WeekKey;
import io.playloop.games.quiz.OptionIds;
import io.playloop.games.referral.AdReferral;
import io.playloop.games.referral.ReferralCode;
import io.playloop.games.referral.ReferralCodeParser;
import io.playloop.games.quiz.QuizSession;
import io.playloop.ledger.EarningCap;
import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.text.TextNormalizer;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The game rules: plain Java, no I/O, no AWS types, deterministic. Given the customer's state (or none
 * for a first contact) and one inbound message, decides the new state, the consent event and the reply.
 *
 * <p>What it knows in this release:
 * <ul>
 *   <li>first contact: creates the customer and answers with one welcome that names the business, greets
 *       by name, explains POINTS / HELP / STOP and asks for consent to proactive messages (a START button);
 *       when the first message is itself a command, the same message answers it;</li>
 *   <li>the campaign's commands, typed in any of its languages or tapped ({@code cmd:...} ids): PLAY (a list
 *       message with the games), LANG (buttons per language; {@code LANG fr} switches at once), and
 *       HELP, POINTS, START (consent with a {@link ConsentChange}), STOP (withdrawal, also from a customer
 *       who never answered), typed in en/fr/ar or tapped ({@code cmd:...} ids);</li>
 *   <li>games: a promotional keyword of the campaign's earning rules grants its points within its caps;
 *       QUIZ asks a question with signed option ids and a tapped option is judged by its id
 *       ({@link QuizPlay}); SPIN draws within the cooldown and budgets and REWARDS lists pending rewards
 *       ({@link SpinPlay}); every step answers in one message; POINTS shows the live balance (expired lots
 *       no longer count) and the tier progress by points earned;</li>
 *   <li>progress after every step ({@link ProgressPlay}): a code in a new customer's first message (typed,
 *       prefilled from a wa.me link, or in a click-to-WhatsApp ad) attributes them to the referrer, once;
 *       the referral counts when the friend has opted in and done a qualifying action, and the referrer is
 *       paid on their next message; action counters, challenges and the daily streak (at the customer's
 *       midnight), the tier multiplier as its own ledger line, tier changes, badges and this week's
 *       leaderboard score. REFER, BADGES and TOP answer from it ({@link ProgressReplies}); whatever a step
 *       has to say is appended to its one reply ({@link Notices});</li>
 *   <li>anything else: a polite "didn't understand" quoting the text, or "I can read text and buttons"
 *       for media; reactions and system notices are not answered;</li>
 *   <li>a message handled more than 24 hours after it was sent changes state but gets no reply
 *       ({@link Outcome#windowClosed()}).</li>
 * </ul>
 * Consent is an audit trail: a START or STOP sent before the stored consent's time (an out-of-order
 * delivery) does not overturn the customer's later decision.
 */
public final class Engine {
    /** Meta's customer-service window: free-form replies only within 24 h of the customer's message. */
    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    /** Longest business name accepted, in code points: it appears in several texts of one message. */
    public static final int BUSINESS_NAME_MAX = 100;
    /** The ledger reason (and cap key) of a promotional keyword's grants: {@code keyword.<rule id>}. */
    public static final String KEYWORD_REASON = "keyword.";

    private final Campaign campaign;
    private final IntentResolver resolver;
    private final LanguagePolicy languages;
    private final Replies replies;
    private final QuizPlay quiz;
    private final CataloguePlay catalogue;
    private final CommercePlay commerce;
    private final SpinPlay wheel;
    private final Supplier<OptionIds> optionIds;
    private final Supplier<RandomGenerator> randoms;
    private final ProgressPlay progress;
    private final ProgressReplies progressReplies;
    /** The referral key, asked for on the first message that needs it (never while SnapStart primes). */
    private final Supplier<byte[]> referralSecret;
    private volatile ReferralCodeParser referralCodes;
    /** The campaign's SPI mechanics ({@link io.playloop.mechanic.Mechanic}): routed to before the engine's own games. */
    private final MechanicRouter mechanics;

    /**
     * Creates the engine for one campaign and checks, for every language, that each reply it can send fits
     * WhatsApp's limits even with the longest name, quote and balance, so a campaign or business name that
     * would produce a message Meta refuses fails here, when the campaign is first played, not on a
     * customer's message.
     *
     * @param campaign     keywords, texts and games (the active campaign)
     * @param catalog      what the campaign format does not carry: calling code and script to language,
     *                     and the commands only a whole message gives
     * @param businessName the name the welcome and the STOP confirmation use (1 to 100 code points)
     * @throws IllegalArgumentException when the business name is unusable, or a reply would break
     *                                  WhatsApp's limits
     */
    public Engine(Campaign campaign, LanguageDefaults catalog, String businessName) {
        this(campaign, catalog, businessName, randomOptionIds(), SecureRandom::new);
    }

    /**
     * Creates the engine for one campaign with the quiz's signing key and the random source of draws.
     *
     * @param optionIds signs and verifies quiz option ids (asked once per message: the key may rotate)
     * @param randoms   the random source of draws, asked once per draw (a seeded one in tests; in the
     *                  Lambda a new {@link SecureRandom}, never one created at SnapStart initialisation)
     */
    public Engine(Campaign campaign, LanguageDefaults catalog, String businessName, Supplier<OptionIds> optionIds,
                  Supplier<RandomGenerator> randoms) {
        this(campaign, catalog, businessName, optionIds, randoms, randomSecret()::clone);
    }

    /**
     * Creates the engine with the secret referral codes are derived from ({@link ReferralCode}): codes made
     * with another secret do not verify, so it must stay the same for the life of the deployment.
     */
    public Engine(Campaign campaign, LanguageDefaults catalog, String businessName, Supplier<OptionIds> optionIds,
                  Supplier<RandomGenerator> randoms, byte[] referralSecret) {
        this(campaign, catalog, businessName, optionIds, randoms, Objects.requireNonNull(referralSecret,
                "referralSecret").clone()::clone);
    }

    /**
     * Creates the engine with the referral key's source, asked once, when a message first needs a code: an
     * engine built before the secret is readable (SnapStart priming) still works.
     */
    public Engine(Campaign campaign, LanguageDefaults catalog, String businessName, Supplier<OptionIds> optionIds,
                  Supplier<RandomGenerator> randoms, Supplier<byte[]> referralSecret) {
        this.referralSecret = memoized(Objects.requireNonNull(referralSecret, "referralSecret"));
        this.optionIds = Objects.requireNonNull(optionIds, "optionIds");
        this.randoms = Objects.requireNonNull(randoms, "randoms");
        this.campaign = Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(catalog, "catalog");
        if (businessName == null || businessName.isBlank()) {
            throw new IllegalArgumentException("the business name must not be blank: the welcome names it");
        }
        String name = businessName.strip();
        if (name.codePointCount(0, name.length()) > BUSINESS_NAME_MAX) {
            throw new IllegalArgumentException("the business name has " + name.codePointCount(0, name.length())
                    + " characters; at most " + BUSINESS_NAME_MAX + " fit in a WhatsApp interactive message");
        }
        this.resolver = new IntentResolver(campaign, catalog);
        this.languages = new LanguagePolicy(campaign, catalog);
        this.replies = new Replies(campaign, name);
        this.quiz = campaign.quiz().isPresent() ? new QuizPlay(campaign) : null;
        this.wheel = campaign.spin().isPresent() ? new SpinPlay(campaign) : null;
        this.catalogue = campaign.has(io.playloop.campaign.Mechanic.CATALOGUE) ? new CataloguePlay(campaign) : null;
        this.commerce = new CommercePlay(campaign);
        this.progress = new ProgressPlay(campaign);
        this.progressReplies = new ProgressReplies(campaign);
        this.mechanics = new MechanicRouter(campaign);
        checkEveryReplyFits();
    }

    /**
     * The slices {@link #handle} needs for this message, resolved as {@code handle} resolves it but without any state:
     * a tapped answer or text the open question may take reads the quiz; SPIN and REWARDS the wheel; TOP the board;
     * a referral code its holder. A plan that misses a slice the step then writes is caught by the caller
     * ({@link ReadPlan#covers}) and the step runs again on everything.
     */
    public ReadPlan readPlan(InboundMessage message) {
        Objects.requireNonNull(message, "message");
        boolean tapped = "interactive".equals(message.type()) || "button".equals(message.type());
        Intent intent;
        if (QuizPlay.looksLikeAnswer(message.replyId()) && tapped) {
            intent = Intent.ANSWER;
        } else if (CataloguePlay.isRow(message.replyId()) && tapped) {
            intent = Intent.REDEEM;
        } else {
            Resolution resolution = resolver.resolve(message);
            intent = resolution.intent() == Intent.UNKNOWN && resolution.text() != null
                    && campaign.points().keywordRule(resolution.text()).isPresent() ? Intent.EARN : resolution.intent();
        }
        boolean quizSlice = quiz != null && (intent == Intent.QUIZ || intent == Intent.ANSWER || intent == Intent.UNKNOWN);
        boolean spinSlice = intent == Intent.SPIN || intent == Intent.REWARDS;
        boolean boardSlice = intent == Intent.TOP && campaign.leaderboard().isPresent();
        return new ReadPlan(quizSlice, spinSlice, boardSlice, referralCodeIn(message), sliceKeysFor(message));
    }

    /**
     * The referral code a message carries (typed, prefilled from a wa.me link, or in a click-to-WhatsApp
     * ad's referral), if its check characters verify: the processor reads who holds it with the snapshot.
     */
    public Optional<ReferralCode> referralCodeIn(InboundMessage message) {
        Optional<AdReferral> ad = Optional.ofNullable(message.raw()).map(raw -> raw.get("referral"))
                .filter(r -> r != null && r.isObject())
                .map(r -> new AdReferral(text(r, "source_url"), text(r, "headline"), text(r, "body")));
        ReferralCodeParser parser = referralCodes;
        if (parser == null) {
            parser = new ReferralCodeParser(referralSecret.get());
            referralCodes = parser;
        }
        return parser.find(Optional.ofNullable(message.text()), ad);
    }

    private static Optional<String> text(com.fasterxml.jackson.databind.JsonNode node, String field) {
        com.fasterxml.jackson.databind.JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText())
                : Optional.empty();
    }

    /**
     * The sort keys of the SPI mechanics' slices this message needs (its routed mechanic's), for the store to read
     * with the snapshot: a message no mechanic answers reads none.
     */
    public Set<String> sliceKeysFor(InboundMessage message) {
        return mechanics.sliceKeys(message);
    }

    /** The campaign this engine plays. */
    public Campaign campaign() {
        return campaign;
    }

    /**
     * Applies one inbound message.
     *
     * @param current the stored customer, or null on first contact
     * @param message the message (already deduplicated by the caller)
     * @param now     the processing time; a message older than 24 hours gets no free-form reply
     */
    public Outcome handle(Customer current, InboundMessage message, Instant now) {
        return handle(current, PointsAccount.empty(), message, now);
    }

    /**
     * Applies one inbound message to a customer and their points account.
     *
     * @param current the stored customer, or null on first contact
     * @param account the stored points account (empty when none)
     * @param message the message (already deduplicated by the caller)
     * @param now     the processing time; a message older than 24 hours gets no free-form reply
     */
    public Outcome handle(Customer current, PointsAccount account, InboundMessage message, Instant now) {
        return handle(current, new PlayerState(account, QuizSession.start()), message, now);
    }

    /**
     * Applies one inbound message to a customer and their game state.
     *
     * @param current the stored customer, or null on first contact
     * @param state   the stored points account and quiz session ({@link PlayerState#NEW} when none)
     * @param message the message (already deduplicated by the caller)
     * @param now     the processing time; a message older than 24 hours gets no free-form reply and
     *                plays no game step
     */
    public Outcome handle(Customer current, PlayerState state, InboundMessage message, Instant now) {
        Objects.requireNonNull(state, "state");
        PointsAccount account = state.points();
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(now, "now");
        if (current != null && !current.key().equals(message.customerKey())) {
            throw new IllegalArgumentException("message " + message.wamid() + " belongs to another customer");
        }
        boolean tapped = "interactive".equals(message.type()) || "button".equals(message.type());
        Optional<Intent> erasureAnswer = tapped && current != null && ErasurePlay.looksLikeAnswer(message.replyId())
                ? ErasurePlay.answer(optionIds.get(), current, message.replyId(), now) : Optional.empty();
        Resolution resolution = erasureAnswer.isPresent()
                ? new Resolution(erasureAnswer.get(), Set.of(), true, message.replyTitle())
                : QuizPlay.looksLikeAnswer(message.replyId()) && tapped
                ? new Resolution(Intent.ANSWER, Set.of(), true, message.replyTitle())
                : CataloguePlay.isRow(message.replyId()) && tapped
                ? new Resolution(Intent.REDEEM, Set.of(), true, message.replyTitle())
                : resolver.resolve(message);
        Optional<KeywordRule> earnRule = Optional.empty();
        if (resolution.intent() == Intent.UNKNOWN && resolution.text() != null) {
            earnRule = campaign.points().keywordRule(resolution.text());
            if (earnRule.isPresent()) {
                resolution = new Resolution(Intent.EARN, languagesOf(earnRule.get(), resolution.text()),
                        resolution.tapped(), resolution.text());
            }
        }
        if (resolution.intent() == Intent.UNKNOWN && current != null && quiz != null
                && quiz.isTypedAnswer(state.quiz(), message, current.language(), now)) {
            // Text no command or keyword took: a typed option (text, letter, number) answers
            // the open question like a tap: see QuizPlay.
            resolution = new Resolution(Intent.ANSWER, Set.of(), false, resolution.text());
        }
        // --- SPI mechanics: a text or tap no command, keyword or quiz answer took (see MechanicRouter).
        Optional<MechanicRouter.Route> routed = resolution.intent() == Intent.UNKNOWN ? mechanics.route(message)
                : Optional.empty();
        if (routed.isPresent()) {
            resolution = new Resolution(Intent.UNKNOWN, routed.get().languages(), resolution.tapped(), resolution.text());
        }
        String language = languages.choose(current, message, resolution);
        Customer customer = current == null ? newCustomer(message, language) : refresh(current, message, language);

        Optional<ConsentChange> change = Optional.empty();
        Optional<OutboundMessage> reply;
        Intent intent = resolution.intent();
        if (intent == Intent.START || intent == Intent.STOP) {
            boolean optIn = intent == Intent.START;
            if (changesConsent(customer.consent(), optIn, message.sentAt())) {
                customer = customer.withConsent(new Consent(optIn, message.sentAt(), message.wamid()));
                change = Optional.of(new ConsentChange(optIn, message.sentAt(), message.wamid(),
                        resolution.tapped() ? ConsentChange.BUTTON : ConsentChange.KEYWORD, language));
            }
        }
        Optional<LedgerResult.Applied> points = Optional.empty();
        long earned = 0;
        List<Action> actions = new ArrayList<>();
        long ruleEarned = 0;
        if (earnRule.isPresent()) {
            actions.add(Action.KEYWORD);
            KeywordRule rule = earnRule.get();
            String reason = KEYWORD_REASON + rule.id();
            Instant at = message.sentAt();
            earned = new EarningCap(reason, rule.cap().perDay(), rule.cap().perWeek())
                    .grantable(rule.points(), account.entries(), at, campaign.timeZone());
            if (earned > 0 && account.grant(earned, reason, message.wamid(), at,
                    at.plus(campaign.points().lotExpiry())) instanceof LedgerResult.Applied applied) {
                points = Optional.of(applied);
                account = applied.account();
                ruleEarned = earned;
            } else {
                earned = 0;
            }
        }
        boolean windowOpen = !now.isAfter(message.sentAt().plus(SERVICE_WINDOW));
        Optional<QuizSession> quizChange = Optional.empty();
        Optional<OutboundMessage> gameReply = Optional.empty();
        Intent played = resolution.intent();
        if (current != null && windowOpen && (played == Intent.QUIZ || played == Intent.ANSWER) && quiz != null) {
            OptionIds ids = optionIds.get();
            QuizPlay.Step step = played == Intent.QUIZ
                    ? quiz.ask(state.quiz(), customer.key(), customer.language(), to(customer), ids, randoms.get(), now)
                    : quiz.answer(state.quiz(), account, message, customer.key(), customer.language(),
                            to(customer), ids, now);
            quizChange = step.session();
            if (step.session().isPresent() && step.session().get().answers() > state.quiz().answers()) {
                actions.add(Action.QUIZ_ANSWER);
                if (step.session().get().correctAnswers() > state.quiz().correctAnswers()) {
                    actions.add(Action.QUIZ_CORRECT);
                }
            }
            ruleEarned += step.points().map(p -> p.entries().stream().filter(e -> QuizPlay.REASON.equals(e.reason()))
                    .mapToLong(LedgerEntry::earned).sum()).orElse(0L);
            if (step.points().isPresent()) {
                points = step.points();
                account = step.points().get().account();
            }
            gameReply = Optional.of(step.reply());
        }
        Optional<Outcome.SpinOutcome> spinChange = Optional.empty();
        if (current != null && windowOpen && played == Intent.SPIN && wheel != null) {
            SpinPlay.Step step = wheel.spin(state.spin(), account, state.exhaustedPrizes(), message.wamid(),
                    customer.language(), to(customer), CustomerZones.of(customer.waId(), state.progress().attributes(),
                            campaign.timeZone()), randoms.get(), now);
            spinChange = step.history().map(h -> new Outcome.SpinOutcome(h, step.claim()));
            if (spinChange.isPresent()) {
                actions.add(Action.SPIN);
            }
            if (step.points().isPresent()) {
                points = step.points();
                account = step.points().get().account();
            }
            gameReply = Optional.of(step.reply());
        }
        Optional<Redemption> redemption = Optional.empty();
        Replies early = personal(customer, account, state.progress(), now);
        if (current != null && windowOpen && played == Intent.REWARDS && catalogue != null) {
            List<String> held = new ArrayList<>(catalogue.heldLines(early, customer.language(), state.progress(), now));
            held.addAll(mechanics.heldLines(early, customer.language(), state.progress(), now)); // SPI mechanics' rewards
            if (wheel != null) {
                held.addAll(wheel.pendingLines(state.spin(), customer.language(), now));
            }
            if (held.isEmpty() && wheel != null) {
                held.add(early.line(customer.language(), io.playloop.campaign.TextKey.REWARDS_NONE, java.util.Map.of()));
            }
            gameReply = Optional.of(catalogue.list(early, customer.language(), to(customer), account,
                    state.progress(), held, now));
        } else if (current != null && windowOpen && played == Intent.REDEEM && catalogue != null) {
            CataloguePlay.Step step = catalogue.redeem(early, customer.language(), to(customer),
                    catalogue.chosen(message.replyId(), message.text()), message.text(), account, state.progress(),
                    state.exhaustedPrizes(), message.wamid(), randoms.get(), now);
            redemption = step.redemption();
            if (step.points().isPresent()) {
                points = step.points();
                account = step.points().get().account();
            }
            gameReply = Optional.of(step.reply());
        }
        if (current != null && windowOpen && played == Intent.REWARDS && wheel != null && catalogue == null) {
            gameReply = Optional.of(wheel.rewards(state.spin(), customer.language(), to(customer),
                    early.line(customer.language(), io.playloop.campaign.TextKey.REWARDS_NONE, java.util.Map.of()), now));
        }
        // --- SPI mechanics: the routed one answers; its points, wallet reward, slice, writes and events are collected.
        Optional<MechanicRouter.Played> mechanicStep = Optional.empty();
        if (routed.isPresent() && current != null && windowOpen) {
            mechanicStep = Optional.of(mechanics.play(routed.get(), state.slices(), customer,
                    state.progress().attributes(), account, state.exhaustedPrizes(), message, randoms.get(), now));
            gameReply = Optional.of(mechanicStep.get().reply());
            redemption = mechanicStep.get().redemption();
            if (mechanicStep.get().points().isPresent()) {
                points = mechanicStep.get().points();
                account = points.get().account();
            }
        }
        // Progress: referrals, counters, streak, tier bonus, challenges, tier, badges, weekly score.
        Replies forCustomer = personal(customer, account, state.progress(), now);
        ProgressPlay.Step step = progress.apply(state.progress(), account, points, customer, current != null,
                windowOpen ? actions : List.of(), windowOpen ? ruleEarned : 0,
                windowOpen ? state.codeHolder() : Optional.empty(), message.wamid(), message.sentAt(), forCustomer);
        if (step.points().isPresent()) {
            points = step.points();
            account = step.points().get().account();
        }
        Progress progressAfter = step.progress();
        if (redemption.isPresent()) {
            List<WalletEntry> wallet = new ArrayList<>(progressAfter.wallet());
            wallet.add(redemption.get().entry());
            progressAfter = progressAfter.withWallet(wallet);
        }
        forCustomer = personal(customer, account, progressAfter, now);
        Optional<ReferralCode> codeClaim = Optional.empty();
        boolean erase = false;
        if (played == Intent.ERASE) {
            gameReply = Optional.of(ErasurePlay.ask(forCustomer, optionIds.get(), customer.key(), customer.language(),
                    to(customer), now));
        } else if (played == Intent.ERASE_CONFIRM) {
            // Even past the 24-hour window (a backlog): the customer asked, the reply is what may not go.
            erase = true;
            gameReply = Optional.of(forCustomer.eraseDone(customer.language(), to(customer)));
        } else if (played == Intent.ERASE_CANCEL) {
            gameReply = Optional.of(forCustomer.eraseCancelled(customer.language(), to(customer)));
        }
        if (current != null && windowOpen && played == Intent.REFER) {
            String key = customer.key();
            ReferralCode code = progressAfter.referralCode().map(ReferralCode::new)
                    .orElseGet(() -> ReferralCode.of(key, referralSecret.get(), state.codeAttempt()));
            if (progressAfter.referralCode().isEmpty()) {
                codeClaim = Optional.of(code);
                progressAfter = progressAfter.withReferral(Optional.of(code.value()), progressAfter.referredBy(),
                        progressAfter.referralsCredited());
            }
            gameReply = Optional.of(progressReplies.refer(forCustomer, customer.language(), to(customer), code,
                    message.displayPhoneNumber(), progressAfter, now, CustomerZones.of(customer.waId(),
                            progressAfter.attributes(), campaign.timeZone())));
        } else if (current != null && windowOpen && played == Intent.BADGES && !campaign.badges().isEmpty()) {
            gameReply = Optional.of(progressReplies.badges(forCustomer, customer.language(), to(customer), progressAfter));
        } else if (current != null && windowOpen && played == Intent.TOP && campaign.leaderboard().isPresent()) {
            gameReply = Optional.of(top(forCustomer, state.board(), progressAfter, customer, now));
        }
        // The profile keeps the live balance for reports; expired lots no longer count in it.
        customer = customer.withPoints(account.balance(now));
        forCustomer = personal(customer, account, progressAfter, now);
        reply = gameReply.isPresent() ? gameReply : current == null ? firstContactReply(forCustomer, customer, resolution)
                : reply(forCustomer, current, customer, account, resolution, change.isPresent(), earned);
        if (resolution.intent() == Intent.PLAY && reply.isPresent()) {
            reply = Optional.of(mechanics.withMenuRows(reply.get(), customer.language())); // SPI mechanics' rows
        }
        List<String> notices = new ArrayList<>(step.notices());
        if (current != null && resolution.intent() == Intent.POINTS) {
            notices.addAll(progressReplies.challengeLines(forCustomer, customer.language(), progressAfter, now,
                    CustomerZones.of(customer.waId(), progressAfter.attributes(), campaign.timeZone())));
        }
        if (reply.isPresent() && !notices.isEmpty()) {
            reply = Optional.of(Notices.append(reply.get(), notices));
        }
        Optional<Outcome.ProgressOutcome> progressChange = progressAfter.equals(state.progress()) ? Optional.empty()
                : Optional.of(new Outcome.ProgressOutcome(progressAfter, step.badges().stream().map(Badge::id).toList(),
                        step.completions().stream().map(Completion::id).toList(), step.attributed(), step.qualified(),
                        step.score(), codeClaim, redemption, List.of()));

        boolean windowClosed = false;
        if (reply.isPresent() && !windowOpen) {
            reply = Optional.empty();
            windowClosed = true;
        }
        Outcome outcome = new Outcome(customer, change, reply,
                routed.map(r -> r.command().id().toLowerCase(java.util.Locale.ROOT)).orElse(resolution.intent().id()),
                windowClosed, points, quizChange, spinChange, progressChange, erase);
        return OutcomeEvents.attach(outcome, message.wamid(), state, false,
                mechanicStep.map(MechanicRouter.Played::events).orElse(List.of()),
                mechanicStep.map(MechanicRouter.Played::slices).orElse(List.of()),
                mechanicStep.map(MechanicRouter.Played::writes).orElse(List.of()));
    }

    /**
     * Whether the customer's account shows that this order was applied before (its grant's lot or entry): a
     * redelivery whose receipt has expired, to acknowledge without applying, or its order would count twice.
     */
    public static boolean appliedBefore(CommerceEvent event, PointsAccount account) {
        return CommercePlay.appliedBefore(event, account);
    }

    /**
     * Applies an event from the shop to a customer (created if the shop knows them before the chat does):
     * order points, refunds, coupons used, attributes, and the progress an order makes. No reply: see
     * {@link CommercePlay}.
     *
     * @param current the stored customer, or null when the shop reports them first
     * @param state   their game state
     * @param event   the order, refund or update (already deduplicated by its event id)
     */
    public Outcome applyCommerce(Customer current, PlayerState state, CommerceEvent event, Instant now) {
        Objects.requireNonNull(event, "event");
        Customer customer = current != null ? current : new Customer(event.customerKey(), event.customerKey(), null,
                null, languages.ofNumber(event.customerKey()), 0, Consent.NONE, event.occurredAt(), null, 0);
        CommercePlay.Step step = commerce.apply(event, state.points(), state.progress(), state.spin());
        PointsAccount account = step.points().map(LedgerResult.Applied::account).orElse(state.points());
        ProgressPlay.Step progressStep = progress.apply(state.progress(), account, step.points(), customer,
                current != null, step.actions(), step.ruleEarned(), Optional.empty(), event.eventId(),
                event.occurredAt(), personal(customer, account, state.progress(), now));
        Optional<LedgerResult.Applied> points = progressStep.points().isPresent() ? progressStep.points() : step.points();
        account = points.map(LedgerResult.Applied::account).orElse(account);
        Progress after = progressStep.progress().withWallet(step.wallet()).withAttributes(step.attributes());
        customer = customer.withPoints(account.balance(now));
        Optional<Outcome.ProgressOutcome> change = after.equals(state.progress()) && step.couponsUsed().isEmpty()
                ? Optional.empty()
                : Optional.of(new Outcome.ProgressOutcome(after, progressStep.badges().stream().map(Badge::id).toList(),
                        progressStep.completions().stream().map(Completion::id).toList(), Optional.empty(),
                        progressStep.qualified(), progressStep.score(), Optional.empty(), Optional.empty(),
                        step.couponsUsed()));
        String intent = event instanceof CommerceEvent.OrderPaid ? "order"
                : event instanceof CommerceEvent.OrderRefunded ? "refund" : "customer_update";
        return OutcomeEvents.attach(new Outcome(customer, Optional.empty(), Optional.empty(), intent, false, points,
                Optional.empty(), step.wheel().map(h -> new Outcome.SpinOutcome(h, Optional.empty())), change),
                event.eventId(), state, true, List.of(), List.of(), List.of());
    }

    /** TOP: the week's board as loaded before the step, and the customer's rank from their own score. */
    private OutboundMessage top(Replies replies, Board loaded, Progress progress, Customer customer, Instant now) {
        String week = WeekKey.of(now, campaign.timeZone());
        Board board = loaded.week().equals(week) ? loaded.limit(campaign.leaderboard().orElseThrow().top())
                : Board.empty(week);
        Optional<Score> mine = progress.weeklyScore()
                .filter(s -> s.sk().equals(ScoreItem.boardPrefix(campaign.id(), week))).map(ScoreItem::score);
        Rank rank = Standings.rank(board, mine);
        return progressReplies.top(replies, customer.language(), to(customer), board.top(), rank, mine);
    }

    private static Supplier<byte[]> memoized(Supplier<byte[]> source) {
        return new Supplier<>() {
            private volatile byte[] value;

            @Override
            public byte[] get() {
                byte[] v = value;
                if (v == null) {
                    v = Objects.requireNonNull(source.get(), "referral secret").clone();
                    value = v;
                }
                return v;
            }
        };
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /**
     * True when START ({@code optIn}) or STOP changes the stored consent: START unless already given, STOP
     * when consent was given or never asked; never when the message predates the stored decision.
     */
    private static boolean changesConsent(Consent consent, boolean optIn, Instant sentAt) {
        boolean neverAnswered = consent.changedAt() == null;
        if (!neverAnswered && sentAt.isBefore(consent.changedAt())) {
            return false;
        }
        return optIn ? !consent.proactive() : consent.proactive() || neverAnswered;
    }

    /** The texts for this customer: their name, live balance and held tier fill the personal placeholders. */
    private Replies personal(Customer customer, PointsAccount account, Progress progress, Instant now) {
        String tier = progress.tier().flatMap(id -> campaign.tiers().stream().filter(t -> t.id().equals(id)).findFirst())
                .map(t -> t.name().in(customer.language(), campaign.defaultLanguage())).orElse(null);
        return replies.forCustomer(new Replies.Personal(Replies.displayName(customer.name()), account.balance(now), tier,
                progress.attributes().get("last_product")));
    }

    private Optional<OutboundMessage> firstContactReply(Replies replies, Customer customer, Resolution resolution) {
        if (resolution.intent() == Intent.REACTION || resolution.intent() == Intent.IGNORED) {
            return Optional.empty();
        }
        // The welcome answers POINTS, START and STOP itself; any other first command gets the full welcome.
        Command command = resolution.command()
                .filter(c -> c == Command.POINTS || c == Command.START || c == Command.STOP).orElse(null);
        return Optional.of(replies.welcome(customer.language(), to(customer), Replies.displayName(customer.name()),
                customer.points(), command));
    }

    private Optional<OutboundMessage> reply(Replies replies, Customer before, Customer after, PointsAccount account,
                                            Resolution resolution, boolean consentChanged, long earned) {
        String language = after.language();
        String to = to(after);
        String name = Replies.displayName(after.name());
        return switch (resolution.intent()) {
            case HELP -> Optional.of(replies.help(language, to, name, after.consent().proactive()));
            case POINTS -> Optional.of(replies.points(language, to, name, after.points(), account.earnedTotal()));
            case EARN -> Optional.of(earned > 0 ? replies.earned(language, to, name, earned, after.points())
                    : replies.points(language, to, name, after.points(), account.earnedTotal())); // cap reached
            case START -> Optional.of(consentChanged ? replies.startConfirmed(language, to)
                    : before.consent().proactive() ? replies.startAlready(language, to)
                    : replies.help(language, to, name, false)); // a START older than a later STOP: the options
            case STOP -> Optional.of(consentChanged || !before.consent().proactive()
                    ? replies.stopConfirmed(language, to)
                    : replies.help(language, to, name, true)); // a STOP older than a later START: the options
            case PLAY -> Optional.of(replies.menu(language, to, name));
            case LANG -> Optional.of(resolution.chosenLanguage() != null ? replies.languageChanged(language, to)
                    : replies.languagePrompt(language, to));
            // QUIZ and ANSWER reach here only when the campaign has no quiz (or the window closed); the ERASE steps
            // always answer from ErasurePlay.
            case QUIZ, ANSWER, SPIN, REWARDS, BADGES, TOP, REFER, REDEEM, ERASE, ERASE_CONFIRM, ERASE_CANCEL ->
                    Optional.of(replies.notAvailable(language, to));
            case UNKNOWN -> Optional.of(replies.unknown(language, to, resolution.text()));
            case UNSUPPORTED -> Optional.of(replies.unsupported(language, to));
            // request_welcome is sent when a chat is first opened: a known customer has been greeted already.
            case WELCOME, REACTION, IGNORED -> Optional.empty();
        };
    }

    /** The languages in which {@code text} is one of the rule's phrases (the language rule uses them). */
    private static Set<String> languagesOf(KeywordRule rule, String text) {
        String normalized = TextNormalizer.normalize(text);
        Set<String> languages = new LinkedHashSet<>();
        rule.phrases().forEach((language, phrases) -> {
            if (phrases.stream().anyMatch(p -> TextNormalizer.normalize(p).equals(normalized))) {
                languages.add(language);
            }
        });
        return languages;
    }

    /** A signing key for quiz ids made once per engine: answers verify only in this JVM (tests, tools). */
    private static Supplier<OptionIds> randomOptionIds() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        OptionIds ids = new OptionIds(key);
        return () -> ids;
    }

    private static Customer newCustomer(InboundMessage message, String language) {
        return new Customer(message.customerKey(), blankToNull(message.waId()), blankToNull(message.bsuid()),
                blankToNull(message.profileName()), language, 0, Consent.NONE, message.sentAt(), message.sentAt(), 0);
    }

    private static Customer refresh(Customer current, InboundMessage message, String language) {
        Instant sentAt = message.sentAt();
        Instant lastInbound = current.lastInboundAt() == null || sentAt.isAfter(current.lastInboundAt())
                ? sentAt : current.lastInboundAt();
        Instant firstSeen = current.firstSeenAt() == null || sentAt.isBefore(current.firstSeenAt())
                ? sentAt : current.firstSeenAt();
        String waId = blankToNull(message.waId()) != null ? message.waId() : current.waId();
        String bsuid = blankToNull(message.bsuid()) != null ? message.bsuid() : current.bsuid();
        String name = blankToNull(message.profileName()) != null ? message.profileName() : current.name();
        return new Customer(current.key(), waId, bsuid, name, language, current.points(), current.consent(),
                firstSeen, lastInbound, current.version());
    }

    /** The recipient: '+' and the wa_id, else the BSUID; the key as a last resort (it is one of the two). */
    private static String to(Customer customer) {
        String address = customer.address();
        return address != null && !address.isBlank() ? address : customer.key();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private void checkEveryReplyFits() {
        String to = "+971501234567";
        String longestName = "W".repeat(Replies.NAME_MAX);
        String longestQuote = "W".repeat(Replies.QUOTE_MAX + 1);
        for (String language : campaign.languages()) {
            try {
                for (Command command : new Command[]{null, Command.POINTS, Command.START, Command.STOP}) {
                    replies.welcome(language, to, longestName, Long.MAX_VALUE, command);
                    replies.welcome(language, to, null, Long.MAX_VALUE, command);
                }
                for (String name : new String[]{longestName, null}) {
                    replies.help(language, to, name, true);
                    replies.help(language, to, name, false);
                    replies.points(language, to, name, Long.MAX_VALUE, Long.MAX_VALUE / 2);
                    replies.points(language, to, name, Long.MAX_VALUE, 0);
                    replies.earned(language, to, name, Long.MAX_VALUE, Long.MAX_VALUE);
                    replies.menu(language, to, name);
                }
                replies.startConfirmed(language, to);
                replies.startAlready(language, to);
                replies.stopConfirmed(language, to);
                replies.unknown(language, to, longestQuote);
                replies.unsupported(language, to);
                replies.notAvailable(language, to);
                replies.languagePrompt(language, to);
                replies.languageChanged(language, to);
                String longestId = "erase:" + "z".repeat(12) + ":c:" + "A".repeat(8);
                replies.eraseAsk(language, to, longestId, longestId.replace(":c:", ":x:"));
                replies.eraseDone(language, to);
                replies.eraseCancelled(language, to);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("campaign " + campaign.id() + ", language " + language
                        + ": a reply would break WhatsApp's limits: " + e.getMessage(), e);
            }
        }
    }
}
