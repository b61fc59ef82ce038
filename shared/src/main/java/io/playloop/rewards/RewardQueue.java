package io.playloop.rewards;

import java.util.List;

/** Where the game sends reward jobs after committing them (the rewards queue). */
public interface RewardQueue {
    /**
     * Sends the jobs; returns only once every one is accepted.
     *
     * @throws RuntimeException when any was not: the caller fails its record, and the redelivery sends them
     *                          again from the receipt (the reward function is idempotent per job id)
     */
    void send(List<RewardJob> jobs);

    /**
     * Whether CRM sync jobs are wanted (a CRM is configured): without one, none is made, so a message costs no
     * queue request for nothing.
     */
    default boolean syncsCrm() {
        return false;
    }

    /** No rewards queue (tests, tools): jobs are dropped. */
    RewardQueue NONE = jobs -> { };
}
