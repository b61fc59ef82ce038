package io.playloop.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * PlayLoop's own signed JSON for shops that are not Shopify (documented in {@code infra/commerce/FORMAT.md}):
 * {@code order.completed}, {@code order.refunded} and {@code customer.updated}.
 *
 * <p>Signature: {@code X-PlayLoop-Signature: sha256=<hex HMAC-SHA256>} over {@code <timestamp>.<raw body>},
 * keyed with the shop secret, where {@code <timestamp>} is the {@code X-PlayLoop-Timestamp} header (Unix
 * seconds). The timestamp is inside the HMAC so that a captured request cannot be replayed later with a fresh
 * timestamp; requests more than {@link #TOLERANCE} away from now are refused.
 */
public final class GenericCommerceWebhooks {
    public static final String SIGNATURE_HEADER = "X-PlayLoop-Signature";
    public static final String TIMESTAMP_HEADER = "X-PlayLoop-Timestamp";
    /** How far the timestamp may be from now, either way (clock skew, a slow retry). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    /** {@link CommerceEvent#source()} of events built here. */
    public static final String SOURCE = "generic";

    public static final String ORDER_COMPLETED = "order.completed";
    public static final String ORDER_REFUNDED = "order.refunded";
    public static final String CUSTOMER_UPDATED = "customer.updated";

    static final int MAX_ATTRIBUTES = 20;
    static final int MAX_ATTRIBUTE_LENGTH = CommerceLimits.MAX_TEXT_LENGTH;
    static final int MAX_LIST = CommerceLimits.MAX_LIST;

    private static final String PREFIX = "sha256=";

    private final PhoneNumbers phones;
    private final ObjectMapper mapper;

    public GenericCommerceWebhooks(PhoneNumbers phones, ObjectMapper mapper) {
        this.phones = Objects.requireNonNull(phones, "phones");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Checks signature and timestamp.
     *
     * @return null when both are good, else why not (answered with 401)
     */
    public static String verify(byte[] body, String signatureHeader, String timestampHeader, String secret, Instant now) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return "missing " + SIGNATURE_HEADER;
        }
        if (timestampHeader == null || !timestampHeader.strip().matches("[0-9]{1,12}")) {
            return "missing or malformed " + TIMESTAMP_HEADER + " (Unix seconds)";
        }
        String timestamp = timestampHeader.strip();
        String value = signatureHeader.strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith(PREFIX)
                || !value.substring(PREFIX.length()).matches("[0-9a-fA-F]{64}")) {
            return "invalid signature";
        }
        byte[] presented = HexFormat.of().parseHex(value.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
        if (!MessageDigest.isEqual(mac(timestamp, body, secret), presented)) {
            return "invalid signature";
        }
        Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs();
        if (age.compareTo(TOLERANCE) > 0) {
            return TIMESTAMP_HEADER + " is more than 5 minutes from now: sign each delivery (and retry) afresh";
        }
        return null;
    }

    /** The {@code X-PlayLoop-Signature} value for a body sent at {@code timestamp} (Unix seconds). */
    public static String sign(long timestamp, byte[] body, String secret) {
        return PREFIX + HexFormat.of().formatHex(mac(Long.toString(timestamp), body, secret));
    }

    private static byte[] mac(String timestamp, byte[] body, String secret) {
        return HmacSha256.of(secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
    }

    /**
     * Reads a verified body, checking every field against {@link CommerceLimits} (ids, amounts, dates
     * relative to {@code now}, texts); an order keeps its first {@link CommerceLimits#KEPT_PRODUCTS} products.
     * Whether the event is too old to apply is the caller's decision (it is answered, not refused).
     *
     * @throws InvalidCommerceEventException listing every problem (field first) when it is not a valid event
     */
    public CommerceEvent parse(byte[] body, Instant now) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new InvalidCommerceEventException("body: not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCommerceEventException("body: not a JSON object");
        }
        List<String> problems = new ArrayList<>();
        String type = root.path("type").asText("");
        if (!List.of(ORDER_COMPLETED, ORDER_REFUNDED, CUSTOMER_UPDATED).contains(type)) {
            problems.add("type: required, one of order.completed, order.refunded, customer.updated");
        }
        String id = JsonFields.id(root.get("id"), "id", problems);
        Instant at = JsonFields.time(root.get("occurred_at"), "occurred_at", now, problems);
        String customerKey = customerKey(root.get("customer"), problems);
        CommerceEvent event = null;
        switch (type) {
            case ORDER_COMPLETED -> {
                BigDecimal total = JsonFields.amount(root.get("total"), "total", problems);
                String currency = JsonFields.currency(root.get("currency"), "currency", problems);
                List<String> codes = strings(root.get("discount_codes"), "discount_codes", problems);
                List<String> products = strings(root.get("products"), "products", problems);
                if (problems.isEmpty()) {
                    event = new CommerceEvent.OrderPaid(SOURCE, customerKey, at, id, total, currency, codes,
                            CommerceLimits.first(products, CommerceLimits.KEPT_PRODUCTS));
                }
            }
            case ORDER_REFUNDED -> {
                String orderId = JsonFields.id(root.get("order_id"), "order_id", problems);
                BigDecimal amount = JsonFields.amount(root.get("amount"), "amount", problems);
                String currency = JsonFields.currency(root.get("currency"), "currency", problems);
                if (problems.isEmpty()) {
                    event = new CommerceEvent.OrderRefunded(SOURCE, customerKey, at, orderId, id, amount, currency);
                }
            }
            case CUSTOMER_UPDATED -> {
                Map<String, String> attributes = attributes(root.get("attributes"), problems);
                if (problems.isEmpty()) {
                    event = new CommerceEvent.CustomerUpdated(SOURCE, customerKey, at, id, attributes);
                }
            }
            default -> {
                // reported above
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCommerceEventException(problems);
        }
        return event;
    }

    private String customerKey(JsonNode customer, List<String> problems) {
        if (customer == null || !customer.isObject()) {
            problems.add("customer: required, an object with the customer's phone");
            return null;
        }
        JsonNode phone = customer.get("phone");
        if (phone == null || !phone.isTextual() || phone.asText().isBlank()) {
            problems.add("customer.phone: required (e.g. \"+33 6 12 34 56 78\")");
            return null;
        }
        JsonNode country = customer.get("country");
        String region = null;
        if (country != null && !country.isNull()) {
            if (!country.isTextual() || !country.asText().strip().matches("[A-Za-z]{2}")) {
                problems.add("customer.country: an ISO 3166-1 alpha-2 code such as \"FR\" when given");
                return null;
            }
            region = country.asText().strip();
        }
        try {
            return phones.customerKey(phone.asText(), region);
        } catch (PhoneNumbers.InvalidPhoneNumberException e) {
            problems.add("customer.phone: " + e.getMessage());
            return null;
        }
    }

    private static List<String> strings(JsonNode node, String field, List<String> problems) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray() || node.size() > MAX_LIST) {
            problems.add(field + ": an array of at most " + MAX_LIST + " strings when given");
            return values;
        }
        for (JsonNode v : node) {
            if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > MAX_ATTRIBUTE_LENGTH
                    || !CommerceLimits.textOnly(v.asText())) {
                problems.add(field + ": every entry must be a non-empty string of at most " + MAX_ATTRIBUTE_LENGTH
                        + " characters, without control characters");
                return values;
            }
            values.add(v.asText().strip());
        }
        return values;
    }

    private static Map<String, String> attributes(JsonNode node, List<String> problems) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (node == null || !node.isObject() || node.isEmpty() || node.size() > MAX_ATTRIBUTES) {
            problems.add("attributes: required, an object of 1 to " + MAX_ATTRIBUTES + " string values"
                    + " (e.g. {\"birthday\":\"1990-04-12\"})");
            return attributes;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (!name.matches("[a-z][a-z0-9_]{0,39}")) {
                problems.add("attributes." + CommerceLimits.echo(name)
                        + ": names are lower-case letters, digits and '_' (at most 40)");
            } else if (!v.isTextual() || v.asText().length() > MAX_ATTRIBUTE_LENGTH
                    || !CommerceLimits.textOnly(v.asText())) {
                problems.add("attributes." + name + ": a string of at most " + MAX_ATTRIBUTE_LENGTH
                        + " characters, without control characters");
            } else if (name.equals("birthday") && !isBirthday(v.asText().strip())) {
                problems.add("attributes.birthday: an ISO date (\"1990-04-12\") or month-day (\"--04-12\")");
            } else {
                attributes.put(name, v.asText().strip());
            }
        }
        return attributes;
    }

    private static boolean isBirthday(String value) {
        try {
            if (value.startsWith("--")) {
                MonthDay.parse(value);
            } else {
                LocalDate.parse(value);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
