package io.playloop.game;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.commerce.CommerceEvent;
import io.playloop.engine.Customer;
import io.playloop.engine.Engine;
import io.playloop.engine.Outcome;
import io.playloop.engine.PlayerState;
import io.playloop.logging.Masking;
import io.playloop.games.leaderboard.LeaderboardReader;
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
import io.playloop.scheduler.CustomerView;
import io.playloop.scheduler.ReminderPlanner;
import io.playloop.scheduler.Schedule;
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
    private final LeaderboardReader leaderboard;
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

    /** A processor whose TOP reads the weekly boards through {@code leaderboard}. */
    public MessageProcessor(GameStore store, Supplier<Engine> engines, GraphApi graph, Clock clock,
                            ObjectMapper mapper, LeaderboardReader leaderboard) {
        this(store, engines, graph, clock, mapper, leaderboard, RewardQueue.NONE);
    }

    /**
     * A processor that also hands reward jobs (pool codes, CRM syncs) to {@code rewardQueue}: committed in the
     * receipt with the state change, sent after the commit, re-sent from the receipt by a redelivery if the
     * send failed.
     */
    public MessageProcessor(GameStore store, Supplier<Engine> engines, GraphApi graph, Clock clock,
                            ObjectMapper mapper, LeaderboardReader leaderboard, RewardQueue rewardQueue) {
        this(store, engines, graph, clock, mapper, leaderboard, rewardQueue, io.playloop.mechanic.EventSink.NONE);
    }

    /**
     * A processor that also forwards each committed step's events to {@code events} (they are stored on the receipt in
     * any case): after the commit, at least once.
     */
    public MessageProcessor(GameStore store, Supplier<Engine> engines, GraphApi graph, Clock clock,
                            ObjectMapper mapper, LeaderboardReader leaderboard, RewardQueue rewardQueue,
                            io.playloop.mechanic.EventSink events) {
        this.events = java.util.Objects.requireNonNull(events, "events");
        this.rewardQueue = rewardQueue;
        this.jobs = new RewardJobCodec(mapper);
        this.leaderboard = leaderboard;
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
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Engine engine = engines.get();
            Snapshot snapshot = store.load(message.customerKey(), message.wamid(), engine.referralCodeIn(message),
                    engine.sliceKeysFor(message), now);
            if (snapshot.receipt().isPresent()) {
                return resumeOrSkip(message, snapshot.receipt().get(), deliveryId, now);
            }
            Customer current = snapshot.customer().orElse(null);
            PointsState points = snapshot.points();
            QuizState quiz = snapshot.quiz();
            SpinState spin = snapshot.spin();
            ProgressState progress = snapshot.progress();
            Outcome outcome = engine.handle(current, new PlayerState(points.account(), quiz.session(),
                    spin.history(), exhausted, progress.progress(), snapshot.codeHolder(), codeAttempt, leaderboard,
                    snapshot.slices()), message, now);
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
            Snapshot snapshot = store.load(event.customerKey(), event.eventId(), Optional.empty(), now);
            if (snapshot.receipt().isPresent()) {
                InboundReceipt receipt = snapshot.receipt().get();
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
                    snapshot.progress().progress(), Optional.empty(), 0, leaderboard), event, now);
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
        store.commit(new Commit(receipt, outcome.customer(), current == null ? 0 : current.version(),
                outcome.consentChange(), pointsWrite,
                outcome.quiz().map(session -> new QuizWrite(session, snapshot.quiz().version())),
                outcome.spin().map(s -> new SpinWrite(s.history(), snapshot.spin().version(), s.claim(),
                        engine.campaign().id())),
                outcome.progress().map(p -> new ProgressWrite(p, snapshot.progress().version(),
                        engine.campaign().timeZone())),
                earlierLook(engine, snapshot, outcome, now), order, stepWrites(snapshot, outcome)));
        events.publish(receipt.customerKey(), outcome.events());
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
     * The schedule to write when this step brings the scheduler's next look earlier (a new reward, a first message,
     * a streak day...) or when the stored one is overdue (missed: see {@link ReminderPlanner#OVERDUE}); empty otherwise,
     * which is most steps: activity only pushes reminders later, and the scheduler finds that out when it looks.
     */
    private static Optional<Schedule> earlierLook(Engine engine, Snapshot snapshot, Outcome outcome, Instant now) {
        Schedule stored = snapshot.schedule();
        CustomerView after = new CustomerView(engine.campaign(), outcome.customer(),
                outcome.points().map(LedgerResult.Applied::account).orElse(snapshot.points().account()),
                outcome.progress().map(Outcome.ProgressOutcome::progress).orElse(snapshot.progress().progress()), now,
                outcome.spin().map(spin -> spin.history()).orElse(snapshot.spin().history()).rewards());
        Optional<Instant> next = ReminderPlanner.nextLook(after, stored, now);
        boolean overdue = stored.dueAt().isPresent()
                && stored.dueAt().get().isBefore(now.minus(ReminderPlanner.OVERDUE));
        if (next.isEmpty() || stored.dueAt().isPresent() && !next.get().isBefore(stored.dueAt().get()) && !overdue) {
            return Optional.empty();
        }
        return Optional.of(stored.withDueAt(next));
    }

    /**
     * Runs the read-only half of processing (load, rules, reply serialisation) without committing or
     * sending anything: SnapStart priming, so the snapshot holds loaded, initialised classes.
     */
    public void rehearse(InboundMessage sample) {
        Instant now = clock.instant();
        Engine engine = engines.get();
        // No referral code: reading one needs the referral key, which priming must not fetch.
        Snapshot snapshot = store.load(sample.customerKey(), sample.wamid(), Optional.empty(), now);
        Outcome outcome = engine.handle(snapshot.customer().orElse(null),
                new PlayerState(snapshot.points().account(), snapshot.quiz().session(), snapshot.spin().history(),
                        java.util.Set.of(), snapshot.progress().progress(), snapshot.codeHolder(), 0,
                        LeaderboardReader.NONE), sample, now);
        outcome.reply().map(replies::write).map(replies::read);
    }

    private ProcessingResult resumeOrSkip(InboundMessage message, InboundReceipt receipt, String deliveryId,
                                          Instant now) {
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
