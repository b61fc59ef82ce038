package io.playloop.commerce;

import static io.playloop.commerce.CommerceSamples.LOCAL_SHOP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShopifyWebhooksTest {
    private static final String ORDER = "shopify-orders-paid.json";
    private static final String REFUND = "shopify-refunds-create.json";
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
        ShopifyWebhooks.Parsed parsed = shopify.parse("orders/paid", CommerceSamples.body(ORDER));

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
        ShopifyWebhooks.Refund refund = (ShopifyWebhooks.Refund) shopify.parse("refunds/create", CommerceSamples.body(REFUND));

        assertThat(refund.orderId()).isEqualTo("820982911946154508");
        assertThat(refund.refundId()).isEqualTo("509562969");
        assertThat(refund.amount()).isEqualByComparingTo("20.00");
        assertThat(refund.currency()).isEqualTo("EUR");
        CommerceEvent.OrderRefunded event = refund.forCustomer("33612345678");
        assertThat(event.eventId()).isEqualTo("refund:shopify:509562969");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-25T15:20:03Z"));
    }

    @Test
    void otherTopics_areIgnored_andAMissingTopicOrBrokenBody_isAnError() {
        assertThat(shopify.parse("customers/create", "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new ShopifyWebhooks.Ignored("topic customers/create is not used by PlayLoop"));
        assertThatThrownBy(() -> shopify.parse(null, new byte[0])).hasMessageContaining("X-Shopify-Topic");
        assertThatThrownBy(() -> shopify.parse("orders/paid", "{".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("body: not JSON");
        assertThatThrownBy(() -> shopify.parse("orders/paid", "{\"id\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidCommerceEventException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("total_price:"))
                        .anyMatch(p -> p.startsWith("currency:"))
                        .anyMatch(p -> p.startsWith("processed_at or created_at:")));
    }

    private String key(ObjectNode order) {
        return ((ShopifyWebhooks.Order) parse(order)).event().customerKey();
    }

    private ShopifyWebhooks.Parsed parse(ObjectNode order) {
        return shopify.parse("orders/paid", order.toString().getBytes(StandardCharsets.UTF_8));
    }
}
