package io.playloop.commerce;

import static io.playloop.commerce.CommerceSamples.LOCAL_SHOP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericCommerceWebhooksTest {
    /** Two days after the samples. */
    private static final Instant NOW = Instant.parse("2026-11-25T15:20:04Z");

    private final GenericCommerceWebhooks generic = new GenericCommerceWebhooks(new PhoneNumbers("FR"), new ObjectMapper());

    @Test
    void theSamples_areSignedWithTheLocalShopSecret_atTheirTimestamp() {
        for (String file : new String[] {"generic-order-completed.json", "generic-order-refunded.json",
                "generic-customer-updated.json"}) {
            String ts = CommerceSamples.header(file, "x-playloop-timestamp");
            Instant signedAt = Instant.ofEpochSecond(Long.parseLong(ts));
            String verdict = GenericCommerceWebhooks.verify(CommerceSamples.body(file),
                    CommerceSamples.header(file, "x-playloop-signature"), ts, LOCAL_SHOP_SECRET, signedAt.plusSeconds(60));
            assertThat(verdict).as(file).isNull();
        }
    }

    @Test
    void aBadMissingOrStaleSignature_isRefused_withTheReason() {
        byte[] body = "{\"type\":\"order.completed\"}".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        long ts = now.getEpochSecond();
        String good = GenericCommerceWebhooks.sign(ts, body, LOCAL_SHOP_SECRET);

        assertThat(GenericCommerceWebhooks.verify(body, good, Long.toString(ts), LOCAL_SHOP_SECRET, now)).isNull();
        assertThat(GenericCommerceWebhooks.verify(body, good.toUpperCase().replace("SHA256=", "sha256="),
                Long.toString(ts), LOCAL_SHOP_SECRET, now)).isNull();
        assertThat(GenericCommerceWebhooks.verify(body, null, Long.toString(ts), LOCAL_SHOP_SECRET, now))
                .isEqualTo("missing X-PlayLoop-Signature");
        assertThat(GenericCommerceWebhooks.verify(body, good, null, LOCAL_SHOP_SECRET, now))
                .contains("X-PlayLoop-Timestamp");
        assertThat(GenericCommerceWebhooks.verify(body, good, Long.toString(ts), "other", now)).isEqualTo("invalid signature");
        assertThat(GenericCommerceWebhooks.verify(body, "sha256=abc", Long.toString(ts), LOCAL_SHOP_SECRET, now))
                .isEqualTo("invalid signature");
        // The timestamp is signed: moving it invalidates the signature (no replay with a fresh timestamp).
        assertThat(GenericCommerceWebhooks.verify(body, good, Long.toString(ts + 1), LOCAL_SHOP_SECRET, now))
                .isEqualTo("invalid signature");
        assertThat(GenericCommerceWebhooks.verify(body, good, Long.toString(ts), LOCAL_SHOP_SECRET, now.plusSeconds(301)))
                .contains("more than 5 minutes");
        assertThat(GenericCommerceWebhooks.verify(body, good, Long.toString(ts), LOCAL_SHOP_SECRET, now.minusSeconds(301)))
                .contains("more than 5 minutes");
        assertThat(GenericCommerceWebhooks.verify(body, good, Long.toString(ts), LOCAL_SHOP_SECRET, now.plusSeconds(299)))
                .isNull();
    }

    @Test
    void theThreeSampleTypes_becomeTheirEvents() {
        CommerceEvent.OrderPaid order = (CommerceEvent.OrderPaid) generic.parse(CommerceSamples.body("generic-order-completed.json"), NOW);
        assertThat(order.customerKey()).isEqualTo("33612345678");
        assertThat(order.eventId()).isEqualTo("order:generic:A-2026-00042");
        assertThat(order.total()).isEqualByComparingTo("59.90");
        assertThat(order.productTitles()).containsExactly("Sac cabas en lin", "Savon au miel");

        CommerceEvent.OrderRefunded refund = (CommerceEvent.OrderRefunded) generic.parse(
                CommerceSamples.body("generic-order-refunded.json"), NOW);
        assertThat(refund.customerKey()).isEqualTo("33612345678");
        assertThat(refund.orderId()).isEqualTo("A-2026-00042");
        assertThat(refund.refundId()).isEqualTo("R-2026-00007");
        assertThat(refund.amount()).isEqualByComparingTo(new BigDecimal("20.00"));

        CommerceEvent.CustomerUpdated update = (CommerceEvent.CustomerUpdated) generic.parse(
                CommerceSamples.body("generic-customer-updated.json"), NOW);
        assertThat(update.customerKey()).isEqualTo("971501234567");
        assertThat(update.occurredAt()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(update.attributes()).isEqualTo(Map.of("first_name", "محمد", "birthday", "1990-04-12",
                "last_product", "عطر العود"));
    }

    @Test
    void aBadEvent_listsEveryFieldAtFault() {
        assertThatThrownBy(() -> parse("{\"type\":\"order.completed\",\"id\":\"\",\"occurred_at\":\"yesterday\","
                + "\"customer\":{\"phone\":\"06 12\"},\"total\":\"-1\",\"currency\":\"euro\",\"products\":\"bag\"}"))
                .isInstanceOfSatisfying(InvalidCommerceEventException.class, e -> assertThat(e.problems())
                        .hasSize(6)
                        .anyMatch(p -> p.startsWith("id:"))
                        .anyMatch(p -> p.startsWith("occurred_at:"))
                        .anyMatch(p -> p.startsWith("customer.phone:") && p.contains("not a valid number"))
                        .anyMatch(p -> p.startsWith("total:"))
                        .anyMatch(p -> p.startsWith("currency:"))
                        .anyMatch(p -> p.startsWith("products:")));
    }

    @Test
    void missingType_customer_orAttributes_areNamed() {
        assertThatThrownBy(() -> parse("{\"id\":\"1\",\"occurred_at\":\"2026-11-23T10:00:00Z\",\"customer\":{}}"))
                .isInstanceOfSatisfying(InvalidCommerceEventException.class, e -> assertThat(e.problems())
                        .containsExactly("type: required, one of order.completed, order.refunded, customer.updated",
                                "customer.phone: required (e.g. \"+33 6 12 34 56 78\")"));
        assertThatThrownBy(() -> parse("{\"type\":\"customer.updated\",\"id\":\"1\",\"occurred_at\":\"2026-11-23T10:00:00Z\","
                + "\"customer\":{\"phone\":\"+33612345678\"},\"attributes\":{\"birthday\":\"12/04/1990\",\"Bad Name\":\"x\"}}"))
                .isInstanceOfSatisfying(InvalidCommerceEventException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("attributes.birthday:"))
                        .anyMatch(p -> p.startsWith("attributes.Bad Name:")));
        assertThatThrownBy(() -> parse("{\"type\":\"order.refunded\",\"id\":\"R1\",\"occurred_at\":\"2026-11-23T10:00:00Z\","
                + "\"customer\":{\"phone\":\"+33612345678\"},\"amount\":\"5\",\"currency\":\"EUR\"}"))
                .isInstanceOfSatisfying(InvalidCommerceEventException.class, e -> assertThat(e.problems())
                        .containsExactly("order_id: required, a number or a string of 1 to 200 characters"
                                + " without control characters"));
        assertThatThrownBy(() -> parse("[]")).hasMessage("body: not a JSON object");
    }

    private CommerceEvent parse(String json) {
        return generic.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }
}
