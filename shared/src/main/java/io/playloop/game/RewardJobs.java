package io.playloop.game;

import io.playloop.engine.Outcome;
import io.playloop.engine.Redemption;
import io.playloop.rewards.RewardJob;
import java.util.ArrayList;
import java.util.List;

/**
 * The reward jobs an outcome calls for: a pool code for a reward bought without one, a CRM sync for a change, the
 * erasure a customer confirmed (instead of a sync: the CRM contact is deleted with them).
 */
final class RewardJobs {
    private RewardJobs() {
    }

    /**
     * @param created whether the customer is new (a new contact for the CRM)
     * @param eventId the wamid or shop event id: the jobs' ids derive from it, so a re-run makes the same jobs
     * @param crm     whether a CRM is configured (else no sync job)
     */
    static List<RewardJob> of(Outcome outcome, boolean created, String eventId, String campaignId, boolean crm) {
        List<RewardJob> jobs = new ArrayList<>();
        String customer = outcome.customer().key();
        outcome.progress().flatMap(Outcome.ProgressOutcome::redemption).map(Redemption::entry)
                .filter(entry -> entry.code().isEmpty())
                .ifPresent(entry -> jobs.add(RewardJob.poolCode(customer, campaignId, entry.rewardId(),
                        poolOf(outcome, entry.itemId()))));
        if (outcome.erase()) {
            jobs.add(RewardJob.erase(eventId, customer, campaignId));
            return jobs;
        }
        boolean changed = created || outcome.points().isPresent() || outcome.consentChange().isPresent()
                || outcome.progress().isPresent();
        if (changed && crm) {
            jobs.add(RewardJob.crmSync(eventId, customer, campaignId));
        }
        return jobs;
    }

    private static String poolOf(Outcome outcome, String itemId) {
        return outcome.progress().flatMap(Outcome.ProgressOutcome::redemption).flatMap(Redemption::pool)
                .orElseThrow(() -> new IllegalStateException("a reward without a code must name its pool: " + itemId));
    }
}
