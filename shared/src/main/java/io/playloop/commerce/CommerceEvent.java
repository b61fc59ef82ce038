package io.playloop.commerce;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the shop reports about a customer, as the game function receives it from the inbound queue
 * (in the customer's FIFO group, so it is applied in order with their chat messages). Ingest builds it from
 * a Shopify webhook or from PlayLoop's generic signed format, after verifying the signature and normalising
 * the phone number to E.164.
 *
 * <p>{@link #eventId()} is the exactly-once key: the same order, refund or customer update delivered twice
 * (the shop retries, a record is redelivered) changes state once.
 */
public sealed interface CommerceEvent {
    /** Where the event came from: {@code shopify} or {@code generic}. */
    String source();

    /** The customer key: the phone number in E.164 without '+', the same digits as WhatsApp's {@code wa_id}. */
    String customerKey();

    /** When it happened at the shop. */
    Instant occurredAt();

    /**
     * The exactly-once key, unique per source: {@code order:<source>:<orderId>} and so on, with the id as
     * {@link CommerceLimits#keyPart} writes it into keys (a long id as its digest), so every key and ledger
     * id built from it stays short.
     */
    String eventId();

    /** The event id of {@code source}'s order {@code orderId}: what its points are granted and reversed under. */
    static String orderEventId(String source, String orderId) {
        return "order:" + source + ":" + CommerceLimits.keyPart(orderId);
    }

    /**
     * An order paid (Shopify {@code orders/paid}) or completed (generic {@code order.completed}).
     *
     * @param orderId       the shop's order id
     * @param total         the amount paid, in {@code currency}
     * @param currency      ISO 4217
     * @param discountCodes codes the order used (a PlayLoop coupon among them is marked used)
     * @param productTitles titles of the items bought, in order (the first fills {@code {{last_product}}})
     * @param firstSeen     when ingest first accepted this order (kept with the order's customer for two years),
     *                      empty in records queued before it was recorded: the game applies an order only
     *                      while its receipt may still exist, so a replay, however late, is applied at most once
     */
    record OrderPaid(String source, String customerKey, Instant occurredAt, String orderId, BigDecimal total,
                     String currency, List<String> discountCodes, List<String> productTitles,
                     Optional<Instant> firstSeen) implements CommerceEvent {
        public OrderPaid {
            requireCommon(source, customerKey, occurredAt);
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(currency, "currency");
            discountCodes = List.copyOf(discountCodes);
            productTitles = List.copyOf(productTitles);
            Objects.requireNonNull(firstSeen, "firstSeen");
        }

        /** An order whose first acceptance is not known (yet). */
        public OrderPaid(String source, String customerKey, Instant occurredAt, String orderId, BigDecimal total,
                         String currency, List<String> discountCodes, List<String> productTitles) {
            this(source, customerKey, occurredAt, orderId, total, currency, discountCodes, productTitles,
                    Optional.empty());
        }

        @Override
        public String eventId() {
            return orderEventId(source, orderId);
        }

        /** The same order for the customer it was first queued for, first accepted at {@code firstSeen}. */
        public OrderPaid firstAccepted(String firstCustomer, Instant firstSeen) {
            return new OrderPaid(source, firstCustomer, occurredAt, orderId, total, currency, discountCodes,
                    productTitles, Optional.of(firstSeen));
        }
    }

    /**
     * A refund of (part of) an order (Shopify {@code refunds/create}, generic {@code order.refunded}).
     *
     * @param orderId  the order refunded
     * @param refundId the refund's own id (an order may be refunded in several parts)
     * @param amount   the amount refunded
     */
    record OrderRefunded(String source, String customerKey, Instant occurredAt, String orderId, String refundId,
                         BigDecimal amount, String currency) implements CommerceEvent {
        public OrderRefunded {
            requireCommon(source, customerKey, occurredAt);
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(refundId, "refundId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
        }

        @Override
        public String eventId() {
            return "refund:" + source + ":" + CommerceLimits.keyPart(refundId);
        }

        /** The event id of the order refunded: what this refund reverses. */
        public String orderEventId() {
            return CommerceEvent.orderEventId(source, orderId);
        }
    }

    /**
     * New customer attributes (generic {@code customer.updated}): e.g. {@code first_name},
     * {@code birthday} (ISO date), {@code last_product}.
     *
     * @param updateId the shop's id of this update (or a hash of its body when it has none)
     */
    record CustomerUpdated(String source, String customerKey, Instant occurredAt, String updateId,
                           Map<String, String> attributes) implements CommerceEvent {
        public CustomerUpdated {
            requireCommon(source, customerKey, occurredAt);
            Objects.requireNonNull(updateId, "updateId");
            attributes = Map.copyOf(attributes);
        }

        @Override
        public String eventId() {
            return "customer:" + source + ":" + CommerceLimits.keyPart(updateId);
        }
    }

    /** The first product title, if the order named any. */
    static Optional<String> firstProduct(OrderPaid order) {
        return order.productTitles().stream().findFirst();
    }

    private static void requireCommon(String source, String customerKey, Instant occurredAt) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a commerce event needs its source");
        }
        if (customerKey == null || !customerKey.matches("[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("a commerce event needs the customer's E.164 digits, got "
                    + (customerKey == null ? "null" : "'" + customerKey + "'"));
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
