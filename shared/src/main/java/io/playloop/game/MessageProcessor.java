package io.playloop.game;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.commerce.CommerceEvent;
import io.playloop.engine.Customer;
import io.playloop.engine.Engine;
import io.playloop.engine.Outcome;
import io.playloop.engine.PlayerState;
import io.playloop.logging.Masking;
import io.playloop.engine.ReadPlan;
import io.playloop.games.leaderboard.Board;
import io.playloop.games.leaderboard.BoardSource;
import io.playloop.games.leaderboard.LeaderboardReader;
import io.playloop.games.leaderboard.Score;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.games.leaderboard.WeekKey;
import io.playloop.rewards.RewardJob;
import io.playloop.rewards.RewardJobCodec;
import io.playloop.rewards.RewardQueue;
import java.util.List;
import io.playloop.store.BudgetExhaustedException;
import io.playloop.store.CodeTakenException;
import io.playloop.store.Commit;
import io.playloop.store.ConcurrentUpdateException;
import io.playloop.store.DuplicateInboundException;
import io.playloop.store.GameStore;
import io.playloop.store.InboundReceipt;
import io.playloop.store.PointsState;
import io.playloop.store.PointsWrite;
import io.playloop.store.ProgressState;
import io.playloop.store.ProgressWrite;
import io.playloop.store.QuizState;
import io.playloop.store.QuizWrite;
import io.playloop.store.Snapshot;
import io.playloop.outreach.CustomerView;
import io.playloop.outreach.ReminderPlanner;
import io.playloop.outreach.Schedule;
import io.playloop.ledger.LedgerResult;
import io.playloop.store.SpinState;
import io.playloop.store.SpinWrite;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.GraphApi;
import io.playloop.whatsapp.outbound.GraphApiException;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one inbound message exactly once: load, run the engine, commit state and receipt in one
 * transaction, then reply.
 *
 * <p>Why commit before sending: the reply must describe committed state (a prize the customer reads
 * about must exist), and a reply that fails to send is not lost: the receipt keeps it, and the
 * redelivery of the same queue record sends it without running the rules again. A reply may at worst
 * go out twice (sent, then the receipt update or the queue delete fails); a state change never happens
 * twice, because the receipt's conditional put and the customer's version check share one transaction.
 */
public final class MessageProcessor {
    /** Meta's customer-service window: free-form messages only within 24 h of the customer's message. */
    private static final Duration SERVICE_WINDOW = Engine.SERVICE_WINDOW;
    /**
     * A pending reply whose queue record has had this long to use its retry budget (20 own failures x 180 s
     * visibility, an hour: see GameHandler's RETRY_BUDGET) may be taken over by another delivery of the same wamid,
     * e.g. the record redriven from the dead-letter queue after a fix.
     */
    public static final Duration PENDING_TAKEOVER_AFTER = Duration.ofMinutes(90);
    /** How far back the points item keeps ledger entries: a week cap plus a day of time-zone slack. */
    static final Duration LEDGER_RECENT = Duration.ofDays(8);
    /** Re-reads after a concurrent change of the same customer before the record is failed and retried. */
    static final int MAX_ATTEMPTS = 3;
    /** Referral codes tried for one customer before giving up (each collision is about 1 in 30,000). */
    static final int MAX_CODE_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(MessageProcessor.class);

    private final GameStore store;
    private final Supplier<Engine> engines;
    private final GraphApi graph;
    private final Clock clock;
    private final ReplyCodec replies;
    private final BoardSource boards;
    private final RewardQueue rewardQueue;
    private final RewardJobCodec jobs;
    private final io.playloop.mechanic.EventSink events;

    /** A processor that always plays {@code engine} (one fixed campaign). */
    public MessageProcessor(GameStore store, Engine engine, GraphApi graph, Clock clock, ObjectMapper mapper) {
        this(store, () -> engine, graph, clock, mapper);
    }

