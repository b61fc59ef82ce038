package io.playloop.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.ledger.EntryKind;
import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.Lot;
import io.playloop.ledger.PointsAccount;
import io.playloop.rewards.RewardJob;
import io.playloop.sqs.SqsIds;
import io.playloop.store.Keys;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

// Property tier: whatever ids, amounts, dates and texts a signed shop event carries, the door either refuses
// it with a reason naming the field, or everything built from it fits: DynamoDB's key sizes, the ledger's
// ids, SQS's 256 KiB and character set, the documented ranges, and the record reads back as the event.
class CommerceDoorProperties {
    private static final Instant NOW = Instant.parse("2026-11-25T15:20:04Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final PhoneNumbers phones = new PhoneNumbers("FR");
    private final GenericCommerceWebhooks generic = new GenericCommerceWebhooks(phones, MAPPER);
    private final ShopifyWebhooks shopify = new ShopifyWebhooks(phones, MAPPER);
    private final CommerceEventCodec codec = new CommerceEventCodec(MAPPER);

    @Property(tries = 800)
    void aGenericEvent_isRefusedWithItsFields_orEverythingBuiltFromItFits(
            @ForAll("types") String type, @ForAll("ids") JsonNode id, @ForAll("ids") JsonNode otherId,
            @ForAll("amounts") JsonNode amount, @ForAll("times") JsonNode at, @ForAll("texts") List<String> products,
            @ForAll("texts") List<String> codes, @ForAll("attributes") Map<String, String> attributes) {
        ObjectNode body = JSON.objectNode().put("type", type);
        body.set("id", id);
        body.set("occurred_at", at);
        body.putObject("customer").put("phone", "+33 6 12 34 56 78");
        body.set("total", amount);
        body.set("amount", amount);
        body.set("order_id", otherId);
        body.put("currency", "EUR");
        ArrayNode p = body.putArray("products");
        products.forEach(p::add);
        ArrayNode c = body.putArray("discount_codes");
        codes.forEach(c::add);
        ObjectNode a = body.putObject("attributes");
        attributes.forEach(a::put);

        CommerceEvent event;
        try {
            event = generic.parse(escaped(body.toString()), NOW);
        } catch (InvalidCommerceEventException e) {
            assertThat(e.problems()).isNotEmpty().allMatch(CommerceDoorProperties::namesItsField)
                    .allMatch(CommerceLimits::textOnly);
            Statistics.label("generic").collect("refused");
            return;
        }
        Statistics.label("generic").collect("accepted " + type);
        assertFits(event);
    }

    @Property(tries = 300)
    void aShopifyWebhook_isIgnoredWithAReason_orEverythingBuiltFromItFits(
            @ForAll("topics") String topic, @ForAll("ids") JsonNode id, @ForAll("amounts") JsonNode total,
            @ForAll("times") JsonNode processedAt, @ForAll("times") JsonNode updatedAt,
            @ForAll("titles") List<String> titles, @ForAll("texts") List<String> codes) {
        ObjectNode body = JSON.objectNode();
        body.set("id", id);
        body.set("order_id", id);
        body.set("total_price", total);
        body.put("currency", "EUR");
        body.set("processed_at", processedAt);
        body.set("created_at", processedAt);
        body.set("updated_at", updatedAt);
        body.put("phone", "+33 6 12 34 56 78");
        ArrayNode items = body.putArray("line_items");
        titles.forEach(t -> items.addObject().put("title", t).put("quantity", 1));
        ArrayNode discounts = body.putArray("discount_codes");
        codes.forEach(code -> discounts.addObject().put("code", code));
        body.putArray("transactions").addObject().put("kind", "refund").put("status", "success")
                .set("amount", total);

        ShopifyWebhooks.Parsed parsed = shopify.parse(topic, escaped(body.toString()), null, NOW);

        if (parsed instanceof ShopifyWebhooks.Ignored ignored) {
            assertThat(ignored.reason()).isNotBlank();
            assertThat(CommerceLimits.textOnly(ignored.reason())).isTrue();
            Statistics.label("shopify").collect("ignored");
            return;
        }
        Statistics.label("shopify").collect("accepted " + topic);
        assertFits(parsed instanceof ShopifyWebhooks.Order o ? o.event()
                : ((ShopifyWebhooks.Refund) parsed).forCustomer("33612345678"));
    }

    private static boolean namesItsField(String problem) {
        int colon = problem.indexOf(": ");
        String field = colon < 0 ? "" : problem.substring(0, colon);
        return List.of("type", "id", "occurred_at", "customer.phone", "total", "amount", "currency", "order_id",
                "discount_codes", "products", "attributes").contains(field) || field.startsWith("attributes.");
    }

    /** Every key, ledger id and queue record built from an accepted event fits, and its values are in range. */
    private void assertFits(CommerceEvent event) {
        String customer = event.customerKey();
        List<String> pointsIds = new ArrayList<>();
        pointsIds.add(event.eventId());
        if (event instanceof CommerceEvent.OrderPaid o) {
            assertAmount(o.total());
            assertThat(o.productTitles()).hasSizeLessThanOrEqualTo(CommerceLimits.KEPT_PRODUCTS)
                    .allMatch(t -> t.length() <= CommerceLimits.MAX_TEXT_LENGTH && CommerceLimits.textOnly(t));
            assertThat(o.discountCodes()).hasSizeLessThanOrEqualTo(CommerceLimits.MAX_LIST)
                    .allMatch(t -> t.length() <= CommerceLimits.MAX_TEXT_LENGTH && CommerceLimits.textOnly(t));
            assertPartition(Keys.shopOrder(o.source(), CommerceLimits.keyPart(o.orderId())));
            event = o.firstAccepted(customer, NOW);
        } else if (event instanceof CommerceEvent.OrderRefunded r) {
            assertAmount(r.amount());
            pointsIds.add(r.orderEventId());
        }
        for (String id : List.copyOf(pointsIds)) {
            pointsIds.add("tierbonus:" + id);
        }
        for (String id : pointsIds) {
            assertThat(PointsAccount.empty().grant(1, "order", id, NOW, Lot.NEVER))
                    .isInstanceOf(LedgerResult.Applied.class);
            for (EntryKind kind : EntryKind.values()) {
                assertSortKey(Keys.ledgerEntry(customer, LedgerEntry.idOf(kind, id)));
            }
        }
        assertPartition(Keys.receipt(customer, event.eventId()));
        assertPartition(Keys.receipt(customer, "job:" + RewardJob.crmSync(event.eventId(), customer, "demo").jobId()));
        assertPartition(Keys.customer(customer));
        assertThat(event.occurredAt()).isAfterOrEqualTo(CommerceLimits.EARLIEST)
                .isBeforeOrEqualTo(NOW.plus(CommerceLimits.MAX_AHEAD));

        String record = codec.write(event);
        assertThat(record.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CommerceLimits.MAX_RECORD_BYTES);
        assertThat(sqsCharacters(record)).as(record).isTrue();
        assertThat(SqsIds.acceptable(SqsIds.of(customer))).isTrue();
        assertThat(SqsIds.acceptable(SqsIds.sha256Hex(event.eventId()))).isTrue();
        assertThat(codec.read(record)).isEqualTo(event);
    }

    private static void assertAmount(BigDecimal amount) {
        assertThat(amount).isBetween(BigDecimal.ZERO, CommerceLimits.MAX_AMOUNT);
        assertThat(amount.scale()).isBetween(0, CommerceLimits.MAX_DECIMALS);
        assertThat(amount.toPlainString().length()).isLessThanOrEqualTo(20);
    }

    private static void assertPartition(Map<String, AttributeValue> key) {
        assertThat(key.get(Keys.PK).s().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertSortKey(key);
    }

    private static void assertSortKey(Map<String, AttributeValue> key) {
        assertThat(key.get(Keys.SK).s().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(CommerceLimits.textOnly(key.get(Keys.PK).s() + key.get(Keys.SK).s())).isTrue();
    }

    /** What SQS accepts in a message body: #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000+. */
    private static boolean sqsCharacters(String body) {
        return body.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000);
    }

    /** Every character outside printable ASCII as a JSON escape: lone surrogates reach the parser intact. */
    private static byte[] escaped(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (char ch : json.toCharArray()) {
            out.append(ch >= 0x20 && ch <= 0x7E ? String.valueOf(ch) : String.format("\\u%04x", (int) ch));
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of(GenericCommerceWebhooks.ORDER_COMPLETED, GenericCommerceWebhooks.ORDER_REFUNDED,
                GenericCommerceWebhooks.CUSTOMER_UPDATED);
    }

    @Provide
    Arbitrary<String> topics() {
        return Arbitraries.of(ShopifyWebhooks.ORDERS_PAID, ShopifyWebhooks.REFUNDS_CREATE);
    }

    /** Any string, with lengths around the limits, and ids that fit; integers too (Shopify's ids). */
    @Provide
    Arbitrary<JsonNode> ids() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(260);
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(201);
        Arbitrary<String> wide = Arbitraries.strings().withCharRange('\u0600', '\u06FF').ofMinLength(90).ofMaxLength(201);
        Arbitrary<String> emoji = Arbitraries.of("😀", "é", "a", "-").list().ofMinSize(1).ofMaxSize(150)
                .map(l -> String.join("", l));
        return Arbitraries.frequencyOf(
                Tuple.of(2, any.map(JSON::textNode)),
                Tuple.of(6, plain.map(JSON::textNode)),
                Tuple.of(3, wide.map(JSON::textNode)),
                Tuple.of(3, emoji.map(JSON::textNode)),
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(250).negate(), BigInteger.TEN.pow(250))
                        .map(JSON::numberNode)),
                Tuple.of(2, Arbitraries.longs().map(JSON::numberNode)));
    }

