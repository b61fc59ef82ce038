package io.playloop.mechanic;

import java.util.Objects;

/**
 * What happened in one step, for KPIs and forwarding: typed, and identified by {@code <wamid or shop event id>#<n>}
 * ({@code n} from 0 in the step's order), so a step's events are stored once with its receipt and can be told apart
 * downstream. A mechanic creates them with an empty id; the engine numbers them ({@link #withId}).
 */
public sealed interface DomainEvent {
    /** {@code <wamid or event id>#<n>}; empty while a mechanic drafts it. */
    String id();

    /** The same event under another id. */
    DomainEvent withId(String id);

    /** The id of the {@code n}-th event of the step identified by {@code source}. */
    static String idOf(String source, int n) {
        return source + "#" + n;
    }

    /** A message from the customer, of the kind the engine understood ({@code quiz}, {@code unknown}, {@code scratch}…). */
    record MessageReceived(String id, String kind) implements DomainEvent {
        public MessageReceived { Objects.requireNonNull(kind, "kind"); }
        public DomainEvent withId(String id) { return new MessageReceived(id, kind); }
    }

    /** A game was played: the mechanic's id and what came of it ({@code correct}, {@code prize:off-10}, {@code try_again}…). */
    record GamePlayed(String id, String mechanic, String result) implements DomainEvent {
        public GamePlayed { Objects.requireNonNull(mechanic, "mechanic"); Objects.requireNonNull(result, "result"); }
        public DomainEvent withId(String id) { return new GamePlayed(id, mechanic, result); }
    }

    /** Points granted, with the ledger reason. */
    record PointsEarned(String id, long points, String reason) implements DomainEvent {
        public PointsEarned { Objects.requireNonNull(reason, "reason"); }
        public DomainEvent withId(String id) { return new PointsEarned(id, points, reason); }
    }

    /** Points spent, with the ledger reason. */
    record PointsSpent(String id, long points, String reason) implements DomainEvent {
        public PointsSpent { Objects.requireNonNull(reason, "reason"); }
        public DomainEvent withId(String id) { return new PointsSpent(id, points, reason); }
    }

    /** Points that expired (the scheduler's). */
    record PointsExpired(String id, long points) implements DomainEvent {
        public DomainEvent withId(String id) { return new PointsExpired(id, points); }
    }

    /** A reward put in the customer's wallet (catalogue, wheel or another mechanic): its id and item. */
    record RewardIssued(String id, String rewardId, String item) implements DomainEvent {
        public RewardIssued { Objects.requireNonNull(rewardId, "rewardId"); Objects.requireNonNull(item, "item"); }
        public DomainEvent withId(String id) { return new RewardIssued(id, rewardId, item); }
    }

    /** A reward's coupon used by an order. */
    record RewardRedeemed(String id, String rewardId) implements DomainEvent {
        public RewardRedeemed { Objects.requireNonNull(rewardId, "rewardId"); }
        public DomainEvent withId(String id) { return new RewardRedeemed(id, rewardId); }
    }

    record BadgeAwarded(String id, String badge) implements DomainEvent {
        public BadgeAwarded { Objects.requireNonNull(badge, "badge"); }
        public DomainEvent withId(String id) { return new BadgeAwarded(id, badge); }
    }

    /** The tier held changed ({@code from} empty for none). */
    record TierChanged(String id, String from, String to) implements DomainEvent {
        public TierChanged { Objects.requireNonNull(from, "from"); Objects.requireNonNull(to, "to"); }
        public DomainEvent withId(String id) { return new TierChanged(id, from, to); }
    }

    /** A challenge completed: {@code <challenge>#<period>}. */
    record ChallengeCompleted(String id, String completion) implements DomainEvent {
        public ChallengeCompleted { Objects.requireNonNull(completion, "completion"); }
        public DomainEvent withId(String id) { return new ChallengeCompleted(id, completion); }
    }

    /**
     * This customer was attributed to a referrer. The referrer is not named: the event is stored on this customer's
     * receipt, and an erasure of the referrer must not leave their key on other customers' items (the referrer's own
     * {@code REFERRAL#} records say whom they referred, and go with them).
     */
    record ReferralAttributed(String id) implements DomainEvent {
        public DomainEvent withId(String id) { return new ReferralAttributed(id); }
    }

    /** This customer's referral now counts for their referrer (not named, as for {@link ReferralAttributed}). */
    record ReferralQualified(String id) implements DomainEvent {
        public DomainEvent withId(String id) { return new ReferralQualified(id); }
    }

    /** Consent to proactive messages given ({@code button} or {@code keyword}). */
    record ConsentGiven(String id, String source) implements DomainEvent {
        public ConsentGiven { Objects.requireNonNull(source, "source"); }
        public DomainEvent withId(String id) { return new ConsentGiven(id, source); }
    }

    record ConsentWithdrawn(String id, String source) implements DomainEvent {
        public ConsentWithdrawn { Objects.requireNonNull(source, "source"); }
        public DomainEvent withId(String id) { return new ConsentWithdrawn(id, source); }
    }

    /** A proactive message sent (the scheduler's): its reminder kind. */
    record ReminderSent(String id, String kind) implements DomainEvent {
        public ReminderSent { Objects.requireNonNull(kind, "kind"); }
        public DomainEvent withId(String id) { return new ReminderSent(id, kind); }
    }

    /** A shop event applied: {@code order}, {@code refund} or {@code customer_update}. */
    record OrderApplied(String id, String kind) implements DomainEvent {
        public OrderApplied { Objects.requireNonNull(kind, "kind"); }
        public DomainEvent withId(String id) { return new OrderApplied(id, kind); }
    }
}
