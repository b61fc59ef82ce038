package io.playloop.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
 * <p>Authentic webhooks that cannot reach a customer (another topic, an order without a phone, only
 * invalid phones) are {@link Ignored}, not errors: Shopify retries any non-2xx answer 8 times over 4 hours
 * and then deletes an app's subscription, so one guest checkout must never cut off every later order.
 */
public final class ShopifyWebhooks {
    /** base64 HMAC-SHA256 of the raw body, keyed with the app's client secret (or the shop's webhook secret). */
    public static final String HMAC_HEADER = "X-Shopify-Hmac-Sha256";
    /** The topic, e.g. {@code orders/paid}. */
    public static final String TOPIC_HEADER = "X-Shopify-Topic";
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
     * Maps a verified webhook.
     *
     * @param topic the {@code X-Shopify-Topic} value
     * @throws InvalidCommerceEventException when the body is not JSON or lacks what the topic needs
     */
    public Parsed parse(String topic, byte[] body) {
        if (topic == null || topic.isBlank()) {
            throw new InvalidCommerceEventException(TOPIC_HEADER + ": required (e.g. orders/paid)");
        }
        String t = topic.strip().toLowerCase(Locale.ROOT);
        if (!t.equals(ORDERS_PAID) && !t.equals(REFUNDS_CREATE)) {
            return new Ignored("topic " + t + " is not used by PlayLoop");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new InvalidCommerceEventException("body: not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCommerceEventException("body: not a JSON object");
        }
        return t.equals(ORDERS_PAID) ? order(root) : refund(root);
    }

    private Parsed order(JsonNode order) {
        List<String> problems = new ArrayList<>();
        String id = id(order.get("id"), "id", problems);
        BigDecimal total = amount(order.get("total_price"), "total_price", problems);
        String currency = currency(order.get("currency"), "currency", problems);
        Instant at = instant(order, problems, "processed_at", "created_at");
        if (!problems.isEmpty()) {
            throw new InvalidCommerceEventException(problems);
        }
        String customerKey;
        try {
            customerKey = customerKey(order);
        } catch (PhoneNumbers.InvalidPhoneNumberException e) {
            return new Ignored("order " + id + ": " + e.getMessage());
        }
        if (customerKey == null) {
            return new Ignored("order " + id + " carries no phone number (phone, customer.phone, billing_address.phone,"
                    + " shipping_address.phone)");
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode d : order.path("discount_codes")) {
            String code = d.path("code").asText("").strip();
            if (!code.isEmpty()) {
                codes.add(code);
            }
        }
        List<String> titles = new ArrayList<>();
        for (JsonNode item : order.path("line_items")) {
            String title = item.path("title").asText("").strip();
            if (!title.isEmpty()) {
                titles.add(title);
            }
        }
        return new Order(new CommerceEvent.OrderPaid(SOURCE, customerKey, at, id, total, currency, codes, titles));
    }

    private Parsed refund(JsonNode refund) {
        List<String> problems = new ArrayList<>();
        String id = id(refund.get("id"), "id", problems);
        String orderId = id(refund.get("order_id"), "order_id", problems);
        Instant at = instant(refund, problems, "created_at", "processed_at");
        BigDecimal amount = BigDecimal.ZERO;
        String currency = null;
        int t = 0;
        for (JsonNode tx : refund.path("transactions")) {
            String kind = tx.path("kind").asText("");
            String status = tx.path("status").asText("");
            if (kind.equals("refund") && !status.equals("failure") && !status.equals("error")) {
                BigDecimal a = amount(tx.get("amount"), "transactions[" + t + "].amount", problems);
                amount = a == null ? amount : amount.add(a);
                if (currency == null && tx.hasNonNull("currency")) {
                    currency = currency(tx.get("currency"), "transactions[" + t + "].currency", problems);
                }
            }
            t++;
        }
        if (currency == null) {
            // An items-only refund (no money back) still names the shop's currency on its line items.
            JsonNode code = refund.at("/refund_line_items/0/subtotal_set/shop_money/currency_code");
            currency = code.isTextual() ? currency(code, "refund_line_items[0].subtotal_set", problems) : "XXX";
        }
        if (!problems.isEmpty()) {
            throw new InvalidCommerceEventException(problems);
        }
        return new Refund(orderId, id, amount, currency, at);
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

    static String id(JsonNode node, String field, List<String> problems) {
        if (node != null && (node.isIntegralNumber() || (node.isTextual() && !node.asText().isBlank()))) {
            String id = node.asText().strip();
            if (id.length() <= 200) {
                return id;
            }
        }
        problems.add(field + ": required (a number or a non-empty string of at most 200 characters)");
        return null;
    }

    static BigDecimal amount(JsonNode node, String field, List<String> problems) {
        if (node != null && (node.isNumber() || node.isTextual())) {
            try {
                BigDecimal value = new BigDecimal(node.asText().strip());
                if (value.signum() >= 0 && value.scale() <= 6) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(field + ": required (a decimal amount of at least 0, such as \"59.90\")");
        return null;
    }

    static String currency(JsonNode node, String field, List<String> problems) {
        if (node != null && node.isTextual() && node.asText().strip().matches("[A-Za-z]{3}")) {
            return node.asText().strip().toUpperCase(Locale.ROOT);
        }
        problems.add(field + ": required (an ISO 4217 code such as \"EUR\")");
        return null;
    }

    private static Instant instant(JsonNode node, List<String> problems, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && v.isTextual()) {
                try {
                    return OffsetDateTime.parse(v.asText().strip()).toInstant();
                } catch (DateTimeParseException e) {
                    problems.add(f + ": not an ISO-8601 date-time with offset (e.g. 2026-11-23T10:15:30+01:00)");
                    return null;
                }
            }
        }
        problems.add(String.join(" or ", fields) + ": required (an ISO-8601 date-time with offset)");
        return null;
    }
}
