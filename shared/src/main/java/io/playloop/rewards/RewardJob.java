package io.playloop.rewards;

import java.util.Objects;
import java.util.Optional;

/**
 * Work the game hands to the reward function, written in the same transaction as the state change that
 * caused it (the inbound receipt is the outbox) and sent to the rewards queue after the commit.
 *
 * @param jobId       unique and stable: the queue's deduplication id and the reward function's idempotency key
 * @param kind        what to do
 * @param customerKey whose
 * @param campaignId  the campaign it belongs to
 * @param rewardId    for {@link Kind#POOL_CODE}: the reward waiting for a code
 * @param pool        for {@link Kind#POOL_CODE}: the pool to take it from
 */
public record RewardJob(String jobId, Kind kind, String customerKey, String campaignId, Optional<String> rewardId,
                        Optional<String> pool) {
    /** The kinds of work. */
    public enum Kind {
        /** Give a redeemed reward a code from its pool and send it to the customer. */
        POOL_CODE,
        /** Push the customer's game state to the configured CRMs. */
        CRM_SYNC,
        /**
         * Erase everything held on the customer: the table ({@link io.playloop.rights.CustomerErasure}), then the
         * contact in the configured CRMs. Queued in the CRM syncs' group, so a sync queued before it never lands after
         * the CRM delete; sent only after the reply that announces it.
         */
        ERASE;

        /** The part of the rewards queue's message group after the customer: one FIFO order per group. */
        public String group() {
            return this == ERASE ? CRM_SYNC.name() : name();
        }

        /** Whether the job goes to the queue only once the step's reply is sent (the reply must not outrun it). */
        public boolean afterReply() {
            return this == ERASE;
        }
    }

    public RewardJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerKey, "customerKey");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(rewardId, "rewardId");
        Objects.requireNonNull(pool, "pool");
        if (kind == Kind.POOL_CODE && (rewardId.isEmpty() || pool.isEmpty())) {
            throw new IllegalArgumentException("a pool-code job names its reward and its pool");
        }
    }

    /** A pool code for a reward just redeemed. */
    public static RewardJob poolCode(String customerKey, String campaignId, String rewardId, String pool) {
        return new RewardJob("pool:" + rewardId, Kind.POOL_CODE, customerKey, campaignId, Optional.of(rewardId),
                Optional.of(pool));
    }

    /**
     * Erasure of the customer, asked by one event (the confirmation tap's wamid) or by a tool ({@code cli:<id>}):
     * the same event always makes the same job id.
     */
    public static RewardJob erase(String eventId, String customerKey, String campaignId) {
        return new RewardJob("erase:" + eventId, Kind.ERASE, customerKey, campaignId, Optional.empty(),
                Optional.empty());
    }

    /** A CRM sync after the state change of one event (a message, an order). */
    public static RewardJob crmSync(String eventId, String customerKey, String campaignId) {
        return new RewardJob("crm:" + eventId, Kind.CRM_SYNC, customerKey, campaignId, Optional.empty(),
                Optional.empty());
    }
}
