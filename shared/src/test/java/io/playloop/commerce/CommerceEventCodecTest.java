package io.playloop.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommerceEventCodecTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:05:14Z");
    private final CommerceEventCodec codec = new CommerceEventCodec(new ObjectMapper());

    @Test
    void everyKind_survivesTheQueue_exactly() {
        List<CommerceEvent> events = List.of(
                new CommerceEvent.OrderPaid("shopify", "33612345678", AT, "820982911946154508", new BigDecimal("59.90"),
                        "EUR", List.of("BIENVENUE5"), List.of("Sac cabas en lin", "Savon au miel")),
                new CommerceEvent.OrderRefunded("shopify", "33612345678", AT, "820982911946154508", "509562969",
                        new BigDecimal("20.00"), "EUR"),
                new CommerceEvent.CustomerUpdated("generic", "971501234567", AT, "U-1",
                        Map.of("first_name", "محمد", "birthday", "1990-04-12", "last_product", "عطر العود")));
        for (CommerceEvent e : events) {
            String body = codec.write(e);
            assertThat(codec.read(body)).isEqualTo(e);
            assertThat(codec.read(body).eventId()).isEqualTo(e.eventId());
            assertThat(CommerceEventCodec.isCommerceRecord(body)).as(body).isTrue();
        }
        assertThat(codec.write(events.get(0))).startsWith("{\"kind\":\"commerce.order_paid\",\"v\":1,")
                .contains("\"total\":\"59.90\"");
    }

    @Test
    void anOrder_carriesWhenItWasFirstAccepted_andARecordWrittenBeforeThatReadsWithout() {
        CommerceEvent.OrderPaid order = new CommerceEvent.OrderPaid("generic", "33612345678", AT, "A-1",
                new BigDecimal("1.5"), "EUR", List.of(), List.of()).firstAccepted("33612345678", AT.plusSeconds(2));

        String body = codec.write(order);

        assertThat(body).contains("\"firstSeen\":\"2026-11-23T10:05:16Z\"");
        assertThat(codec.read(body)).isEqualTo(order);
        String before = "{\"kind\":\"commerce.order_paid\",\"v\":1,\"eventId\":\"order:generic:A-1\",\"source\":"
                + "\"generic\",\"customerKey\":\"33612345678\",\"occurredAt\":\"2026-11-23T10:05:14Z\",\"orderId\":\"A-1\","
                + "\"total\":\"1.5\",\"currency\":\"EUR\",\"discountCodes\":[],\"productTitles\":[]}";
        assertThat(((CommerceEvent.OrderPaid) codec.read(before)).firstSeen()).isEmpty();
    }

    @Test
    void aWhatsAppRecord_isNotACommerceRecord() {
        InboundMessage text = new InboundMessage("wamid.HBgL", "33612345678", "33612345678", null, "100000000000001",
                null, "Léa", AT, "text", "{\"kind\":\"commerce.order_paid\"}", null, null, null, null, false, null);
        String body = new InboundMessageCodec(new ObjectMapper()).write(text);

        assertThat(CommerceEventCodec.isCommerceRecord(body)).isFalse();
        assertThat(CommerceEventCodec.isCommerceRecord(null)).isFalse();
        assertThat(CommerceEventCodec.isCommerceRecord("")).isFalse();
    }

    @Test
    void anUnknownKindOrVersion_isPoison() {
        assertThatThrownBy(() -> codec.read("{\"kind\":\"commerce.gift\",\"v\":1,\"source\":\"x\",\"customerKey\":"
                + "\"33612345678\",\"occurredAt\":\"2026-11-23T10:05:14Z\"}")).hasMessageContaining("commerce.gift");
        assertThatThrownBy(() -> codec.read("{\"kind\":\"commerce.order_paid\",\"v\":2}")).hasMessageContaining("version 2");
        assertThatThrownBy(() -> codec.read("{\"kind\":\"commerce.order_paid\",\"v\":1,\"source\":\"shopify\","
                + "\"customerKey\":\"33612345678\",\"occurredAt\":\"2026-11-23T10:05:14Z\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderId");
    }
}
