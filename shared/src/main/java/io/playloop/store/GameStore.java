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
     * Reads what {@code plan} asks for, and no receipt (strongly consistent): the profile, the points and the
     * progress, plus the quiz, the wheel, the referral code's holder and the mechanics' slices when planned. The schedule is not read
     * ({@link Snapshot#schedule} is NONE). The snapshot carries the profile's last-message hint, so a redelivery of
     * the last message can read its receipt ({@link #receipt}).
     *
     * <p>By default the full load (fakes of the processing rules).
     */
    default Snapshot load(String customerKey, String wamid, io.playloop.engine.ReadPlan plan, Instant now) {
        return load(customerKey, wamid, plan.code(), now);
    }

    /** The live receipt of {@code wamid}, if any (one consistent read). */
    default java.util.Optional<InboundReceipt> receipt(String customerKey, String wamid, Instant now) {
        return load(customerKey, wamid, now).receipt();
    }

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

    /**
     * Marks the receipt's reply as sent, with the wamid Meta gave it, and forgets the reply's text (it names the
     * customer). Its reward jobs are cleared too unless {@code keepJobs} (some go out after the reply). A receipt that
     * no longer exists (the customer was erased meanwhile) is left alone.
     */
    void markReplySent(String customerKey, String wamid, String sentWamid, Instant at, boolean keepJobs);

    /** Marks the receipt's reply as sent and its jobs as on the rewards queue (see the five-argument form). */
    default void markReplySent(String customerKey, String wamid, String sentWamid, Instant at) {
        markReplySent(customerKey, wamid, sentWamid, at, false);
    }

    /**
     * Forgets a reply that will never be sent (Meta refused it for good, or the 24-hour window closed): the receipt
     * says NO_REPLY and no longer holds its text; its jobs are cleared too unless {@code keepJobs}.
     */
    void markReplyDropped(String customerKey, String wamid, boolean keepJobs);

    /** Marks the receipt's reward jobs as on the rewards queue (when the message has no reply to mark). */
    void markJobsSent(String customerKey, String wamid);

    /**
     * Brings another customer's next scheduler look to {@code at} unless it is already earlier (a referred friend's
     * step telling the referrer's schedule). Best effort: a failure only delays the notice to the referrer's next look.
     */
    default void lookSoon(String customerKey, java.time.Instant at) {
    }
}
