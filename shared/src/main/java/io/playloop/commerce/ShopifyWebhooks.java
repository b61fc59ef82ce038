package io.playloop.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Shopify's webhooks ({@code orders/paid}, {@code refunds/create}) as PlayLoop reads them: the
 * {@code X-Shopify-Hmac-Sha256} check and the mapping of Shopify's REST payload to {@link CommerceEvent}.
 *
 * <p>The customer is found from the order's phone numbers, in this order: {@code phone} (given at checkout),
 * {@code customer.phone}, {@code billing_address.phone}, {@code shipping_address.phone}; an address's phone is
 * read in that address's {@code country_code}, the others in the deployment's default region. The first
 * valid one wins.
 *
 * <p>A Shopify refund names its order but carries no customer at all: {@link #parse} returns a
 * {@link Refund} that the caller completes with the customer the order was queued for (ingest keeps that
 * link in the table, see {@code Keys.shopOrder}).
 *
 * <p>Authentic webhooks PlayLoop cannot use (another topic, a body that is not an order or a refund, values
 * out of {@link CommerceLimits}, an order without a valid phone, an old delivery) are {@link Ignored}, not
 * errors: Shopify retries any non-2xx answer 8 times over 4 hours and then deletes an app's subscription, so
 * one guest checkout must never cut off every later order.
 */
public final class ShopifyWebhooks {
    /** base64 HMAC-SHA256 of the raw body, keyed with the app's client secret (or the shop's webhook secret). */
    public static final String HMAC_HEADER = "X-Shopify-Hmac-Sha256";
    /** The topic, e.g. {@code orders/paid}. */
    public static final String TOPIC_HEADER = "X-Shopify-Topic";
    /** When Shopify first triggered this delivery (the same on every retry; not signed). */
    public static final String TRIGGERED_AT_HEADER = "X-Shopify-Triggered-At";
    /** Shopify's id of this webhook (the same on every retry): logged to trace a delivery. */
    public static final String WEBHOOK_ID_HEADER = "X-Shopify-Webhook-Id";
    /** The shop, e.g. {@code playloop-demo.myshopify.com}: logged. */
    public static final String SHOP_DOMAIN_HEADER = "X-Shopify-Shop-Domain";

    public static final String ORDERS_PAID = "orders/paid";
    public static final String REFUNDS_CREATE = "refunds/create";
    /** {@link CommerceEvent#source()} of events built here. */
    public static final String SOURCE = "shopify";

    private final PhoneNumbers phones;
    private final ObjectMapper mapper;

    public ShopifyWebhooks(PhoneNumbers phones, ObjectMapper mapper) {
        this.phones = Objects.requireNonNull(phones, "phones");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** What a webhook becomes. */
    public sealed interface Parsed {
    }

    /** A paid order, ready to queue. */
    public record Order(CommerceEvent.OrderPaid event) implements Parsed {
    }

    /** A refund, still without its customer (Shopify does not send one). */
    public record Refund(String orderId, String refundId, BigDecimal amount, String currency, Instant occurredAt)
            implements Parsed {
        /** The event, once the order's customer is known. */
        public CommerceEvent.OrderRefunded forCustomer(String customerKey) {
            return new CommerceEvent.OrderRefunded(SOURCE, customerKey, occurredAt, orderId, refundId, amount, currency);
        }
    }

    /** Authentic, acknowledged, nothing to queue; {@code reason} says why (logged, answered). */
    public record Ignored(String reason) implements Parsed {
    }

    /**
     * Checks {@code X-Shopify-Hmac-Sha256} against the raw body, in constant time. Missing header, garbled
     * base64 or an empty secret are simply not valid.
     */
    public static boolean verify(byte[] body, String headerValue, String secret) {
        if (body == null || headerValue == null || secret == null || secret.isEmpty()) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(headerValue.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(HmacSha256.of(secret, body), presented);
    }

    /** Signs a body as Shopify does (base64 HMAC-SHA256): for tests, fixtures and the local cloud. */
    public static String sign(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(HmacSha256.of(secret, body));
    }

    /**
     * Maps a verified webhook. Never refuses: whatever PlayLoop cannot use (another topic, a body that is not
     * an order or a refund, an id, amount or date out of {@link CommerceLimits}, no valid phone, a delivery more
     * than {@link CommerceLimits#MAX_AGE} old) is {@link Ignored} with the reason, as a non-2xx answer would
     * only make Shopify retry the same body for hours and then delete the subscription.
     *
     * <p>A delivery is old when the order's last update ({@code updated_at}, which payment sets, else
     * {@code processed_at} or {@code created_at}) or the refund's {@code created_at} is, or when
     * {@code X-Shopify-Triggered-At} is. Shopify retries with the body as it was first sent and signs no time,
     * so the body's own dates are what a replayed capture cannot freshen; the header (unsigned) can only make
     * a delivery older. An order placed long ago and paid now is fresh: paying updates it.
     *
     * @param topic       the {@code X-Shopify-Topic} value
     * @param triggeredAt the {@code X-Shopify-Triggered-At} value, or null
     * @param now         PlayLoop's clock
     */
    public Parsed parse(String topic, byte[] body, String triggeredAt, Instant now) {
        if (topic == null || topic.isBlank()) {
            return new Ignored(TOPIC_HEADER + " is missing");
        }
        String t = topic.strip().toLowerCase(Locale.ROOT);
        if (!t.equals(ORDERS_PAID) && !t.equals(REFUNDS_CREATE)) {
            return new Ignored("topic " + CommerceLimits.echo(t) + " is not used by PlayLoop");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            return new Ignored(t + ": the body is not JSON (subscribe in JSON)");
        }
        if (root == null || !root.isObject()) {
            return new Ignored(t + ": the body is not a JSON object");
        }
        Optional<Instant> triggered = CommerceLimits.instant(triggeredAt);
        return t.equals(ORDERS_PAID) ? order(root, triggered, now) : refund(root, triggered, now);
    }

    private Parsed order(JsonNode order, Optional<Instant> triggered, Instant now) {
        List<String> problems = new ArrayList<>();
        String id = JsonFields.id(order.get("id"), "id", problems);
        BigDecimal total = JsonFields.amount(order.get("total_price"), "total_price", problems);
        String currency = JsonFields.currency(order.get("currency"), "currency", problems);
        String timeField = order.hasNonNull("processed_at") ? "processed_at" : "created_at";
        Instant at = JsonFields.time(order.get(timeField), timeField, now, problems);
        String what = "order" + (id == null ? "" : " " + id);
        if (!problems.isEmpty()) {
            return new Ignored(what + ": " + String.join("; ", problems));
        }
        Instant lastChange = latest(at, order, "updated_at", "processed_at", "created_at");
        Optional<String> old = old(what, lastChange, triggered, now);
        if (old.isPresent()) {
            return new Ignored(old.get());
        }
        String customerKey;
        try {
            customerKey = customerKey(order);
        } catch (PhoneNumbers.InvalidPhoneNumberException e) {
            return new Ignored(what + ": " + e.getMessage());
        }
        if (customerKey == null) {
            return new Ignored(what + " carries no phone number (phone, customer.phone, billing_address.phone,"
                    + " shipping_address.phone)");
        }
        // Only what PlayLoop uses is kept: codes that can be a coupon's, the first titles (the first is shown).
        List<String> codes = new ArrayList<>();
        for (JsonNode d : order.path("discount_codes")) {
            JsonNode code = d.path("code");
            String c = code.isTextual() ? code.asText().strip() : "";
            if (!c.isEmpty() && c.length() <= CommerceLimits.MAX_TEXT_LENGTH && CommerceLimits.textOnly(c)
                    && codes.size() < CommerceLimits.MAX_LIST) {
                codes.add(c);
            }
        }
        List<String> titles = new ArrayList<>();
        for (JsonNode item : order.path("line_items")) {
            if (titles.size() == CommerceLimits.KEPT_PRODUCTS) {
                break;
            }
            JsonNode title = item.path("title");
            String cleaned = title.isTextual() ? CommerceLimits.cleaned(title.asText(), CommerceLimits.MAX_TEXT_LENGTH)
                    : "";
            if (!cleaned.isEmpty()) {
                titles.add(cleaned);
            }
        }
        return new Order(new CommerceEvent.OrderPaid(SOURCE, customerKey, at, id, total, currency, codes, titles));
    }

    private Parsed refund(JsonNode refund, Optional<Instant> triggered, Instant now) {
        List<String> problems = new ArrayList<>();
        String id = JsonFields.id(refund.get("id"), "id", problems);
        String orderId = JsonFields.id(refund.get("order_id"), "order_id", problems);
        String timeField = refund.hasNonNull("created_at") ? "created_at" : "processed_at";
        Instant at = JsonFields.time(refund.get(timeField), timeField, now, problems);
        BigDecimal amount = BigDecimal.ZERO;
        String currency = null;
        int t = 0;
        for (JsonNode tx : refund.path("transactions")) {
            String kind = tx.path("kind").asText("");
            String status = tx.path("status").asText("");
            if (kind.equals("refund") && !status.equals("failure") && !status.equals("error")) {
                BigDecimal a = JsonFields.amount(tx.get("amount"), "transactions[" + t + "].amount", problems);
                amount = a == null ? amount : amount.add(a);
                if (currency == null && tx.hasNonNull("currency")) {
                    currency = JsonFields.currency(tx.get("currency"), "transactions[" + t + "].currency", problems);
                }
            }
            t++;
        }
        if (amount.compareTo(CommerceLimits.MAX_AMOUNT) > 0) {
            problems.add("transactions: refunds totalling more than 10^12");
        }
        if (currency == null) {
            // An items-only refund (no money back) still names the shop's currency on its line items.
            JsonNode code = refund.at("/refund_line_items/0/subtotal_set/shop_money/currency_code");
            currency = code.isTextual() ? JsonFields.currency(code, "refund_line_items[0].subtotal_set", problems)
                    : "XXX";
        }
        String what = "refund" + (id == null ? "" : " " + id);
        if (!problems.isEmpty()) {
            return new Ignored(what + ": " + String.join("; ", problems));
        }
        Optional<String> old = old(what, latest(at, refund, "created_at", "processed_at"), triggered, now);
        if (old.isPresent()) {
            return new Ignored(old.get());
        }
        return new Refund(orderId, id, amount, currency, at);
    }

    /** The latest of {@code at} and the dates {@code fields} hold (those that are dates). */
    private static Instant latest(Instant at, JsonNode node, String... fields) {
        Instant latest = at;
        for (String f : fields) {
            Optional<Instant> v = JsonFields.optionalTime(node.get(f));
            if (v.isPresent() && v.get().isAfter(latest)) {
                latest = v.get();
            }
        }
        return latest;
    }

    private static Optional<String> old(String what, Instant lastChange, Optional<Instant> triggered, Instant now) {
        if (CommerceLimits.tooOld(lastChange, now)) {
            return Optional.of(what + " was last changed at " + lastChange + ", more than "
                    + CommerceLimits.MAX_AGE.toDays() + " days ago: a replay of an old delivery, not applied");
        }
        if (triggered.isPresent() && CommerceLimits.tooOld(triggered.get(), now)) {
            return Optional.of(what + " was triggered at " + triggered.get() + ", more than "
                    + CommerceLimits.MAX_AGE.toDays() + " days ago: a replay of an old delivery, not applied");
        }
        return Optional.empty();
    }

    /** The first valid phone of the order; null when it has none; throws when it has only invalid ones. */
    private String customerKey(JsonNode order) {
        String[][] candidates = {
                {text(order.get("phone")), null},
                {text(order.path("customer").get("phone")), null},
                {text(order.path("billing_address").get("phone")), text(order.path("billing_address").get("country_code"))},
                {text(order.path("shipping_address").get("phone")), text(order.path("shipping_address").get("country_code"))},
        };
        PhoneNumbers.InvalidPhoneNumberException first = null;
        for (String[] c : candidates) {
            if (c[0] == null) {
                continue;
            }
            try {
                return phones.customerKey(c[0], c[1]);
            } catch (PhoneNumbers.InvalidPhoneNumberException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return null;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || !node.isValueNode()) {
            return null;
        }
        String s = node.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
