package io.playloop.scheduling;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignSource;
import io.playloop.campaign.MessageTemplate;
import io.playloop.campaign.Outreach;
import io.playloop.campaign.ReminderRule;
import io.playloop.campaign.TemplateCategory;
import io.playloop.commerce.PhoneNumbers;
import io.playloop.config.PlayLoopConfig;
import io.playloop.engine.Customer;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.engine.WalletEntry;
import io.playloop.games.leaderboard.LeaderboardReader;
import io.playloop.games.leaderboard.Rank;
import io.playloop.games.leaderboard.Score;
import io.playloop.games.leaderboard.Standings;
import io.playloop.ledger.EntryKind;
import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.logging.Masking;
import io.playloop.outreach.Channel;
import io.playloop.outreach.CustomerView;
import io.playloop.outreach.DueReminder;
import io.playloop.outreach.MetaBackoff;
import io.playloop.outreach.Outgoing;
import io.playloop.outreach.ReachCounter;
import io.playloop.outreach.ReminderKind;
import io.playloop.outreach.ReminderMessages;
import io.playloop.outreach.ReminderPlanner;
import io.playloop.outreach.RewardExpiry;
import io.playloop.outreach.Schedule;
import io.playloop.outreach.SendPacer;
import io.playloop.outreach.VisitPlan;
import io.playloop.outreach.VisitPlanner;
import io.playloop.rewards.RewardJob;
import io.playloop.rewards.RewardQueue;
import io.playloop.store.BudgetExhaustedException;
import io.playloop.store.CapacityMeter;
import io.playloop.store.ConcurrentUpdateException;
import io.playloop.store.DynamoLeaderboardReader;
import io.playloop.store.DynamoSchedulerStore;
import io.playloop.store.DynamoSchedulerStore.CustomerState;
import io.playloop.store.DynamoSchedulerStore.DueEntry;
import io.playloop.store.DynamoSchedulerStore.Page;
import io.playloop.store.PointsWrite;
import io.playloop.store.ScheduleItems;
import io.playloop.store.SchedulerClaim;
import io.playloop.whatsapp.outbound.GraphApi;
import io.playloop.whatsapp.outbound.GraphApiException;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.SendResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One scheduler run: reads what is due from the sparse time-bucket index, expires points and rewards, and sends
 * the reminders that pass the contact budget, the 24-hour window, the money budget and Meta's limits. Built once
 * per Lambda instance; {@link #run(Duration)} is called by each EventBridge Scheduler invocation (and by the
 * local cloud's {@code POST /_local/tick}).
 *
 * <p>Reading: from the cursor's hour to the current one, per shard, one Query of the entries already due; a run
 * reads only due entries (plus one empty page per hour and shard). A run that reaches its time budget stops between
 * customers and leaves the cursor at the hour it stopped in: the next run takes over there.
 *
 * <p>Exactly once: each visit writes its decision (the send marked in the schedule, expiries, spend, reach) in one
 * version-checked transaction before the message goes out; a send Meta refuses is taken back (deferred, or marked
 * done for a permanent refusal) in a second write. A crash between the two leaves the reminder counted as sent: a
 * reminder may be lost, never sent twice.
 */
public final class SchedulerService {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerService.class);
    /**
     * Where the very first run (no cursor yet) starts looking: 14 days × 24 hours × 4 shards = 1,344 Queries once
     * (about 670 RRU on AWS). An entry older than that is re-indexed by the customer's next message (the game rewrites
     * a next look that lies more than {@link ReminderPlanner#OVERDUE} in the past).
     */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(14);
    /** A customer whose visit failed is looked at again this much later. */
    static final Duration RETRY_FAILED_VISIT = Duration.ofMinutes(10);
    private static final int PAGE = 100;
    /** How far behind now the cursor stays (late commits, the index's eventual consistency). */
    static final Duration CURSOR_MARGIN = Duration.ofMinutes(10);
    /** Regions where Meta does not deliver marketing templates (it answers 131049). */
    static final Set<String> MARKETING_NOT_DELIVERED = Set.of("US");
    private static final long MICROS = 1_000_000L;

    private final DynamoSchedulerStore store;
    private final LeaderboardReader leaderboard;
    private final PlayLoopConfig config;
    private final GraphApi graph;
    private final CampaignSource campaigns;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final SendPacer.Sleeper sleeper;
    private final RewardQueue rewards;

    public SchedulerService(DynamoDbClient dynamo, PlayLoopConfig config, GraphApi graph, CampaignSource campaigns,
                            Clock clock, CapacityMeter meter) {
        this(dynamo, config, graph, campaigns, clock, meter, RewardQueue.NONE);
    }

    /** A scheduler that hands the erasure of customers silent past the retention to {@code rewards}. */
    public SchedulerService(DynamoDbClient dynamo, PlayLoopConfig config, GraphApi graph, CampaignSource campaigns,
                            Clock clock, CapacityMeter meter, RewardQueue rewards) {
        this(new DynamoSchedulerStore(dynamo, config.tableName(), meter),
                new DynamoLeaderboardReader(dynamo, config.tableName(), meter), config, graph, campaigns, clock,
                System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)), rewards);
    }

    SchedulerService(DynamoSchedulerStore store, LeaderboardReader leaderboard, PlayLoopConfig config, GraphApi graph,
                     CampaignSource campaigns, Clock clock, LongSupplier nanoTime, SendPacer.Sleeper sleeper) {
        this(store, leaderboard, config, graph, campaigns, clock, nanoTime, sleeper, RewardQueue.NONE);
    }

    SchedulerService(DynamoSchedulerStore store, LeaderboardReader leaderboard, PlayLoopConfig config, GraphApi graph,
                     CampaignSource campaigns, Clock clock, LongSupplier nanoTime, SendPacer.Sleeper sleeper,
                     RewardQueue rewards) {
        this.rewards = Objects.requireNonNull(rewards, "rewards");
        this.store = Objects.requireNonNull(store, "store");
        this.leaderboard = Objects.requireNonNull(leaderboard, "leaderboard");
        this.config = Objects.requireNonNull(config, "config");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Runs until nothing is due or {@code timeBudget} is spent, whichever comes first.
     *
     * @param timeBudget how long the run may take (the Lambda's remaining time less a safety margin)
     */
    public RunSummary run(Duration timeBudget) {
        long startNanos = nanoTime.getAsLong();
        long deadline = startNanos + timeBudget.toNanos();
        Instant now = clock.instant();
        Campaign campaign = campaigns.campaign();
        Outreach outreach = campaign.outreach();
        Run run = new Run(campaign, new SendPacer(outreach.sending().perSecond(), nanoTime, sleeper),
                new ReachCounter(store.reach(config.phoneNumberId()), outreach.sending().messagingLimit()));

        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant from = store.cursor().orElse(currentHour.minus(FIRST_LOOK_BACK));
        if (from.isAfter(currentHour)) {
            from = currentHour;
        }
        Instant keepFrom = null;
        boolean finished = true;
        hours:
        for (Instant hour = from; !hour.isAfter(currentHour); hour = hour.plus(Duration.ofHours(1))) {
            boolean hourDone = true;
            for (int shard = 0; shard < ScheduleItems.SHARDS; shard++) {
                Optional<Map<String, AttributeValue>> start = Optional.empty();
                do {
                    if (nanoTime.getAsLong() >= deadline) {
                        finished = false;
                        keepFrom = keepFrom == null ? hour : keepFrom;
                        break hours;
                    }
                    Page page = store.due(ScheduleItems.bucket(hour, shard), now, start, PAGE);
                    run.indexItemsRead += page.entries().size();
                    for (DueEntry entry : page.entries()) {
                        if (nanoTime.getAsLong() >= deadline) {
                            finished = false;
                            keepFrom = keepFrom == null ? hour : keepFrom;
                            break hours;
                        }
                        if (!visitSafely(run, entry)) {
                            hourDone = false;
                        }
                    }
                    start = page.next();
                } while (start.isPresent());
            }
            if (!hourDone && keepFrom == null) {
                keepFrom = hour;
            }
        }
        // The next run starts at the hour of 10 minutes ago, not this hour: an entry the game writes as "due now" at
        // 13:59:59 and commits after this run read hour 13 (or that the eventually consistent index shows late) is
        // still read. It costs 4 empty Queries in the first 10 minutes of each hour.
        Instant settledHour = now.minus(CURSOR_MARGIN).truncatedTo(ChronoUnit.HOURS);
        Instant cursor = keepFrom != null && keepFrom.isBefore(settledHour) ? keepFrom : settledHour;
        if (!cursor.equals(from)) {
            store.saveCursor(cursor);
        }
        store.forgetReachBefore(config.phoneNumberId(), ReachCounter.hourOf(now.minus(ReachCounter.WINDOW)),
                run.reach.hours());
        publishStandings(campaign, now);
        RunSummary summary = new RunSummary(run.due, run.sent, run.templates, run.deferred, run.skipped, run.expired,
                run.failed, run.erasures, run.indexItemsRead, finished, Duration.ofNanos(nanoTime.getAsLong() - startNanos));
        return summary; // the function logs it as structured JSON and as metrics
    }

    /**
     * The week's standings TOP reads, rebuilt from the board's shards once per run (so a board lags one run at most).
     * Best effort: a failure leaves the last run's standings, and TOP reads the shards when a week has none.
     */
    private void publishStandings(Campaign campaign, Instant now) {
        if (campaign.leaderboard().isEmpty()) {
            return;
        }
        try {
            store.publishStandings(campaign.id(), io.playloop.games.leaderboard.WeekKey.of(now, campaign.timeZone()),
                    campaign.leaderboard().get().top(), now);
        } catch (RuntimeException e) {
            LOG.warn("could not publish the week's standings; TOP shows the last ones", e);
        }
    }

    /** False when the visit failed and could not even be put off (the cursor then stays at its hour). */
    private boolean visitSafely(Run run, DueEntry entry) {
        run.due++;
        try {
            visit(run, entry.customerKey(), Set.of());
            return true;
        } catch (RuntimeException e) {
            run.failed++;
            LOG.error("scheduler visit of {} failed; looked at again in {}", Masking.phone(entry.customerKey()),
                    RETRY_FAILED_VISIT, e);
            try {
                // Moved without reading or version-checking it: even a schedule that cannot be parsed leaves the
                // hour, so one broken customer never holds the cursor back.
                store.postpone(entry.customerKey(), clock.instant().plus(RETRY_FAILED_VISIT));
                return true;
            } catch (RuntimeException again) {
                LOG.error("could not postpone {}; its hour stays under the cursor", Masking.phone(entry.customerKey()),
                        again);
                return false;
            }
        }
    }

    /** A visit that loses a race with the game reads again once; a second loss is a failure (postponed). */
    private void visit(Run run, String customerKey, Set<String> forceTemplate) {
        try {
            visitOnce(run, customerKey, forceTemplate);
        } catch (ConcurrentUpdateException e) {
            visitOnce(run, customerKey, forceTemplate);
        }
    }

    private void visitOnce(Run run, String customerKey, Set<String> forceTemplate) {
        Optional<CustomerState> loaded = store.load(customerKey);
        if (loaded.isEmpty()) {
            return;
        }
        CustomerState state = loaded.get();
        Outreach outreach = run.campaign.outreach();
        // Each visit's own time: a long, paced run must not send at 20:01 local because it started at 19:55.
        Instant now = clock.instant();
        Schedule read = state.schedule();
        if (read.dueAt().isPresent() && read.dueAt().get().isAfter(now)) {
            // The index copy is older than the item: the game or an earlier visit moved the next look already.
            run.due--;
            return;
        }
        CustomerView seenNow = new CustomerView(run.campaign, state.customer(), state.points().account(),
                state.progress().progress(), now, state.won());
        Optional<Instant> eraseAt = ReminderPlanner.erasureDue(seenNow);
        if (eraseAt.isPresent() && !now.isBefore(eraseAt.get())) {
            eraseSilent(run, customerKey, read, eraseAt.get(), now);
            return;
        }
        Schedule schedule = read.pruned(now, outreach.contactBudget().window());

        // Housekeeping first: lots past their expiry, a birthday bonus, rewards past their validity.
        PointsAccount account = state.points().account();
        List<LedgerEntry> entries = new ArrayList<>();
        LedgerResult expiredLots = account.expire(now);
        if (expiredLots.changed()) {
            account = expiredLots.account();
            entries.addAll(expiredLots.entries());
        }
        int expiredHere = expiredLots.entries().size();
        CustomerView view = new CustomerView(run.campaign, state.customer(), account, state.progress().progress(), now,
                state.won());
        Optional<ReminderRule> birthday = outreach.reminder(ReminderKind.BIRTHDAY).filter(r -> r.points() > 0);
        if (birthday.isPresent()) {
            for (DueReminder r : ReminderPlanner.occurrences(view, now)) {
                if (r.kind() == ReminderKind.BIRTHDAY && r.isDue(now) && !schedule.isDone(r.id())
                        && account.entry(EntryKind.GRANT, r.id()).isEmpty()) {
                    Instant expires = now.plus(run.campaign.points().lotExpiry());
                    LedgerResult granted = account.grant(birthday.get().points(), "birthday", r.id(), now, expires);
                    if (granted.changed()) {
                        account = granted.account();
                        entries.addAll(granted.entries());
                    }
                }
            }
            view = new CustomerView(run.campaign, state.customer(), account, state.progress().progress(), now,
                state.won());
        }
        List<WalletEntry> rewardsExpired = RewardExpiry.due(view.progress().wallet(), schedule, now);
        for (WalletEntry w : rewardsExpired) {
            schedule = schedule.withDone(RewardExpiry.id(w), RewardExpiry.markKeptUntil(w));
            expiredHere++;
        }
        List<String> wonCodesExpired = new ArrayList<>();
        for (io.playloop.engine.Reward won : RewardExpiry.wonDue(state.won(), schedule, now)) {
            schedule = schedule.withDone(RewardExpiry.wonId(won), won.validUntil().plus(Duration.ofDays(1)));
            wonCodesExpired.add(won.code().orElseThrow());
            expiredHere++;
        }
        Optional<PointsWrite> points = entries.isEmpty() ? Optional.empty()
                : Optional.of(new PointsWrite(account, state.points().version(), entries));

        // A send the money budget, Meta's messaging limit or the US marketing pause blocks is settled or put off, and
        // the visit plans again without it, so the other due reminders are not pushed back for a message never sent.
        Schedule planned = schedule;
        VisitPlan plan = VisitPlanner.plan(view, planned, now, forceTemplate);
        Optional<Outgoing> send = Optional.empty();
        for (int round = 0; round < 4 && plan.send().isPresent(); round++) {
            Optional<Schedule> blocked = blocked(run, plan.send().get(), planned, state.customer(), now);
            if (blocked.isEmpty()) {
                send = plan.send();
                break;
            }
            planned = blocked.get();
            plan = VisitPlanner.plan(view, planned, now, forceTemplate);
        }
        run.deferred += plan.deferred();
        run.skipped += plan.skipped().size();
        plan.skipped().forEach(reason -> LOG.info("reminder skipped for {}: {}",
                Masking.phone(customerKey), reason));
        // Past the last round a send still planned waits for the next visit (its schedule has it neither done nor sent).
        Schedule decided = plan.schedule();
        Optional<SchedulerClaim.Spend> spend = Optional.empty();
        Optional<SchedulerClaim.Reach> reach = Optional.empty();
        boolean newReach = false;
        if (send.isPresent() && send.get().channel() == Channel.TEMPLATE) {
            newReach = schedule.lastTemplateAt().map(t -> !t.isAfter(now.minus(ReachCounter.WINDOW))).orElse(true);
            long fee = feeMicros(outreach, send.get().template().orElseThrow(), state.customer());
            if (outreach.moneyBudget().isPresent() && fee > 0) {
                spend = Optional.of(new SchedulerClaim.Spend(run.campaign.id(), fee,
                        Optional.of(toMicros(outreach.moneyBudget().get()))));
            }
            if (newReach) {
                reach = Optional.of(new SchedulerClaim.Reach(config.phoneNumberId(), ReachCounter.hourOf(now), 1));
            }
        }
        // The message is built before anything is claimed: a reminder that cannot be rendered is not counted as sent.
        CustomerView seen = view;
        Optional<OutboundMessage> message = send.map(o -> message(run, seen, o));
        Schedule beforeSend = decided;
        Schedule claimed = send.map(o -> beforeSend.withSent(o.reminder().id(), now, o.reminder().staleAt(),
                o.channel() == Channel.TEMPLATE)).orElse(beforeSend);
        claimed = claimed.withDueAt(nextLook(view, claimed, now));
        try {
            store.claim(new SchedulerClaim(customerKey, claimed, read.version(), points, rewardsExpired, spend, reach,
                    wonCodesExpired));
            run.expired += expiredHere;
        } catch (BudgetExhaustedException e) {
            // The campaign's money budget is spent: no more paid sends this run; settle this one without a message.
            run.moneySpent = true;
            DueReminder r = send.orElseThrow().reminder();
            Schedule settled = beforeSend.withDone(r.id(), r.staleAt());
            settled = settled.withDueAt(nextLook(view, settled, now));
            store.claim(new SchedulerClaim(customerKey, settled, read.version(), points, rewardsExpired,
                    Optional.empty(), Optional.empty(), wonCodesExpired));
            run.expired += expiredHere;
            run.skipped++;
            LOG.warn("campaign {} reached its money budget; paid reminders stop", run.campaign.id());
            return;
        }
        if (send.isEmpty()) {
            return;
        }
        deliver(run, state.customer(), view, send.get(), message.orElseThrow(), beforeSend, read.version() + 1, spend,
                reach, newReach, forceTemplate, now);
    }

    /**
     * A customer silent for the campaign's retention: no reminder any more, and an ERASE job to the reward function
     * (which erases them from the table and the CRMs, as if they had asked). The schedule remembers the job for a week
     * and looks again in a day, in case the job was lost; the job id is the same for the same silence, so a second one
     * changes nothing.
     */
    private void eraseSilent(Run run, String customerKey, Schedule read, Instant dueSince, Instant now) {
        String mark = "erase:" + dueSince.getEpochSecond();
        if (rewards == RewardQueue.NONE) {
            LOG.error("{} is silent past the campaign's retention but no rewards queue is configured to erase them "
                    + "(PLAYLOOP_REWARDS_QUEUE_URL); looked at again in a day", Masking.phone(customerKey));
        } else if (!read.isDone(mark)) {
            rewards.send(List.of(RewardJob.erase("inactive:" + customerKey + ":" + dueSince.getEpochSecond(),
                    customerKey, run.campaign.id())));
            run.erasures++;
            LOG.info("{} silent past the retention: erasure queued", Masking.phone(customerKey));
        }
        Schedule marked = read.isDone(mark) ? read : read.withDone(mark, now.plus(Duration.ofDays(7)));
        store.claim(new SchedulerClaim(customerKey, marked.withDueAt(Optional.of(now.plus(Duration.ofDays(1)))),
                read.version(), Optional.empty(), List.of(), Optional.empty(), Optional.empty()));
    }

    /**
     * The schedule with {@code out}'s reminder settled or put off when a run-wide limit blocks it (US marketing pause,
     * Meta's messaging limit, the money budget already spent this run); empty when it may go.
     */
    private Optional<Schedule> blocked(Run run, Outgoing out, Schedule base, Customer customer, Instant now) {
        if (out.channel() != Channel.TEMPLATE) {
            return Optional.empty();
        }
        DueReminder r = out.reminder();
        MessageTemplate template = out.template().orElseThrow();
        String region = PhoneNumbers.regionOf(customer.waId());
        if (template.category() == TemplateCategory.MARKETING && region != null
                && MARKETING_NOT_DELIVERED.contains(region)) {
            // Meta does not deliver marketing templates to US numbers (since April 2025): don't pay for nothing.
            run.skipped++;
            return Optional.of(base.withDone(r.id(), r.staleAt()));
        }
        boolean newReach = base.lastTemplateAt().map(t -> !t.isAfter(now.minus(ReachCounter.WINDOW))).orElse(true);
        if (newReach && run.reach.full(now)) {
            run.deferred++;
            return Optional.of(base.withDeferred(r.id(), run.reach.freesAt(now)));
        }
        if (run.moneySpent && feeMicros(run.campaign.outreach(), template, customer) > 0) {
            run.skipped++;
            return Optional.of(base.withDone(r.id(), r.staleAt()));
        }
        return Optional.empty();
    }

    private OutboundMessage message(Run run, CustomerView view, Outgoing out) {
        DueReminder reminder = withRank(run, out.reminder(), view);
        Customer customer = view.customer();
        return out.channel() == Channel.TEMPLATE
                ? ReminderMessages.template(run.campaign, customer.address(), customer.language(), reminder,
                        out.template().get())
                : ReminderMessages.freeForm(run.campaign, customer.address(), customer.language(), reminder);
    }

    private void deliver(Run run, Customer customer, CustomerView view, Outgoing out, OutboundMessage message,
                         Schedule beforeSend, long claimedVersion, Optional<SchedulerClaim.Spend> spend,
                         Optional<SchedulerClaim.Reach> reach, boolean newReach, Set<String> forceTemplate,
                         Instant now) {
        DueReminder reminder = out.reminder();
        run.pacer.acquire();
        try {
            SendResult result = graph.send(message);
            run.sent++;
            recordSent(result, customer, reminder, out.channel() == Channel.TEMPLATE, now);
            if (out.channel() == Channel.TEMPLATE) {
                run.templates++;
                if (newReach) {
                    run.reach.add(now);
                }
            }
            LOG.info("reminder {} sent to {} as {}", reminder.kind(), Masking.phone(customer.key()),
                    out.channel());
        } catch (GraphApiException e) {
            int code = e.error().code();
            if (code == 0 && e.error().httpStatus() == 0) {
                // No answer at all (a timeout): Meta may have accepted it. Keep it counted rather than risk a
                // second copy (no wamid came back, so no later status can reopen it either).
                run.failed++;
                LOG.warn("reminder {} for {}: no answer from the Graph API, counted as sent", reminder.kind(),
                        Masking.phone(customer.key()));
                return;
            }
            java.util.function.UnaryOperator<Schedule> outcome;
            if (code == MetaBackoff.WINDOW_CLOSED && out.channel() == Channel.FREE_FORM) {
                // Meta's view of the window differs from ours (it happens): take the send back and go as a template.
                undo(run, customer, view, reminder, beforeSend, claimedVersion, spend, reach, now,
                        schedule -> schedule.withDueAt(Optional.of(now)));
                Set<String> again = new HashSet<>(forceTemplate);
                again.add(reminder.id());
                visit(run, customer.key(), again);
                return;
            }
            if (code == MetaBackoff.STOPPED_MARKETING) {
                // Not sent, and no marketing template to this customer from now on (utility ones still go).
                outcome = schedule -> schedule.withDone(reminder.id(), reminder.staleAt()).withMarketingStopped(now);
                run.skipped++;
                LOG.info("{} stopped marketing messages (131050): recorded", Masking.phone(customer.key()));
            } else if (code == MetaBackoff.THROUGHPUT || code == MetaBackoff.PAIR_RATE
                    || code == MetaBackoff.NOT_DELIVERED || e.retryable()) {
                if (code == MetaBackoff.THROUGHPUT) {
                    run.pacer.slowDown();
                }
                Duration wait = MetaBackoff.after(code, beforeSend.backoffs());
                outcome = schedule -> schedule.withDeferred(reminder.id(), now.plus(wait))
                        .withBackoffs(schedule.backoffs() + 1);
                run.deferred++;
                LOG.warn("reminder {} for {} refused by Meta ({}): deferred {}", reminder.kind(),
                        Masking.phone(customer.key()), code, wait);
            } else {
                outcome = schedule -> schedule.withDone(reminder.id(), reminder.staleAt());
                run.failed++;
                LOG.error("reminder {} for {} refused by Meta ({}), not retried: {}", reminder.kind(),
                        Masking.phone(customer.key()), code, e.getMessage());
            }
            java.util.function.UnaryOperator<Schedule> decided = outcome;
            undo(run, customer, view, reminder, beforeSend, claimedVersion, spend, reach, now,
                    schedule -> decided.apply(schedule).withDueAt(nextLook(view, decided.apply(schedule), now)));
        }
    }

    /**
     * Writes what Meta's refusal means over the schedule as it was before the send (the claim's version), with the fee
     * and reach given back. When the game, a friend's step or a late status wrote the schedule in between, the send is
     * reversed on the fresh schedule and the same outcome applied again, so a refusal is never lost to a race.
     */
    private void undo(Run run, Customer customer, CustomerView view, DueReminder reminder, Schedule beforeSend,
                      long claimedVersion, Optional<SchedulerClaim.Spend> spend, Optional<SchedulerClaim.Reach> reach,
                      Instant now, java.util.function.UnaryOperator<Schedule> outcome) {
        Optional<SchedulerClaim.Spend> refund = spend.map(
                s -> new SchedulerClaim.Spend(s.campaignId(), -s.micros(), Optional.empty()));
        Optional<SchedulerClaim.Reach> giveBack = reach.map(
                r -> new SchedulerClaim.Reach(r.phoneNumberId(), r.hourEpochSecond(), -r.delta()));
        Schedule base = beforeSend;
        long version = claimedVersion;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                store.claim(new SchedulerClaim(customer.key(), outcome.apply(base), version, Optional.empty(),
                        List.of(), refund, giveBack));
                return;
            } catch (ConcurrentUpdateException e) {
                Optional<CustomerState> fresh = store.load(customer.key());
                if (fresh.isEmpty()) {
                    return;
                }
                version = fresh.get().schedule().version();
                base = fresh.get().schedule().withUndelivered(reminder.id(), now, now, false);
            }
        }
        LOG.error("could not record Meta's refusal of reminder {} for {} after 5 attempts", reminder.kind(),
                Masking.phone(customer.key()));
    }

    /** So that a failed status reported later finds the reminder; a lost record only means that failure is ignored. */
    private void recordSent(SendResult result, Customer customer, DueReminder reminder, boolean template, Instant now) {
        if (result.wamid() == null || result.wamid().isBlank()) {
            return;
        }
        try {
            store.recordSent(result.wamid(), customer.key(), reminder.id(), template, now);
        } catch (RuntimeException e) {
            LOG.warn("could not record sent reminder {} for {}: a late failure of it will be ignored", reminder.id(),
                    Masking.phone(customer.key()), e);
        }
    }


    /** The next look, never the present (what is due now was just decided). */
    private static Optional<Instant> nextLook(CustomerView view, Schedule schedule, Instant now) {
        return ReminderPlanner.nextLook(view, schedule, now).map(at -> at.isAfter(now) ? at : now.plusSeconds(60));
    }

    /** The leaderboard result's rank, read when it goes out (the week is closed, so it no longer moves). */
    private DueReminder withRank(Run run, DueReminder reminder, CustomerView view) {
        if (reminder.kind() != ReminderKind.LEADERBOARD_RESULT || run.campaign.leaderboard().isEmpty()) {
            return reminder;
        }
        String week = reminder.values().get("week");
        int shards = io.playloop.games.leaderboard.Shards.BOARD;
        Optional<Score> me = view.progress().weeklyScore().filter(s -> s.week().equals(week)).map(ScoreItem::score);
        List<Score> top = leaderboard.top(run.campaign.id(), week, run.campaign.leaderboard().get().top(), shards);
        boolean inTop = me.isPresent() && top.stream().anyMatch(s -> s.customer().equals(view.customer().key()));
        long above = me.isEmpty() || inTop ? 0 : leaderboard.aboveInShard(run.campaign.id(), week, me.get(), shards);
        Rank rank = Standings.rank(top, me, above, shards);
        // The bare number: the text writes its own "#" or "no." (an "about" rank has its own placeholder and form).
        Map<String, String> values = new HashMap<>(reminder.values());
        values.remove("rank");
        values.remove("around");
        if (rank instanceof Rank.Exact exact) {
            values.put("rank", Long.toString(exact.place()));
        } else if (rank instanceof Rank.About about) {
            values.put("around", Long.toString(about.place()));
        }
        return new DueReminder(reminder.kind(), reminder.id(), reminder.dueAt(), reminder.staleAt(), values);
    }

    private static long feeMicros(Outreach outreach, MessageTemplate template, Customer customer) {
        BigDecimal fee = outreach.fees().fee(template.category(), PhoneNumbers.regionOf(customer.waId()));
        return toMicros(fee);
    }

    private static long toMicros(BigDecimal amount) {
        return amount.multiply(BigDecimal.valueOf(MICROS)).longValue();
    }

    /** One run's running state. */
    private static final class Run {
        final Campaign campaign;
        final SendPacer pacer;
        final ReachCounter reach;
        boolean moneySpent;
        int due;
        int sent;
        int templates;
        int deferred;
        int skipped;
        int expired;
        int failed;
        int erasures;
        long indexItemsRead;

        Run(Campaign campaign, SendPacer pacer, ReachCounter reach) {
            this.campaign = campaign;
            this.pacer = pacer;
            this.reach = reach;
        }
    }
}