    /**
     * A processor that asks {@code engines} for the engine of the active campaign once per message, so a
     * newly activated campaign plays from the next message on.
     */
    public MessageProcessor(GameStore store, Supplier<Engine> engines, GraphApi graph, Clock clock,
                            ObjectMapper mapper) {
        this(store, engines, graph, clock, mapper, LeaderboardReader.NONE, RewardQueue.NONE);
    }

    /** A processor whose TOP reads the weekly boards' shards through {@code leaderboard} (before the engine runs). */
    public MessageProcessor(GameStore store, Supplier<Engine> engines, GraphApi graph, Clock clock,
                            ObjectMapper mapper, LeaderboardReader leaderboard) {
        this(store, engines, graph, clock, mapper, leaderboard, RewardQueue.NONE);
    }

    /** A processor that reads the weekly boards' shards through {@code leaderboard} and hands jobs to {@code rewardQueue}. */
    public MessageProcessor(GameStore store, Supplier<Engine> engines, GraphApi graph, Clock clock,
                            ObjectMapper mapper, LeaderboardReader leaderboard, RewardQueue rewardQueue) {
        this(store, engines, graph, clock, mapper, BoardSource.fromShards(leaderboard,
                io.playloop.games.leaderboard.Shards.BOARD), rewardQueue);
    }

    /**
     * A processor that also hands reward jobs (pool codes, CRM syncs) to {@code rewardQueue}: committed in the
     * receipt with the state change, sent after the commit, re-sent from the receipt by a redelivery if the
     * send failed. TOP's board comes from {@code boards}, read before the engine runs.
     */
    public MessageProcessor(GameStore store, Supplier<Engine> engines, GraphApi graph, Clock clock,
                            ObjectMapper mapper, BoardSource boards, RewardQueue rewardQueue) {
        this(store, engines, graph, clock, mapper, boards, rewardQueue, io.playloop.mechanic.EventSink.NONE);
    }

    /**
     * A processor that also forwards each committed step's events to {@code events} (they are stored on the receipt in
     * any case): after the commit, at least once.
     */
    public MessageProcessor(GameStore store, Supplier<Engine> engines, GraphApi graph, Clock clock,
                            ObjectMapper mapper, BoardSource boards, RewardQueue rewardQueue,
                            io.playloop.mechanic.EventSink events) {
        this.events = java.util.Objects.requireNonNull(events, "events");
        this.rewardQueue = rewardQueue;
        this.jobs = new RewardJobCodec(mapper);
        this.boards = java.util.Objects.requireNonNull(boards, "boards");
        this.store = store;
        this.engines = engines;
        this.graph = graph;
        this.clock = clock;
        this.replies = new ReplyCodec(mapper);
    }

