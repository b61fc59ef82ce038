package io.playloop.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.sqs.SqsCharacters;
import io.playloop.sqs.SqsIds;
import io.playloop.store.Keys;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The door's promise, for any string Meta's fields may carry (noncharacters, lone surrogates, control characters,
 * kilobytes of text): a message the parser lets through has only characters SQS accepts, and every key built from
 * it fits DynamoDB (partition key at most 2,048 bytes, sort key at most 1,024); the time rule keeps only messages the
 * receipts can vouch for. Parsing never throws on such a body.
 */
class MessageDoorProperties {
    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final WebhookParser parser = new WebhookParser("106540352242922");
    private final InboundMessageCodec codec = new InboundMessageCodec(new ObjectMapper());

    /** The fields of one message as a sender controls them. */
    record Fields(String wamid, String from, String userId, String contactWaId, String name, String type,
                  String timestamp, String text, String replyId, String title, String contextId, String rawKey) {
        List<String> all() {
            return Arrays.asList(wamid, from, userId, contactWaId, name, type, timestamp, text, replyId, title,
                    contextId, rawKey);
        }
    }

    @Property(tries = 1000)
    void aMessageLetThrough_isAcceptedBySqs_andFitsTheTablesKeys(@ForAll("messages") List<Fields> messages) {
        ParsedWebhook parsed = parser.parse(webhook(messages).getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.messages().size() + parsed.refused().size() + parsed.ignored().size())
                .isEqualTo(messages.size());
        Statistics.collect(parsed.messages().isEmpty() ? "nothing let through" : "some let through");
        for (InboundMessage m : parsed.messages()) {
            for (String field : Arrays.asList(m.wamid(), m.customerKey(), m.waId(), m.bsuid(), m.phoneNumberId(),
                    m.displayPhoneNumber(), m.profileName(), m.type(), m.text(), m.replyId(), m.replyTitle(),
                    m.contextId(), m.contextFrom())) {
                assertThat(field == null || SqsCharacters.acceptable(field)).as("field %s", field).isTrue();
            }
            assertThat(SqsCharacters.acceptable(codec.write(m))).isTrue();
            assertThat(bytes(Keys.customerPartition(m.customerKey()))).isLessThanOrEqualTo(MAX_PARTITION_KEY_BYTES);
            assertThat(bytes(Keys.receipt(m.customerKey(), m.wamid()).get(Keys.SK).s())).isLessThanOrEqualTo(MAX_SORT_KEY_BYTES);
            assertThat(bytes(Keys.consent(m.customerKey(), Instant.parse("9999-12-31T23:59:59.999Z"), m.wamid()).get(Keys.SK).s()))
                    .isLessThanOrEqualTo(MAX_SORT_KEY_BYTES);
            assertThat(bytes(Keys.referral(m.customerKey(), m.customerKey()).get(Keys.SK).s()))
                    .isLessThanOrEqualTo(MAX_SORT_KEY_BYTES);
            assertThat(SqsIds.of(m.customerKey())).hasSizeLessThanOrEqualTo(SqsIds.MAX_LENGTH);
        }
        for (Refused r : parsed.refused()) {
            assertThat(r.wamid() == null || r.wamid().length() < 120).isTrue();
            assertThat(r.customer() == null || r.customer().length() < 60).isTrue();
        }
        for (InboundMessage m : MessageWindow.apply(parsed, NOW).messages()) {
            assertThat(m.sentAt()).isBetween(NOW.minus(MessageWindow.STALE_AFTER),
                    NOW.plus(MessageWindow.FUTURE_TOLERANCE));
        }
    }

    @Provide
    Arbitrary<List<Fields>> messages() {
        Arbitrary<String> hostile = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> huge = Arbitraries.strings().all().ofMinLength(200).ofMaxLength(3_000);
        Arbitrary<String> special = Arbitraries.of("", " ", "\t", "\uFFFE", "\uFFFF", "\uD800", "\uDC00x", "\u0000",
                "+", "+33612345678", "33612345678", "US.13491208655302741918", "wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQ=",
                "text", "interactive", "1760000000", "-1", "0", "31556889864403199", "99999999999999999999",
                "1780315200", "1780318800", "1780322400");
        Arbitrary<String> any = Arbitraries.frequencyOf(
                Tuple.of(4, special), Tuple.of(4, hostile), Tuple.of(1, huge));
        // Each field well formed most of the time, so that many messages pass the door with hostile neighbours.
        Arbitrary<String> wamid = usually(Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(256)
                .map(w -> "wamid." + w).filter(w -> w.length() <= 256), any);
        Arbitrary<String> waId = usually(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20), any);
        Arbitrary<String> userId = usually(Arbitraries.of(""), any);
        Arbitrary<String> type = usually(Arbitraries.of("text", "interactive", "button", "image", "reaction"), any);
        Arbitrary<String> timestamp = usually(Arbitraries.longs().between(1_700_000_000L, 1_800_000_000L)
                .map(String::valueOf), any);
        Arbitrary<Fields> fields = Combinators.combine(List.of(wamid, waId, userId, waId, any, type, timestamp, any,
                any, any, any, any)).as(v -> new Fields(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5),
                v.get(6), v.get(7), v.get(8), v.get(9), v.get(10), v.get(11)));
        return fields.list().ofMinSize(1).ofMaxSize(5);
    }

    private static Arbitrary<String> usually(Arbitrary<String> wellFormed, Arbitrary<String> any) {
        return Arbitraries.frequencyOf(Tuple.of(4, wellFormed), Tuple.of(1, any));
    }

    private static String webhook(List<Fields> messages) {
        StringBuilder contacts = new StringBuilder("[");
        StringBuilder items = new StringBuilder();
        for (Fields f : messages) {
            if (contacts.length() > 1) {
                contacts.append(',');
                items.append(',');
            }
            contacts.append("{\"profile\":{\"name\":").append(json(f.name())).append("},\"wa_id\":")
                    .append(json(f.contactWaId())).append(",\"user_id\":").append(json(f.userId())).append('}');
            items.append("{\"from\":").append(json(f.from())).append(",\"from_user_id\":").append(json(f.userId()))
                    .append(",\"id\":").append(json(f.wamid())).append(",\"timestamp\":").append(json(f.timestamp()))
                    .append(",\"type\":").append(json(f.type())).append(",\"text\":{\"body\":").append(json(f.text()))
                    .append("},\"context\":{\"id\":").append(json(f.contextId())).append(",\"from\":")
                    .append(json(f.from())).append("},\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":")
                    .append(json(f.replyId())).append(",\"title\":").append(json(f.title())).append("}},")
                    .append(json(f.rawKey())).append(":").append(json(f.text())).append('}');
        }
        contacts.append(']');
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"metadata\":{\"phone_number_id\":\"106540352242922\"},\"contacts\":" + contacts
                + ",\"messages\":[" + items + "]}}]}]}";
    }

    /** A JSON string literal of any Java string, every char outside printable ASCII as \\uXXXX (lone surrogates too). */
    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    private static int bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8).length;
    }
}