    /** Amounts in range, decimal texts and numbers of every size, exponents small and huge, and junk. */
    @Provide
    Arbitrary<JsonNode> amounts() {
        Arbitrary<BigDecimal> inRange = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(18)),
                Arbitraries.integers().between(0, 6)).as(BigDecimal::new)
                .filter(d -> d.compareTo(CommerceLimits.MAX_AMOUNT) <= 0);
        Arbitrary<BigDecimal> decimals = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(30)),
                Arbitraries.integers().between(-40, 40)).as(BigDecimal::new);
        Arbitrary<String> exponents = Combinators.combine(Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(-1_000_000_000, 1_000_000_000)).as((m, e) -> m + "e" + e);
        return Arbitraries.frequencyOf(
                Tuple.of(6, inRange.map(d -> JSON.textNode(d.toPlainString()))),
                Tuple.of(2, inRange.map(JSON::numberNode)),
                Tuple.of(2, decimals.map(d -> JSON.textNode(d.toString()))),
                Tuple.of(1, decimals.map(JSON::numberNode)),
                Tuple.of(2, exponents.map(JSON::textNode)),
                Tuple.of(1, Arbitraries.doubles().map(JSON::numberNode)),
                Tuple.of(1, Arbitraries.of("1e999999999", "-0", "0.0000001", "NaN", "Infinity", "", "9".repeat(3000),
                        "1_000", "0x10", "1e30", "1E+12", "1E+13").map(JSON::textNode)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(50).map(JSON::textNode)));
    }

    /** Any instant (year -1,000,000,000 to 1,000,000,000), instants near now, and junk. */
    @Provide
    Arbitrary<JsonNode> times() {
        Arbitrary<Instant> anyInstant = Arbitraries.longs().between(Instant.MIN.getEpochSecond(),
                Instant.MAX.getEpochSecond()).map(Instant::ofEpochSecond);
        Arbitrary<Instant> nearNow = Arbitraries.longs().between(-40L * 86_400, 3L * 86_400).map(NOW::plusSeconds);
        return Arbitraries.frequencyOf(
                Tuple.of(2, anyInstant.map(i -> JSON.textNode(i.toString()))),
                Tuple.of(8, nearNow.map(i -> JSON.textNode(i.toString()))),
                Tuple.of(1, Arbitraries.of("0000-01-01T00:00:00Z", "1999-12-31T23:59:59+14:00",
                        "2026-11-25", "yesterday", "").map(JSON::textNode)));
    }

    /** Lists of texts: mostly what shops write (any script, up to the limits), sometimes any characters. */
    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> written = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00C0', '\u024F')
                .withCharRange('\u0600', '\u06FF').withChars('™', '€').ofMinLength(1).ofMaxLength(257);
        Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(300);
        return Arbitraries.frequencyOf(Tuple.of(5, written.list().ofMaxSize(101)), Tuple.of(1, any.list().ofMaxSize(20)));
    }

    /** Line item titles: a few, or very many; of any characters. */
    @Provide
    Arbitrary<List<String>> titles() {
        Arbitrary<String> title = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(400);
        Arbitrary<String> shortTitle = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(120);
        return Arbitraries.frequencyOf(Tuple.of(4, title.list().ofMaxSize(20)),
                Tuple.of(1, shortTitle.list().ofMinSize(500).ofMaxSize(1500)));
    }

    @Provide
    Arbitrary<Map<String, String>> attributes() {
        Arbitrary<String> names = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of("first_name", "birthday",
                "last_product", "time_zone", "city", "tier_note")), Tuple.of(1, Arbitraries.strings().all().ofMaxLength(60)));
        Arbitrary<String> values = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u0600', '\u06FF')
                        .ofMaxLength(257)),
                Tuple.of(2, Arbitraries.of("1990-04-12", "--04-12", "America/Toronto")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(300)));
        return Arbitraries.maps(names, values).ofMinSize(1).ofMaxSize(21);
    }
}