    /**
     * Processes one message.
     *
     * @param message    the inbound message
     * @param deliveryId the id of the queue record carrying it (SQS messageId, stable across redeliveries)
     * @throws GraphApiException         when a retryable Graph API error prevented the reply: retry the record
     * @throws ConcurrentUpdateException when the customer kept changing under us: retry the record
     */
    public ProcessingResult process(InboundMessage message, String deliveryId) {
        java.util.Set<String> exhausted = new java.util.HashSet<>();
        int codeAttempt = 0;
        boolean duplicateSeen = false;
        boolean readEverything = false;
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Engine engine = engines.get();
            ReadPlan plan = readEverything ? engine.readPlan(message).everything() : engine.readPlan(message);
            Snapshot snapshot = store.load(message.customerKey(), message.wamid(), plan, now);
            // No receipt is read up front: the transaction's condition on it is the guard. It is read for a
            // redelivery of the customer's last message (the profile's hint), or once the table said "duplicate".
            Optional<InboundReceipt> live = snapshot.receipt();
            if (live.isEmpty() && (duplicateSeen || snapshot.lastInWas(message.wamid()))) {
                live = store.receipt(message.customerKey(), message.wamid(), now);
            }
            if (live.isPresent()) {
                return resumeOrSkip(message, live.get(), deliveryId, now);
            }
            Customer current = snapshot.customer().orElse(null);
            PointsState points = snapshot.points();
            QuizState quiz = snapshot.quiz();
            SpinState spin = snapshot.spin();
            ProgressState progress = snapshot.progress();
            Board board = plan.board() && current != null ? board(engine, progress, now) : Board.empty("");
            Outcome outcome = engine.handle(current, new PlayerState(points.account(), quiz.session(),
                    spin.history(), exhausted, progress.progress(), snapshot.codeHolder(), codeAttempt, board,
                    snapshot.slices()),
                    message, now);
            if (!plan.covers(outcome)) {
                // The plan missed a slice the step writes (it would start from nothing): read everything, decide again.
                LOG.atWarn().addKeyValue("wamid", message.wamid()).addKeyValue("intent", outcome.intent())
                        .log("read plan missed a slice the step writes; read again in full");
                readEverything = true;
                attempt--;
                continue;
            }
            Optional<OutboundMessage> reply = outcome.reply();
            List<RewardJob> newJobs = RewardJobs.of(outcome, current == null, message.wamid(), engine.campaign().id(),
                    rewardQueue.syncsCrm());
            InboundReceipt receipt = new InboundReceipt(
                    message.wamid(),
                    message.customerKey(),
                    reply.isPresent() ? InboundReceipt.Status.REPLY_PENDING : InboundReceipt.Status.NO_REPLY,
                    reply.map(replies::write).orElse(null),
                    deliveryId,
                    now,
                    now.plus(InboundReceipt.RETENTION),
                    jobs.writeAll(newJobs));
            try {
                commit(engine, receipt, current, snapshot, outcome, now, Optional.empty());
            } catch (CodeTakenException e) {
                // Two customers' first-choice codes collide (rare): offer this one the next code.
                if (++codeAttempt > MAX_CODE_ATTEMPTS) {
                    throw new IllegalStateException("no free referral code after " + codeAttempt + " attempts", e);
                }
                attempt--;
                continue;
            } catch (BudgetExhaustedException e) {
                // Another spin won the prize's last unit (or a redemption its stock's): decide again without it.
                if (!exhausted.add(e.prizeId())) {
                    throw new IllegalStateException("prize " + e.prizeId() + " refused twice", e);
                }
                attempt--;
                continue;
            } catch (DuplicateInboundException | ConcurrentUpdateException e) {
                duplicateSeen |= e instanceof DuplicateInboundException;
                if (attempt >= MAX_ATTEMPTS) {
                    throw e instanceof ConcurrentUpdateException c ? c
                            : new ConcurrentUpdateException(message.customerKey());
                }
                continue; // re-read: a duplicate now shows its receipt, a concurrent change its new version
            }
            log(message, outcome);
            return deliver(message, reply, newJobs, ProcessingResult.REPLIED, ProcessingResult.NO_REPLY);
        }
    }

    /**
     * Applies one event from the shop exactly once: its receipt is keyed by the event id ({@code order:…},
     * {@code refund:…}), so the same order delivered twice, by the shop or by SQS, changes state once. No reply
     * is sent (see {@link Engine#applyCommerce}).
     *
     * <p>Receipts live {@link InboundReceipt#RETENTION}; later deliveries are acknowledged and not applied:
     * an order first accepted longer ago than that (its record says when) is not applied at all, so a replay,
     * however late, never counts its order twice; an event whose receipt has expired but whose points show it
     * (the order's lot or grant, or ledger entries the table refuses again) is a duplicate too, not a record to
     * retry.
     *
     * @param deliveryId the id of the queue record carrying it
     * @throws ConcurrentUpdateException when the customer kept changing under us: retry the record
     */
    public ProcessingResult processCommerce(CommerceEvent event, String deliveryId) {
        if (event instanceof CommerceEvent.OrderPaid order && order.firstSeen()
                .filter(first -> !clock.instant().isBefore(first.plus(InboundReceipt.RETENTION))).isPresent()) {
            LOG.atWarn().addKeyValue("event", event.eventId())
                    .addKeyValue("customer", Masking.phone(event.customerKey()))
                    .addKeyValue("firstSeen", order.firstSeen().get().toString())
                    .log("shop order first accepted longer ago than a receipt lives: acknowledged, not applied");
            return ProcessingResult.DUPLICATE;
        }
        boolean appliedBefore = false;
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Engine engine = engines.get();
            Snapshot snapshot = store.load(event.customerKey(), event.eventId(), ReadPlan.COMMERCE, now);
            // As for a message: the receipt is read only for a redelivery of the last event, or after "duplicate".
            Optional<InboundReceipt> live = snapshot.receipt();
            if (live.isEmpty() && (appliedBefore || snapshot.lastInWas(event.eventId()))) {
                live = store.receipt(event.customerKey(), event.eventId(), now);
            }
            if (live.isPresent()) {
                InboundReceipt receipt = live.get();
                if (mayResume(receipt, deliveryId, now)) {
                    store.lookSoon(event.customerKey(), now); // as for a message: the move after the commit may be lost
                }
                if (receipt.jobsPending() && mayResume(receipt, deliveryId, now)) {
                    rewardQueue.send(jobs.readAll(receipt.jobsJson()));
                    store.markJobsSent(receipt.customerKey(), receipt.wamid());
                }
                return ProcessingResult.DUPLICATE;
            }
            if (appliedBefore || Engine.appliedBefore(event, snapshot.points().account())) {
                LOG.atWarn().addKeyValue("event", event.eventId())
                        .addKeyValue("customer", Masking.phone(event.customerKey()))
                        .log("shop event applied before its receipt expired (its points show it): not applied again");
                return ProcessingResult.DUPLICATE;
            }
            Customer current = snapshot.customer().orElse(null);
            Outcome outcome = engine.applyCommerce(current, new PlayerState(snapshot.points().account(),
                    snapshot.quiz().session(), snapshot.spin().history(), java.util.Set.of(),
                    snapshot.progress().progress(), Optional.empty(), 0, Board.empty("")), event, now);
            List<RewardJob> newJobs = RewardJobs.of(outcome, current == null, event.eventId(), engine.campaign().id(),
                    rewardQueue.syncsCrm());
            InboundReceipt receipt = new InboundReceipt(event.eventId(), event.customerKey(),
                    InboundReceipt.Status.NO_REPLY, null, deliveryId, now, now.plus(InboundReceipt.RETENTION),
                    jobs.writeAll(newJobs));
            Optional<Commit.ShopOrder> order = event instanceof CommerceEvent.OrderPaid paid
                    ? Optional.of(new Commit.ShopOrder(paid.source(), paid.orderId())) : Optional.empty();
            try {
                commit(engine, receipt, current, snapshot, outcome, now, order);
            } catch (DuplicateInboundException e) {
                // Another delivery committed it (the re-read shows its receipt), or no receipt is left and the
                // table refused the ledger entries: applied before, longer ago than a receipt lives.
                appliedBefore = true;
                continue;
            } catch (ConcurrentUpdateException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            LOG.atInfo().addKeyValue("event", event.eventId())
                    .addKeyValue("customer", Masking.phone(event.customerKey()))
                    .addKeyValue("intent", outcome.intent())
                    .addKeyValue("pointsChanged", outcome.points().isPresent())
                    .log("commerce event applied");
            if (!newJobs.isEmpty()) {
                rewardQueue.send(newJobs);
                store.markJobsSent(event.customerKey(), event.eventId());
            }
            return ProcessingResult.NO_REPLY;
        }
    }

    /** One transaction: the receipt and every state change of the outcome, each under the version read. */
    private void commit(Engine engine, InboundReceipt receipt, Customer current, Snapshot snapshot, Outcome outcome,
                        Instant now, Optional<Commit.ShopOrder> order) {
        PointsState points = snapshot.points();
        // Only the grants of the last 8 days stay on the points item (caps and replays look no further).
        Optional<PointsWrite> pointsWrite = outcome.points().map(applied -> new PointsWrite(
                applied.account().withEntriesSince(now.minus(LEDGER_RECENT)), points.version(), applied.entries()));
        Optional<Instant> earlier = earlierLook(engine, current, snapshot, outcome, now);
        // A first contact creates the schedule in the transaction; a known customer's is moved after the commit.
        Optional<Schedule> firstSchedule = current == null ? Optional.of(Schedule.NONE.withDueAt(earlier)) : Optional.empty();
        store.commit(new Commit(receipt, outcome.customer(), current == null ? 0 : current.version(),
                outcome.consentChange(), pointsWrite,
                outcome.quiz().map(session -> new QuizWrite(session, snapshot.quiz().version())),
                outcome.spin().map(s -> new SpinWrite(s.history(), snapshot.spin().version(), s.claim(),
                        engine.campaign().id())),
                outcome.progress().map(p -> new ProgressWrite(p, snapshot.progress().version(),
                        engine.campaign().timeZone())),
                firstSchedule.filter(s -> s.dueAt().isPresent()), order, stepWrites(snapshot, outcome)));
        events.publish(receipt.customerKey(), outcome.events());
        if (current != null) {
            earlier.ifPresent(at -> store.lookSoon(outcome.customer().key(), at));
        }
        // A friend's step that makes a referral count: the referrer hears of it from the scheduler within minutes.
        outcome.progress().flatMap(Outcome.ProgressOutcome::qualified)
                .ifPresent(referral -> store.lookSoon(referral.referrer(), now));
    }

    /** The SPI mechanics' slices under the versions read, their items, and the step's events. */
    private static io.playloop.store.StepItems.StepWrites stepWrites(Snapshot snapshot, Outcome outcome) {
        List<io.playloop.mechanic.SliceWrite> slices = outcome.slices().stream()
                .map(c -> new io.playloop.mechanic.SliceWrite(c.sortKey(), c.attributes(),
                        Optional.ofNullable(snapshot.slices().get(c.sortKey()))
                                .map(io.playloop.mechanic.StoredSlice::version).orElse(0L)))
                .toList();
        return new io.playloop.store.StepItems.StepWrites(slices, outcome.writes(), outcome.events());
    }

    /**
     * When this step brings the scheduler's next look earlier: for a first contact, the planner's next look; for a
     * known customer, the earliest thing to look at that the step added (a reminder occurrence, a lot's expiry, a
     * reward's) that the state before it did not have. Empty for most steps: activity only pushes reminders later,
     * and the scheduler finds that out when it looks. The schedule itself is not read: the move after the commit is
     * conditional on the stored look being later ({@link GameStore#lookSoon}), and what the schedule marks done is
     * the scheduler's to skip when it looks.
     */
    private static Optional<Instant> earlierLook(Engine engine, Customer current, Snapshot snapshot, Outcome outcome,
                                                 Instant now) {
        CustomerView after = new CustomerView(engine.campaign(), outcome.customer(),
                outcome.points().map(LedgerResult.Applied::account).orElse(snapshot.points().account()),
                outcome.progress().map(Outcome.ProgressOutcome::progress).orElse(snapshot.progress().progress()), now,
                outcome.spin().map(spin -> spin.history()).orElse(snapshot.spin().history()).rewards());
        if (current == null) {
            return ReminderPlanner.nextLook(after, Schedule.NONE, now);
        }
        CustomerView before = new CustomerView(engine.campaign(), current, snapshot.points().account(),
                snapshot.progress().progress(), now, snapshot.spin().history().rewards());
        java.util.Map<String, Instant> had = looks(before, now);
        java.util.Map<String, Instant> added = new java.util.HashMap<>(looks(after, now));
        added.keySet().removeAll(had.keySet());
        // Compared with what was still ahead: a past look is the scheduler's already (its stored look is no later).
        Optional<Instant> ahead = had.values().stream().filter(now::isBefore).min(Instant::compareTo);
        return added.values().stream().min(Instant::compareTo).map(at -> at.isBefore(now) ? now : at)
                .filter(at -> ahead.isEmpty() || at.isBefore(ahead.get()));
    }

    /** Everything the planner's next look is the earliest of, by what it is and when (see {@link ReminderPlanner#nextLook}). */
    private static java.util.Map<String, Instant> looks(CustomerView view, Instant now) {
        java.util.Map<String, Instant> looks = new java.util.HashMap<>();
        ReminderPlanner.erasureDue(view).ifPresent(at -> looks.put("erase@" + at, at));
        for (io.playloop.outreach.DueReminder r : ReminderPlanner.occurrences(view, now)) {
            looks.put(r.id() + "@" + r.dueAt(), r.dueAt());
        }
        for (io.playloop.ledger.Lot lot : view.points().lots()) {
            if (!io.playloop.ledger.Lot.NEVER.equals(lot.expiresAt())) {
                looks.put("lot:" + lot.id() + "@" + lot.expiresAt(), lot.expiresAt());
            }
        }
        for (io.playloop.engine.WalletEntry w : view.progress().wallet()) {
            if (w.usedAt().isEmpty()) {
                looks.put("wallet:" + w.rewardId() + "@" + w.validUntil(), w.validUntil());
            }
        }
        for (io.playloop.engine.Reward won : view.wonRewards()) {
            if (won.code().isPresent()) {
                looks.put("won:" + won.spinId() + "@" + won.validUntil(), won.validUntil());
            }
        }
        return looks;
    }

    /** The week's board for TOP, read before the engine runs (the customer's own score says where they stand). */
    private Board board(Engine engine, ProgressState progress, Instant now) {
        var campaign = engine.campaign();
        String week = WeekKey.of(now, campaign.timeZone());
        Optional<Score> mine = progress.progress().weeklyScore()
                .filter(s -> s.sk().equals(ScoreItem.boardPrefix(campaign.id(), week))).map(ScoreItem::score);
        return boards.board(campaign.id(), week, campaign.leaderboard().orElseThrow().top(), mine);
    }

    /**
     * Runs the read-only half of processing (load, rules, reply serialisation) without committing or
     * sending anything: SnapStart priming, so the snapshot holds loaded, initialised classes.
     */
    public void rehearse(InboundMessage sample) {
        Instant now = clock.instant();
        Engine engine = engines.get();
        // No referral code: reading one needs the referral key, which priming must not fetch.
        Snapshot snapshot = store.load(sample.customerKey(), sample.wamid(),
                new ReadPlan(true, true, false, Optional.empty()), now);
        Outcome outcome = engine.handle(snapshot.customer().orElse(null),
                new PlayerState(snapshot.points().account(), snapshot.quiz().session(), snapshot.spin().history(),
                        java.util.Set.of(), snapshot.progress().progress(), snapshot.codeHolder(), 0,
                        Board.empty("")), sample, now);
        outcome.reply().map(replies::write).map(replies::read);
    }

    private ProcessingResult resumeOrSkip(InboundMessage message, InboundReceipt receipt, String deliveryId,
                                          Instant now) {
        if (receipt.status() != InboundReceipt.Status.REPLIED && mayResume(receipt, deliveryId, now)) {
            // The step committed and may have stopped before moving its next look (that comes after the commit,
            // before the reply): the scheduler looks now instead and works the rest out from the state (it never
            // sends what is not due).
            store.lookSoon(message.customerKey(), now);
        }
        if (receipt.status() != InboundReceipt.Status.REPLY_PENDING && !receipt.jobsPending()) {
            return ProcessingResult.DUPLICATE;
        }
        if (!mayResume(receipt, deliveryId, now)) {
            return ProcessingResult.DUPLICATE; // its own record is still retrying it
        }
        List<RewardJob> pending = jobs.readAll(receipt.jobsJson());
        if (receipt.status() != InboundReceipt.Status.REPLY_PENDING) {
            rewardQueue.send(pending);
            store.markJobsSent(receipt.customerKey(), receipt.wamid());
            return ProcessingResult.DUPLICATE;
        }
        if (windowClosed(message, now)) {
            rewardQueue.send(pending); // an erasure asked for still happens without its reply
            return abandon(message, false);
        }
        return deliver(message, Optional.of(replies.read(receipt.replyJson())), pending, ProcessingResult.REPLY_RESENT,
                ProcessingResult.DUPLICATE);
    }

    /**
     * Whether this delivery may finish what a receipt left pending: it is the record that committed it, or that
     * record has had time to use its retry budget ({@link #PENDING_TAKEOVER_AFTER}), e.g. it was redriven from the DLQ.
     */
    private static boolean mayResume(InboundReceipt receipt, String deliveryId, Instant now) {
        return deliveryId.equals(receipt.owner()) || receipt.processedAt().plus(PENDING_TAKEOVER_AFTER).isBefore(now);
    }

    /**
     * Sends what a committed step owes: its reward jobs (before the reply: a failure retries the record, jobs and reply,
     * and the reward function is idempotent per job), the reply, then the jobs that must not outrun the reply (an
     * erasure must not delete the customer before the message announcing it has gone); marks the receipt after each.
     */
    private ProcessingResult deliver(InboundMessage message, Optional<OutboundMessage> reply, List<RewardJob> pending,
                                     ProcessingResult onSuccess, ProcessingResult onNoReply) {
        List<RewardJob> late = pending.stream().filter(job -> job.kind().afterReply()).toList();
        rewardQueue.send(pending.stream().filter(job -> !job.kind().afterReply()).toList());
        ProcessingResult result = reply.isPresent() ? send(message, reply.get(), onSuccess, !late.isEmpty()) : onNoReply;
        if (!late.isEmpty() || reply.isEmpty() && !pending.isEmpty()) {
            rewardQueue.send(late);
            store.markJobsSent(message.customerKey(), message.wamid());
        }
        return result;
    }

    private ProcessingResult send(InboundMessage message, OutboundMessage reply, ProcessingResult onSuccess,
                                  boolean keepJobs) {
        SendResult sent;
        try {
            sent = graph.send(reply);
        } catch (GraphApiException e) {
            if (e.retryable() && windowClosed(message, clock.instant())) {
                return abandon(message, keepJobs); // a retry could only send it outside the window: Meta would refuse it
            }
            if (e.retryable()) {
                throw e;
            }
            LOG.atError().addKeyValue("wamid", message.wamid())
                    .addKeyValue("customer", Masking.phone(message.customerKey()))
                    .addKeyValue("graphCode", e.error().code())
                    .addKeyValue("fbtraceId", e.error().fbtraceId())
                    .log("reply refused by the Graph API; not retried");
            store.markReplyDropped(message.customerKey(), message.wamid(), keepJobs);
            return ProcessingResult.REPLY_REFUSED;
        }
        store.markReplySent(message.customerKey(), message.wamid(), sent.wamid(), clock.instant(), keepJobs);
        return onSuccess;
    }

    /** Whether the customer's 24-hour window, opened by this message, has closed. */
    private static boolean windowClosed(InboundMessage message, Instant now) {
        return message.sentAt().plus(SERVICE_WINDOW).isBefore(now);
    }

    /**
     * Gives up a pending reply whose window closed: the state change stays, the receipt stops asking for the reply,
     * and the record completes (a retry could never send it).
     */
    private ProcessingResult abandon(InboundMessage message, boolean keepJobs) {
        store.markReplyDropped(message.customerKey(), message.wamid(), keepJobs);
        LOG.atWarn().addKeyValue("wamid", Masking.id(message.wamid()))
                .addKeyValue("customer", Masking.phone(message.customerKey()))
                .log("pending reply given up: the 24-hour window closed before the Graph API took it");
        return ProcessingResult.REPLY_ABANDONED;
    }

    private static void log(InboundMessage message, Outcome outcome) {
        LOG.atInfo().addKeyValue("wamid", message.wamid())
                .addKeyValue("customer", Masking.phone(message.customerKey()))
                .addKeyValue("type", message.type())
                .addKeyValue("intent", outcome.intent())
                .addKeyValue("language", outcome.customer().language())
                .addKeyValue("consentChanged", outcome.consentChange().isPresent())
                .addKeyValue("windowClosed", outcome.windowClosed())
                .log("inbound message applied");
    }
}
