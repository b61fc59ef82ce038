package io.playloop.engine;

import io.playloop.campaign.Action;
import io.playloop.campaign.AmountRule;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.EarnRule;
import io.playloop.commerce.CommerceEvent;
import io.playloop.ledger.EarningCap;
import io.playloop.ledger.EntryKind;
import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the shop's events do to a customer: an order paid earns the campaign's points per order and per
 * amount (within their caps, times the tier's multiplier as its own ledger line), counts as an {@code order}
 * action for challenges, streaks, badges and referrals, marks the customer's coupons it carries as used, and
 * remembers its first product for {@code {{last_product}}}; a refund takes back what its order earned; a
 * customer update stores the attributes. Every grant and reversal is keyed by the shop's order id, so the
 * same order never earns twice, whatever the redeliveries. Nothing here sends a message: telling a customer
 * about points they did not ask for is a proactive message (the scheduler's contact budget decides).
 */
final class CommercePlay {
    /** Ledger reason of an order's points. */
    static final String ORDER_REASON = "order";
    /** Ledger reason of a refund's reversal. */
    static final String REFUND_REASON = "refund";
    /** The attributes a shop may set (others are ignored, so a typo cannot fill the profile with junk). */
    static final Set<String> ATTRIBUTES = Set.of("first_name", "birthday", "last_product", "city", "time_zone");

    /**
     * What an event changed.
     *
     * @param points        the points change (grants, reversals), if any
     * @param actions       actions for progress (an order)
     * @param ruleEarned    points granted by earning rules (the tier multiplier applies to them)
     * @param couponsUsed   wallet entries the order used (their coupon records are marked used)
     * @param wallet        the wallet after marking them
     * @param attributes    the profile attributes after the event
     * @param wheel         the wheel's pending prizes without those the order used, when it used any
     */
    record Step(Optional<LedgerResult.Applied> points, List<Action> actions, long ruleEarned,
                List<WalletEntry> couponsUsed, List<WalletEntry> wallet, Map<String, String> attributes,
                Optional<SpinHistory> wheel) {
    }

    private final Campaign campaign;

    CommercePlay(Campaign campaign) {
        this.campaign = campaign;
    }

    /**
     * Whether {@code account} holds the order's grant (its lot, or its entry among the recent ones): the order
     * was applied before. An order that earned nothing leaves no trace here; its first acceptance guards it.
     */
    static boolean appliedBefore(CommerceEvent event, PointsAccount account) {
        if (!(event instanceof CommerceEvent.OrderPaid order)) {
            return false;
        }
        String id = order.eventId();
        return account.entry(EntryKind.GRANT, id).isPresent() || account.lots().stream().anyMatch(l -> l.id().equals(id));
    }

    Step apply(CommerceEvent event, PointsAccount account, Progress progress, SpinHistory wheel) {
        Map<String, String> attributes = new HashMap<>(progress.attributes());
        if (event instanceof CommerceEvent.OrderPaid order) {
            return orderPaid(order, account, progress, attributes, wheel);
        }
        if (event instanceof CommerceEvent.OrderRefunded refund) {
            String orderEvent = refund.orderEventId();
            List<LedgerEntry> entries = new ArrayList<>();
            PointsAccount after = account;
            for (String eventId : List.of(orderEvent, "tierbonus:" + orderEvent)) {
                if (after.reverse(eventId, REFUND_REASON, refund.occurredAt()) instanceof LedgerResult.Applied a) {
                    entries.addAll(a.entries());
                    after = a.account();
                }
            }
            return new Step(entries.isEmpty() ? Optional.empty() : Optional.of(new LedgerResult.Applied(after, entries)),
                    List.of(), 0, List.of(), progress.wallet(), attributes, Optional.empty());
        }
        CommerceEvent.CustomerUpdated update = (CommerceEvent.CustomerUpdated) event;
        update.attributes().forEach((key, value) -> {
            if (ATTRIBUTES.contains(key) && value != null && !value.isBlank()) {
                attributes.put(key, Replies.quote(value.strip())); // at most 100 characters
            }
        });
        return new Step(Optional.empty(), List.of(), 0, List.of(), progress.wallet(), attributes, Optional.empty());
    }

    private Step orderPaid(CommerceEvent.OrderPaid order, PointsAccount account, Progress progress,
                           Map<String, String> attributes, SpinHistory wheel) {
        Instant at = order.occurredAt();
        ZoneId zone = campaign.timeZone();
        long points = 0;
        Optional<EarnRule> perOrder = campaign.points().order();
        if (perOrder.isPresent()) {
            points += new EarningCap("order", perOrder.get().cap().perDay(), perOrder.get().cap().perWeek())
                    .grantable(perOrder.get().points(), account.entries(), at, zone);
        }
        Optional<AmountRule> perAmount = campaign.points().orderAmount();
        if (perAmount.isPresent()) {
            AmountRule rule = perAmount.get();
            points += new EarningCap("order_amount", rule.cap().perDay(), rule.cap().perWeek())
                    .grantable(Math.min(rule.pointsFor(order.total()), PointsAccount.MAX_POINTS), account.entries(),
                            at, zone);
        }
        // A huge order (amounts go up to 10^12) earns what one grant may hold, never an overflow.
        points = Math.min(points, PointsAccount.MAX_POINTS);
        Optional<LedgerResult.Applied> granted = Optional.empty();
        long ruleEarned = 0;
        if (points > 0 && account.grant(points, ORDER_REASON, order.eventId(), at,
                at.plus(campaign.points().lotExpiry())) instanceof LedgerResult.Applied applied) {
            granted = Optional.of(applied);
            ruleEarned = points;
        }
        Set<String> used = order.discountCodes().stream().map(c -> c.strip().toUpperCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
        List<WalletEntry> wallet = new ArrayList<>();
        List<WalletEntry> couponsUsed = new ArrayList<>();
        for (WalletEntry w : progress.wallet()) {
            if (w.usedAt().isEmpty() && w.code().filter(used::contains).isPresent()) {
                WalletEntry spent = w.usedAt(at);
                couponsUsed.add(spent);
                wallet.add(spent);
            } else {
                wallet.add(w);
            }
        }
        // A discount won on the wheel whose code the order used is spent: off the pending list, coupon used.
        List<Reward> stillPending = new ArrayList<>();
        for (Reward r : wheel.rewards()) {
            if (r.code().filter(used::contains).isPresent()) {
                couponsUsed.add(new WalletEntry("spin:" + r.spinId(), r.prizeId(), r.code(), r.wonAt(), r.validUntil(),
                        Optional.of(at)));
            } else {
                stillPending.add(r);
            }
        }
        Optional<SpinHistory> wheelAfter = stillPending.size() == wheel.rewards().size() ? Optional.empty()
                : Optional.of(new SpinHistory(wheel.lastSpinAt(), stillPending));
        CommerceEvent.firstProduct(order).ifPresent(p -> attributes.put("last_product", Replies.quote(p.strip())));
        return new Step(granted, List.of(Action.ORDER), ruleEarned, couponsUsed, wallet, attributes, wheelAfter);
    }
}
