package io.playloop.testing;

import io.playloop.engine.ConsentChange;
import io.playloop.engine.Customer;
import io.playloop.store.Commit;
import io.playloop.store.ConcurrentUpdateException;
import io.playloop.store.DuplicateInboundException;
import io.playloop.store.GameStore;
import io.playloop.store.InboundReceipt;
import io.playloop.store.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link GameStore} in memory with the same conditional semantics as the DynamoDB one (receipt
 * absent-or-expired, customer version check, all-or-nothing), for rule tests without I/O. It keeps profiles,
 * receipts and consent only: game state (points, quiz, wheel, progress) is tested against DynamoDB Local.
 */
public final class InMemoryGameStore implements GameStore {
    private final Map<String, Customer> customers = new HashMap<>();
    private final Map<String, InboundReceipt> receipts = new HashMap<>();
    private final List<ConsentChange> consentHistory = new ArrayList<>();
    private int commits;

    @Override
    public synchronized Snapshot load(String customerKey, String wamid,
                                      Optional<io.playloop.games.referral.ReferralCode> code, Instant now) {
        InboundReceipt receipt = receipts.get(wamid);
        if (receipt != null && !receipt.expiresAt().isAfter(now)) {
            receipt = null;
        }
        return new Snapshot(Optional.ofNullable(customers.get(customerKey)), Optional.ofNullable(receipt));
    }

    @Override
    public synchronized void commit(Commit commit) {
        InboundReceipt existing = receipts.get(commit.receipt().wamid());
        if (existing != null && existing.expiresAt().isAfter(commit.receipt().processedAt())) {
            throw new DuplicateInboundException(commit.receipt().wamid());
        }
        Customer stored = customers.get(commit.customer().key());
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != commit.expectedVersion()) {
            throw new ConcurrentUpdateException(commit.customer().key());
        }
        Customer c = commit.customer();
        customers.put(c.key(), new Customer(c.key(), c.waId(), c.bsuid(), c.name(), c.language(), c.points(),
                c.consent(), c.firstSeenAt(), c.lastInboundAt(), commit.expectedVersion() + 1));
        receipts.put(commit.receipt().wamid(), commit.receipt());
        commit.consentChange().ifPresent(consentHistory::add);
        commits++;
    }

    @Override
    public synchronized void markReplySent(String customerKey, String wamid, String sentWamid, Instant at,
                                           boolean keepJobs) {
        InboundReceipt r = receipts.get(wamid);
        if (r != null) {
            receipts.put(wamid, new InboundReceipt(r.wamid(), r.customerKey(), InboundReceipt.Status.REPLIED,
                    null, r.owner(), r.processedAt(), r.expiresAt(), keepJobs ? r.jobsJson() : null));
        }
    }

    @Override
    public synchronized void markReplyDropped(String customerKey, String wamid, boolean keepJobs) {
        InboundReceipt r = receipts.get(wamid);
        if (r != null) {
            receipts.put(wamid, new InboundReceipt(r.wamid(), r.customerKey(), InboundReceipt.Status.NO_REPLY,
                    null, r.owner(), r.processedAt(), r.expiresAt(), keepJobs ? r.jobsJson() : null));
        }
    }

    @Override
    public synchronized void markJobsSent(String customerKey, String wamid) {
        InboundReceipt r = receipts.get(wamid);
        if (r != null) {
            receipts.put(wamid, new InboundReceipt(r.wamid(), r.customerKey(), r.status(), r.replyJson(), r.owner(),
                    r.processedAt(), r.expiresAt(), null));
        }
    }

    public synchronized Optional<Customer> customer(String key) {
        return Optional.ofNullable(customers.get(key));
    }

    public synchronized Optional<InboundReceipt> receipt(String wamid) {
        return Optional.ofNullable(receipts.get(wamid));
    }

    public synchronized List<ConsentChange> consentHistory() {
        return List.copyOf(consentHistory);
    }

    public synchronized int commits() {
        return commits;
    }
}
