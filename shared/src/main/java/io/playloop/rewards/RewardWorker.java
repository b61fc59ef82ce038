package io.playloop.rewards;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.TextKey;
import io.playloop.crm.CrmContact;
import io.playloop.crm.CrmSync;
import io.playloop.engine.Customer;
import io.playloop.engine.LocalDates;
import io.playloop.engine.Progress;
import io.playloop.logging.Masking;
import io.playloop.rights.CustomerErasure;
import io.playloop.store.GameStore;
import io.playloop.store.PoolCodes;
import io.playloop.store.Snapshot;
import io.playloop.whatsapp.outbound.GraphApi;
import io.playloop.whatsapp.outbound.GraphApiException;
import io.playloop.whatsapp.outbound.TextMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does one reward job, off the game's critical path (a slow pool or a CRM outage never delays a reply):
 * <ul>
 *   <li>{@link RewardJob.Kind#POOL_CODE}: gives the waiting reward a code from its pool ({@link PoolCodes}),
 *       writes it into the customer's wallet and sends it while the customer-service window is open (later,
 *       REWARDS shows it);</li>
 *   <li>{@link RewardJob.Kind#CRM_SYNC}: reads the customer's current state and pushes it to the configured
 *       CRMs ({@link CrmSync}); a CRM that is down makes the job come back later (the queue's redelivery), so
 *       the sync is delivered once the CRM recovers;</li>
 *   <li>{@link RewardJob.Kind#ERASE}: erases the customer from the table ({@link CustomerErasure}), then deletes their
 *       contact in the configured CRMs; a CRM that is down makes the job come back (the table part finds nothing
 *       left the second time).</li>
 * </ul>
 * Every effect is idempotent per job: running a job twice gives no second code and pushes the same state.
 */
public final class RewardWorker {
    /** Meta's customer-service window: a code is sent as a free-form message only inside it. */
    static final Duration SERVICE_WINDOW = io.playloop.engine.Engine.SERVICE_WINDOW;
    private static final Logger LOG = LoggerFactory.getLogger(RewardWorker.class);

    /** What became of a job. */
    public enum Result {
        /** Done (or nothing to do): delete the record. */
        DONE,
        /** Not done for a reason time may fix (pool empty, CRM down): let the queue bring it back. */
        RETRY
    }

    private final GameStore store;
    private final PoolCodes pools;
    private final Supplier<Campaign> campaigns;
    private final GraphApi graph;
    private final Optional<CrmSync> crm;
    private final CustomerErasure erasure;
    private final Clock clock;

    public RewardWorker(GameStore store, PoolCodes pools, Supplier<Campaign> campaigns, GraphApi graph,
                        Optional<CrmSync> crm, CustomerErasure erasure, Clock clock) {
        this.erasure = Objects.requireNonNull(erasure, "erasure");
        this.store = Objects.requireNonNull(store, "store");
        this.pools = Objects.requireNonNull(pools, "pools");
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.crm = Objects.requireNonNull(crm, "crm");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs one job.
     *
     * @param deadline when the function must have answered (its remaining time less a margin)
     */
    public Result run(RewardJob job, Instant deadline) {
        return switch (job.kind()) {
            case POOL_CODE -> poolCode(job);
            case CRM_SYNC -> crmSync(job, deadline);
            case ERASE -> erase(job, deadline);
        };
    }

    private Result erase(RewardJob job, Instant deadline) {
        erasure.erase(job.customerKey());
        if (crm.isEmpty()) {
            return Result.DONE;
        }
        return crm.get().erase(job.customerKey(), deadline).shouldRedeliver() ? Result.RETRY : Result.DONE;
    }

    private Result poolCode(RewardJob job) {
        Instant now = clock.instant();
        PoolCodes.Result given = pools.give(job.customerKey(), job.rewardId().orElseThrow(), job.pool().orElseThrow(),
                job.campaignId(), now);
        if (given instanceof PoolCodes.Result.PoolEmpty empty) {
            LOG.atError().addKeyValue("pool", empty.pool()).addKeyValue("customer", Masking.phone(job.customerKey()))
                    .log("coupon pool is empty: import more codes (playloop-cli coupons-import); the job will retry");
            return Result.RETRY;
        }
        if (!(given instanceof PoolCodes.Result.Given code)) {
            return Result.DONE;
        }
        pools.recordInWallet(job.customerKey(), job.rewardId().get(), code.code());
        Snapshot snapshot = store.load(job.customerKey(), "job:" + job.jobId(), now);
        Optional<Customer> customer = snapshot.customer();
        if (customer.isEmpty() || customer.get().lastInboundAt() == null
                || customer.get().lastInboundAt().plus(SERVICE_WINDOW).isBefore(now)) {
            return Result.DONE; // outside the window: REWARDS shows the code; a template is the scheduler's job
        }
        Campaign campaign = campaigns.get();
        String language = campaign.languageOrDefault(customer.get().language());
        String reward = campaign.catalogueItem(code.itemId()).map(i -> i.name().in(language, campaign.defaultLanguage()))
                .orElse(code.itemId());
        String validUntil = LocalDates.of(Instant.parse(code.validUntil()), language, campaign.timeZone());
        String body = campaign.texts().render(language, TextKey.REWARD_DELIVERED, Map.of(
                "reward", io.playloop.engine.BidiIsolate.of(reward), "code", code.code(), "valid_until", validUntil));
        try {
            graph.send(new TextMessage(customer.get().address(), body));
        } catch (GraphApiException e) {
            if (e.retryable()) {
                throw e; // the code is kept on the reward: the retry only sends
            }
            LOG.atWarn().addKeyValue("customer", Masking.phone(job.customerKey())).addKeyValue("graphCode", e.error().code())
                    .log("the code message was refused; REWARDS shows the code");
        }
        return Result.DONE;
    }

    private Result crmSync(RewardJob job, Instant deadline) {
        if (crm.isEmpty()) {
            return Result.DONE;
        }
        Instant now = clock.instant();
        Snapshot snapshot = store.load(job.customerKey(), "job:" + job.jobId(), now);
        if (snapshot.customer().isEmpty()) {
            return Result.DONE;
        }
        Customer customer = snapshot.customer().get();
        Progress progress = snapshot.progress().progress();
        Campaign campaign = campaigns.get();
        String language = campaign.languageOrDefault(customer.language());
        Optional<io.playloop.campaign.Tier> tier = progress.tier().flatMap(id -> campaign.tiers().stream()
                .filter(t -> t.id().equals(id)).findFirst());
        CrmContact contact = new CrmContact(customer.key(),
                customer.waId() == null ? null : "+" + customer.waId(),
                customer.name(), language,
                snapshot.points().account().balance(now), snapshot.points().account().earnedTotal(),
                tier.map(io.playloop.campaign.Tier::id).orElse(null),
                tier.map(t -> t.name().in(language, campaign.defaultLanguage())).orElse(null),
                java.util.List.copyOf(progress.badges().keySet()), customer.consent().proactive(),
                progress.attributes().get(Progress.LAST_GAME),
                Optional.ofNullable(progress.attributes().get(Progress.LAST_GAME_AT)).map(Instant::parse).orElse(null),
                job.campaignId(), customer.version());
        return crm.get().sync(contact, deadline).shouldRedeliver() ? Result.RETRY : Result.DONE;
    }
}
