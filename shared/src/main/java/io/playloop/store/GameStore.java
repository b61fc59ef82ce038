package io.playloop.store;

import java.time.Instant;

/**
 * What the game function needs from the table for one inbound message. Implemented over DynamoDB by
 * {@link DynamoGameStore}; tests of the processing rules use an in-memory fake.
 */
public interface GameStore {
    /**
     * Reads the customer and the receipt of this wamid in one round trip (strongly consistent).
     */
    default Snapshot load(String customerKey, String wamid, Instant now) {
        return load(customerKey, wamid, java.util.Optional.empty(), now);
    }

    /**
     * Reads the customer, the receipt of this wamid and, when the message carries a referral code, who holds
     * it, in one round trip (strongly consistent).
     */
    Snapshot load(String customerKey, String wamid, java.util.Optional<io.playloop.games.referral.ReferralCode> code,
                  Instant now);

    /**
     * Writes the outcome of one inbound message atomically: the receipt (only if this wamid has no live
     * receipt), the customer (only if its version is still the one read; a new customer only if absent)
     * and the consent event, if any.
     *
     * @throws DuplicateInboundException when a live receipt for this wamid exists: another delivery won
     * @throws ConcurrentUpdateException when the customer changed since it was read
     * @throws CodeTakenException        when the referral code claimed is another customer's
     * @throws BudgetExhaustedException  when a prize's budget refused the win
     */
    void commit(Commit commit);

    /** Marks the receipt's reply as sent, with the wamid Meta gave it (its reward jobs, if any, were sent first). */
    void markReplySent(String wamid, String sentWamid, Instant at);

    /**
     * Gives up the receipt's pending reply: the customer's 24-hour window closed before the Graph API took it, and
     * outside the window only templates may be sent. The state change stays; the reply is no longer pending (its
     * stored body is dropped, and the reward jobs, sent before the reply, with it).
     */
    void markReplyAbandoned(String wamid, Instant at);

    /** Marks the receipt's reward jobs as on the rewards queue (when the message has no reply to mark). */
    void markJobsSent(String wamid);

    /**
     * Brings another customer's next scheduler look to {@code at} unless it is already earlier (a referred friend's
     * step telling the referrer's schedule). Best effort: a failure only delays the notice to the referrer's next look.
     */
    default void lookSoon(String customerKey, java.time.Instant at) {
    }
}
