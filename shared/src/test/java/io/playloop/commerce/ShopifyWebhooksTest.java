package io.playloop.commerce;

import static io.playloop.commerce.CommerceSamples.LOCAL_SHOP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShopifyWebhooksTest {
    private static final String ORDER = "shopify-orders-paid.json";
    private static final String REFUND = "shopify-refunds-create.json";
    /** Two days after the order sample, the day of its refund. */
    private static final Instant NOW = Instant.parse("2026-11-25T15:20:04Z");
    private final ObjectMapper mapper = new ObjectMapper();
    private final ShopifyWebhooks shopify = new ShopifyWebhooks(new PhoneNumbers("FR"), mapper);

    @Test
    void theSamples_areSignedWithTheLocalShopSecret_andNothingElse() {
        for (String file : new String[] {ORDER, REFUND}) {
            byte[] body = CommerceSamples.body(file);
            String hmac = CommerceSamples.header(file, "x-shopify-hmac-sha256");
            assertThat(ShopifyWebhooks.verify(body, hmac, LOCAL_SHOP_SECRET)).as(file).isTrue();
            assertThat(ShopifyWebhooks.verify(body, hmac, "another-secret")).as(file).isFalse();
            byte[] tampered = (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
            assertThat(ShopifyWebhooks.verify(tampered, hmac, LOCAL_SHOP_SECRET)).as(file).isFalse();
        }
    }

    @Test
    void aMissingOrGarbledHmac_isNotValid() {
        byte[] body = CommerceSamples.body(ORDER);
        assertThat(ShopifyWebhooks.verify(body, null, LOCAL_SHOP_SECRET)).isFalse();
        assertThat(ShopifyWebhooks.verify(body, "", LOCAL_SHOP_SECRET)).isFalse();
        assertThat(ShopifyWebhooks.verify(body, "not base64 !", LOCAL_SHOP_SECRET)).isFalse();
        assertThat(ShopifyWebhooks.verify(body, ShopifyWebhooks.sign(body, LOCAL_SHOP_SECRET), "")).isFalse();
        assertThat(ShopifyWebhooks.verify(body, " " + ShopifyWebhooks.sign(body, LOCAL_SHOP_SECRET) + " ",
                LOCAL_SHOP_SECRET)).isTrue();
    }

    @Test
    void ordersPaid_becomesAnOrderForTheNormalisedPhone() {
        ShopifyWebhooks.Parsed parsed = shopify.parse("orders/paid", CommerceSamples.body(ORDER), null, NOW);

        CommerceEvent.OrderPaid order = ((ShopifyWebhooks.Order) parsed).event();
        assertThat(order.customerKey()).isEqualTo("33612345678"); // "+33 6 12 34 56 78" on the order
        assertThat(order.orderId()).isEqualTo("820982911946154508");
        assertThat(order.total()).isEqualByComparingTo(new BigDecimal("59.90"));
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.discountCodes()).containsExactly("BIENVENUE5");
        assertThat(order.productTitles()).containsExactly("Sac cabas en lin", "Savon au miel");
        assertThat(order.occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:05:14Z"));
        assertThat(order.eventId()).isEqualTo("order:shopify:820982911946154508");
    }

    @Test
    void anOrderWithoutPhoneAtCheckout_usesTheCustomerThenTheAddressPhone_readInTheAddressCountry() throws Exception {
        ObjectNode order = (ObjectNode) mapper.readTree(CommerceSamples.body(ORDER));
        order.putNull("phone");
        ((ObjectNode) order.get("customer")).put("phone", "33612345678");
        assertThat(key(order)).isEqualTo("33612345678");

        ((ObjectNode) order.get("customer")).putNull("phone");
        ((ObjectNode) order.get("billing_address")).put("phone", "07400 123456").put("country_code", "GB");
        assertThat(key(order)).isEqualTo("447400123456");
    }

    @Test
    void anOrderWithNoPhone_orOnlyInvalidOnes_isAcknowledgedAndIgnored_withTheReason() throws Exception {
        ObjectNode order = (ObjectNode) mapper.readTree(CommerceSamples.body(ORDER));
        order.putNull("phone");
        order.remove("customer");
        order.remove("billing_address");
        order.remove("shipping_address");
        assertThat(parse(order)).isInstanceOfSatisfying(ShopifyWebhooks.Ignored.class,
                i -> assertThat(i.reason()).contains("carries no phone number"));

        order.put("phone", "06 12");
        assertThat(parse(order)).isInstanceOfSatisfying(ShopifyWebhooks.Ignored.class,
                i -> assertThat(i.reason()).contains("not a valid number").doesNotContain("06 12"));
    }

    @Test
    void refundsCreate_sumsTheRefundTransactions_andWaitsForItsCustomer() {
        ShopifyWebhooks.Refund refund = (ShopifyWebhooks.Refund) shopify.parse("refunds/create", CommerceSamples.body(REFUND), null,
                NOW);

        assertThat(refund.orderId()).isEqualTo("820982911946154508");
        assertThat(refund.refundId()).isEqualTo("509562969");
        assertThat(refund.amount()).isEqualByComparingTo("20.00");
        assertThat(refund.currency()).isEqualTo("EUR");
        CommerceEvent.OrderRefunded event = refund.forCustomer("33612345678");
        assertThat(event.eventId()).isEqualTo("refund:shopify:509562969");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-25T15:20:03Z"));
    }

    @Test
    void otherTopics_aMissingTopic_orABodyThatIsNoOrder_areIgnored_withTheReason() {
        assertThat(parse("customers/create", "{}"))
                .isEqualTo(new ShopifyWebhooks.Ignored("topic customers/create is not used by PlayLoop"));
        assertThat(ignored(null, "")).contains("X-Shopify-Topic");
        assertThat(ignored("orders/paid", "{")).contains("not JSON");
        assertThat(ignored("orders/paid", "{\"id\":1}")).startsWith("order 1: ").contains("total_price:")
                .contains("currency:").contains("created_at:");
    }

    @Test
    void totalsOutOfRange_orWithHugeExponents_areIgnored_withoutExpandingThem() throws Exception {
        for (String total : new String[] {"\"1e999999999\"", "1e999999999", "\"1e30\"", "1e30", "\"-1\"",
                "\"59.9000001\"", "\"1e-999999999\"", "\"NaN\"", "\"Infinity\"", "true"}) {
            ObjectNode order = (ObjectNode) mapper.readTree(CommerceSamples.body(ORDER));
            order.set("total_price", mapper.readTree(total));
            assertThat(parse(order)).as(total).isInstanceOfSatisfying(ShopifyWebhooks.Ignored.class,
                    i -> assertThat(i.reason()).contains("total_price:").contains("10^12"));
        }
    }

    @Test
    void datesBefore2000_orMoreThanADayAhead_areIgnored() throws Exception {
        for (String at : new String[] {"0000-01-01T00:00:00Z", "1999-12-31T23:59:59+00:00", "2026-11-27T00:00:00Z",
                "+999999999-12-31T23:59:59Z"}) {
            ObjectNode order = (ObjectNode) mapper.readTree(CommerceSamples.body(ORDER));
            order.put("processed_at", at);
            assertThat(parse(order)).as(at).isInstanceOfSatisfying(ShopifyWebhooks.Ignored.class,
                    i -> assertThat(i.reason()).contains("processed_at:"));
        }
    }

    @Test
    void anOrderOf1500LineItems_keepsTheFirstTitles_cleaned_andCodesThatCanBeCoupons() throws Exception {
        ObjectNode order = (ObjectNode) mapper.readTree(CommerceSamples.body(ORDER));
        var items = order.putArray("line_items");
        items.addObject().put("title", "Th\u00e9 \uD800vert\u0007");
        items.addObject().put("title", "x".repeat(1000));
        for (int i = 0; i < 1500; i++) {
            items.addObject().put("title", "Article " + i);
        }
        var codes = order.putArray("discount_codes");
        codes.addObject().put("code", "BIENVENUE5");
        codes.addObject().put("code", "BAD\uFFFF");
        codes.addObject().put("code", "y".repeat(300));

        CommerceEvent.OrderPaid paid = ((ShopifyWebhooks.Order) parse(order)).event();

        assertThat(paid.productTitles()).hasSize(CommerceLimits.KEPT_PRODUCTS);
        assertThat(paid.productTitles().get(0)).isEqualTo("Th\u00e9 \uFFFDvert\uFFFD");
        assertThat(paid.productTitles().get(1)).hasSize(CommerceLimits.MAX_TEXT_LENGTH);
        assertThat(paid.discountCodes()).containsExactly("BIENVENUE5");
    }

    @Test
    void aLongOrderId_isKeyedByItsDigest_andKeptInFull() throws Exception {
        ObjectNode order = (ObjectNode) mapper.readTree(CommerceSamples.body(ORDER));
        String id = "\u0637\u0644\u0628-".repeat(50); // 200 Arabic characters and dashes, 350 bytes
        order.put("id", id);

        CommerceEvent.OrderPaid paid = ((ShopifyWebhooks.Order) parse(order)).event();

        assertThat(paid.orderId()).isEqualTo(id);
        assertThat(paid.eventId()).matches("order:shopify:sha256:[0-9a-f]{64}");
        order.put("id", id + "x");
        assertThat(parse(order)).isInstanceOf(ShopifyWebhooks.Ignored.class);
    }

    @Test
    void aDeliveryLastChangedMoreThanAWeekAgo_isIgnoredAsAReplay_butALatePaymentIsNot() throws Exception {
        assertThat(shopify.parse("orders/paid", CommerceSamples.body(ORDER), null, NOW.plus(Duration.ofDays(7))))
                .isInstanceOfSatisfying(ShopifyWebhooks.Ignored.class, i -> assertThat(i.reason()).contains("7 days"));
        assertThat(shopify.parse("refunds/create", CommerceSamples.body(REFUND), null, NOW.plus(Duration.ofDays(8))))
                .isInstanceOf(ShopifyWebhooks.Ignored.class);
        assertThat(shopify.parse("orders/paid", CommerceSamples.body(ORDER), NOW.minus(Duration.ofDays(8)).toString(),
                NOW)).isInstanceOf(ShopifyWebhooks.Ignored.class);

        ObjectNode late = (ObjectNode) mapper.readTree(CommerceSamples.body(ORDER));
        late.put("created_at", "2026-10-01T10:00:00+02:00").put("processed_at", "2026-10-01T10:00:00+02:00")
                .put("updated_at", "2026-11-25T14:00:00Z");
        assertThat(parse(late)).isInstanceOf(ShopifyWebhooks.Order.class);
    }

    private String key(ObjectNode order) {
        return ((ShopifyWebhooks.Order) parse(order)).event().customerKey();
    }

    private ShopifyWebhooks.Parsed parse(ObjectNode order) {
        return parse("orders/paid", escaped(order.toString()));
    }

    private ShopifyWebhooks.Parsed parse(String topic, String body) {
        return shopify.parse(topic, body.getBytes(StandardCharsets.UTF_8), null, NOW);
    }

    private String ignored(String topic, String body) {
        return ((ShopifyWebhooks.Ignored) parse(topic, body)).reason();
    }

    /** Non-ASCII written as JSON escapes, so that lone surrogates reach the parser as they would from Shopify. */
    private static String escaped(String json) {
        StringBuilder out = new StringBuilder();
        for (char c : json.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7E ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
