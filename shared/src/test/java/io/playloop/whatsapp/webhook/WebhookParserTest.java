package io.playloop.whatsapp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Payloads are Meta's reference examples (whatsapp.md §2) unless a test says otherwise. */
class WebhookParserTest {
    private static final String PHONE_NUMBER_ID = "106540352242922";
    private final WebhookParser parser = new WebhookParser(PHONE_NUMBER_ID);

    /** Meta's full text-message envelope (whatsapp.md §2.3). */
    static final String TEXT_WEBHOOK = """
            {
              "object": "whatsapp_business_account",
              "entry": [{
                "id": "102290129340398",
                "changes": [{
                  "value": {
                    "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
                    "contacts": [{ "profile": { "name": "Sheena Nelson" }, "wa_id": "16505551234" }],
                    "messages": [{
                      "from": "16505551234",
                      "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                      "timestamp": "1749416383",
                      "type": "text",
                      "text": { "body": "Does it come in another color?" }
                    }]
                  },
                  "field": "messages"
                }]
              }]
            }
            """;

    /** One message from Sheena (wa_id 16505551234) in Meta's envelope. */
    static String webhookWith(String message) {
        return webhookWith("[{ \"profile\": { \"name\": \"Sheena Nelson\" }, \"wa_id\": \"16505551234\" }]", message);
    }

    static String webhookWith(String contacts, String message) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                "messaging_product":"whatsapp",
                "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                "contacts":%s,
                "messages":[%s]},"field":"messages"}]}]}
                """.formatted(contacts, message);
    }

    private ParsedWebhook parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private InboundMessage only(String json) {
        ParsedWebhook parsed = parse(json);
        assertThat(parsed.ignored()).isEmpty();
        assertThat(parsed.messages()).hasSize(1);
        return parsed.messages().get(0);
    }

    @Nested
    class MessageTypes {
        @Test
        void text_fullEnvelope_liftsEveryField() {
            InboundMessage m = only(TEXT_WEBHOOK);

            assertThat(m.wamid()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
            assertThat(m.customerKey()).isEqualTo("16505551234");
            assertThat(m.waId()).isEqualTo("16505551234");
            assertThat(m.bsuid()).isNull();
            assertThat(m.phoneNumberId()).isEqualTo("106540352242922");
            assertThat(m.displayPhoneNumber()).isEqualTo("15550783881");
            assertThat(m.profileName()).isEqualTo("Sheena Nelson");
            assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1749416383L));
            assertThat(m.type()).isEqualTo("text");
            assertThat(m.text()).isEqualTo("Does it come in another color?");
            assertThat(m.isReply()).isFalse();
            assertThat(m.contextId()).isNull();
            assertThat(m.forwarded()).isFalse();
            assertThat(m.raw().path("text").path("body").asText()).isEqualTo("Does it come in another color?");
            assertThat(m.raw().path("id").asText()).isEqualTo(m.wamid());
        }

        @Test
        void interactiveButtonReply_givesReplyIdTitleAndContext() {
            InboundMessage m = only(webhookWith("""
                    { "context": { "from": "15550783881", "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA" },
                      "from": "16505551234",
                      "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTZBQzg0MzQ4QjRCM0NGNkVGOAA=",
                      "timestamp": "1750025136",
                      "type": "interactive",
                      "interactive": { "type": "button_reply", "button_reply": { "id": "cancel-button", "title": "Cancel" } } }
                    """));

            assertThat(m.type()).isEqualTo("interactive");
            assertThat(m.isReply()).isTrue();
            assertThat(m.replyId()).isEqualTo("cancel-button");
            assertThat(m.replyTitle()).isEqualTo("Cancel");
            assertThat(m.text()).isNull();
            assertThat(m.contextId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA");
            assertThat(m.contextFrom()).isEqualTo("15550783881");
        }

        @Test
        void interactiveListReply_givesRowIdAndTitle() {
            InboundMessage m = only(webhookWith("""
                    { "context": { "from": "15550783881", "id": "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=" },
                      "from": "16505551234",
                      "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
                      "timestamp": "1749854575",
                      "type": "interactive",
                      "interactive": {
                        "type": "list_reply",
                        "list_reply": { "id": "priority_express", "title": "Priority Mail Express", "description": "Next Day to 2 Days" }
                      } }
                    """));

            assertThat(m.replyId()).isEqualTo("priority_express");
            assertThat(m.replyTitle()).isEqualTo("Priority Mail Express");
            assertThat(m.contextId()).isEqualTo("wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=");
        }

        @Test
        void templateQuickReplyButton_givesPayloadAsReplyId_andLabelAsText() {
            InboundMessage m = only(webhookWith("""
                    { "context": { "from": "15550783881", "id": "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=" },
                      "from": "16505551234",
                      "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
                      "timestamp": "1750091045",
                      "type": "button",
                      "button": { "payload": "spin:789:claim", "text": "Claim my prize" } }
                    """));

            assertThat(m.type()).isEqualTo("button");
            assertThat(m.replyId()).isEqualTo("spin:789:claim");
            assertThat(m.replyTitle()).isEqualTo("Claim my prize");
            assertThat(m.text()).isEqualTo("Claim my prize");
        }

        @Test
        void interactiveFlowReply_passesThroughWithoutAReplyId() {
            InboundMessage m = only(webhookWith("""
                    { "from": "16505551234", "id": "wamid.FLOW1", "timestamp": "1750091045", "type": "interactive",
                      "interactive": { "type": "nfm_reply",
                        "nfm_reply": { "name": "flow", "body": "Sent", "response_json": "{\\"flow_token\\":\\"abc\\"}" } } }
                    """));

            assertThat(m.type()).isEqualTo("interactive");
            assertThat(m.isReply()).isFalse();
            assertThat(m.raw().path("interactive").path("nfm_reply").path("response_json").asText())
                    .isEqualTo("{\"flow_token\":\"abc\"}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"image", "video", "document"})
        void captionedMedia_captionBecomesText(String type) {
            InboundMessage m = only(webhookWith("""
                    { "from": "16505551234", "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                      "timestamp": "1744344496", "type": "%1$s",
                      "%1$s": { "caption": "Taj Mahal", "mime_type": "image/jpeg",
                                 "sha256": "SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=", "id": "1003383421387256",
                                 "url": "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=133" } }
                    """.formatted(type)));

            assertThat(m.type()).isEqualTo(type);
            assertThat(m.text()).isEqualTo("Taj Mahal");
            assertThat(m.raw().path(type).path("id").asText()).isEqualTo("1003383421387256");
        }

        @Test
        void imageWithoutCaption_hasNoText() {
            InboundMessage m = only(webhookWith("""
                    { "from": "16505551234", "id": "wamid.IMG2", "timestamp": "1744344496", "type": "image",
                      "image": { "mime_type": "image/jpeg", "id": "1003383421387256" } }
                    """));

            assertThat(m.text()).isNull();
        }

        @Test
        void audioVoiceNote_andSticker_passThroughWithoutText() {
            ParsedWebhook parsed = parse(webhookWith("""
                    { "from": "16505551234", "id": "wamid.AUDIO1", "timestamp": "1744344496", "type": "audio",
                      "audio": { "mime_type": "audio/ogg; codecs=opus", "id": "1", "voice": true } },
                    { "from": "16505551234", "id": "wamid.STICKER1", "timestamp": "1744344497", "type": "sticker",
                      "sticker": { "mime_type": "image/webp", "id": "2", "animated": false } }
                    """));

            assertThat(parsed.messages()).extracting(InboundMessage::type).containsExactly("audio", "sticker");
            assertThat(parsed.messages()).extracting(InboundMessage::text).containsOnlyNulls();
        }

        @Test
        void reactionAdd_andReactionRemoveWithoutEmoji_bothPassThrough() {
            ParsedWebhook parsed = parse(webhookWith("""
                    { "from": "16505551234", "id": "wamid.REACT-ADD", "timestamp": "1749419544", "type": "reaction",
                      "reaction": { "message_id": "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=", "emoji": "❤️" } },
                    { "from": "16505551234", "id": "wamid.REACT-REMOVE", "timestamp": "1749419600", "type": "reaction",
                      "reaction": { "message_id": "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=" } }
                    """));

            assertThat(parsed.messages()).hasSize(2);
            assertThat(parsed.messages().get(0).raw().path("reaction").path("emoji").asText()).isEqualTo("❤️");
            assertThat(parsed.messages().get(1).raw().path("reaction").has("emoji")).isFalse();
            assertThat(parsed.messages()).extracting(InboundMessage::text).containsOnlyNulls();
        }

        @Test
        void locationPin_withOnlyCoordinates_andZeroes_isValid() {
            InboundMessage m = only(webhookWith("""
                    { "from": "16505551234", "id": "wamid.LOC1", "timestamp": "1744344496", "type": "location",
                      "location": { "latitude": 0.0, "longitude": 0 } }
                    """));

            assertThat(m.type()).isEqualTo("location");
            assertThat(m.text()).isNull();
            assertThat(m.raw().path("location").path("latitude").asDouble()).isZero();
        }

        @Test
        void locationWithName_keepsExactCoordinatesInRaw() {
            InboundMessage m = only(webhookWith("""
                    { "from": "16505551234", "id": "wamid.LOC2", "timestamp": "1744344496", "type": "location",
                      "location": { "latitude": 37.44221496582, "longitude": -122.16165924072,
                                    "name": "Philz Coffee", "address": "101 Forest Ave, Palo Alto, CA 94301" } }
                    """));

            String record = new InboundMessageCodec(new ObjectMapper()).write(m);
            assertThat(record).contains("37.44221496582", "-122.16165924072");
        }

        @Test
        void sharedContactsCard_order_requestWelcome_passThrough() {
            ParsedWebhook parsed = parse(webhookWith("""
                    { "from": "16505551234", "id": "wamid.CONTACTS1", "timestamp": "1744344496", "type": "contacts",
                      "contacts": [{ "name": { "first_name": "Barbara", "formatted_name": "Barbara J. Johnson" },
                                     "phones": [{ "phone": "+1 (415) 555-0829", "wa_id": "14125550829", "type": "MOBILE" }] }] },
                    { "from": "16505551234", "id": "wamid.ORDER1", "timestamp": "1750096325", "type": "order",
                      "order": { "catalog_id": "194836987003835", "text": "Love these!",
                        "product_items": [ { "product_retailer_id": "di9ozbzfi4", "quantity": 2, "item_price": 30, "currency": "USD" } ] } },
                    { "from": "16505551234", "id": "wamid.WELCOME1", "timestamp": "1750000000", "type": "request_welcome" }
                    """));

            assertThat(parsed.messages()).extracting(InboundMessage::type)
                    .containsExactly("contacts", "order", "request_welcome");
            // The shared card's wa_id is not the sender: the sender is still Sheena.
            assertThat(parsed.messages()).extracting(InboundMessage::customerKey).containsOnly("16505551234");
        }

        @Test
        void unsupportedType_passesThroughWithItsType() {
            InboundMessage m = only(webhookWith("""
                    { "from": "16505551234", "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
                      "timestamp": "1750090702", "type": "unsupported",
                      "errors": [{ "code": 131051, "title": "Message type unknown", "message": "Message type unknown",
                                   "error_data": { "details": "Message type is currently not supported." } }],
                      "unsupported": { "type": "edit" } }
                    """));

            assertThat(m.type()).isEqualTo("unsupported");
            assertThat(m.raw().path("unsupported").path("type").asText()).isEqualTo("edit");
        }

        @Test
        void aBrandNewType_orNoTypeAtAll_passesThrough() {
            ParsedWebhook parsed = parse(webhookWith("""
                    { "from": "16505551234", "id": "wamid.POLL1", "timestamp": "1750090702", "type": "poll",
                      "poll": { "question": "?" } },
                    { "from": "16505551234", "id": "wamid.NOTYPE", "timestamp": "1750090703" }
                    """));

            assertThat(parsed.messages()).extracting(InboundMessage::type).containsExactly("poll", "unknown");
        }

        @Test
        void referralOnAFirstMessage_isKeptInRaw() {
            InboundMessage m = only(webhookWith("""
                    { "referral": { "source_url": "https://fb.me/3cr4Wqqkv", "source_id": "120226305854810726",
                        "source_type": "ad", "ctwa_clid": "Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVw" },
                      "from": "16505551234", "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=",
                      "timestamp": "1750275992", "type": "text", "text": { "body": "Can I get more info about this?" } }
                    """));

            assertThat(m.text()).isEqualTo("Can I get more info about this?");
            assertThat(m.raw().path("referral").path("ctwa_clid").asText()).startsWith("Aff-");
        }

        @Test
        void forwardedAndFrequentlyForwarded_areMarked() {
            ParsedWebhook parsed = parse(webhookWith("""
                    { "from": "16505551234", "id": "wamid.FWD1", "timestamp": "1750275992", "type": "text",
                      "context": { "forwarded": true }, "text": { "body": "B" } },
                    { "from": "16505551234", "id": "wamid.FWD2", "timestamp": "1750275993", "type": "image",
                      "context": { "frequently_forwarded": true }, "image": { "id": "9", "caption": "lol" } },
                    { "from": "16505551234", "id": "wamid.FWD3", "timestamp": "1750275994", "type": "text",
                      "text": { "body": "not forwarded" } }
                    """));

            assertThat(parsed.messages()).extracting(InboundMessage::forwarded).containsExactly(true, true, false);
            assertThat(parsed.messages().get(0).contextId()).isNull();
        }

        @Test
        void quotingTheirOwnMessage_keepsContextFromAsTheCustomer() {
            InboundMessage m = only(webhookWith("""
                    { "from": "16505551234", "id": "wamid.Q1", "timestamp": "1750275992", "type": "text",
                      "context": { "from": "+16505551234", "id": "wamid.EARLIER" }, "text": { "body": "as I said" } }
                    """));

            assertThat(m.contextFrom()).isEqualTo("16505551234");
            assertThat(m.contextId()).isEqualTo("wamid.EARLIER");
        }
    }

    @Nested
    class Text {
        @Test
        void arabicAndEmoji_arePreservedExactly() {
            String body = "نقاط 🎉 ❤️ \u200Fمرحبا\u200F ١٢٣";
            InboundMessage m = only(webhookWith("[{ \"profile\": { \"name\": \"محمد 👑\" }, \"wa_id\": \"971501234567\" }]",
                    "{ \"from\": \"971501234567\", \"id\": \"wamid.AR1\", \"timestamp\": \"1760000000\", \"type\": \"text\","
                            + " \"text\": { \"body\": \"" + body + "\" } }"));

            assertThat(m.text()).isEqualTo(body);
            assertThat(m.text().getBytes(StandardCharsets.UTF_8)).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
            assertThat(m.profileName()).isEqualTo("محمد 👑");
        }

        @Test
        void arabicEscapedTheWayMetaSendsIt_isDecoded() {
            InboundMessage m = only(webhookWith(
                    "[{ \"profile\": { \"name\": \"\\u0645\\u062d\\u0645\\u062f\" }, \"wa_id\": \"971501234567\" }]",
                    "{ \"from\": \"971501234567\", \"id\": \"wamid.AR2\", \"timestamp\": \"1760000000\", \"type\": \"text\","
                            + " \"text\": { \"body\": \"\\u0646\\u0642\\u0627\\u0637 \\ud83c\\udf89\" } }"));

            assertThat(m.text()).isEqualTo("نقاط 🎉");
            assertThat(m.profileName()).isEqualTo("محمد");
        }

        @Test
        void theQueueRecordRoundTripsArabicByteForByte() {
            InboundMessage m = only(webhookWith("[{ \"profile\": { \"name\": \"محمد\" }, \"wa_id\": \"971501234567\" }]",
                    "{ \"from\": \"971501234567\", \"id\": \"wamid.AR3\", \"timestamp\": \"1760000000\", \"type\": \"text\","
                            + " \"text\": { \"body\": \"إيقاف\" } }"));
            InboundMessageCodec codec = new InboundMessageCodec(new ObjectMapper());

            InboundMessage back = codec.read(codec.write(m));

            assertThat(back).isEqualTo(m);
            assertThat(back.text().getBytes(StandardCharsets.UTF_8)).isEqualTo("إيقاف".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Nested
    class CustomerKey {
        @Test
        void bsuidOnly_withEmptyFromAndWaId_isKeyedByTheBsuid() {
            InboundMessage m = only(webhookWith("""
                    [{ "profile": { "name": "Ana", "username": "ana.plays" }, "wa_id": "", "user_id": "user.9373795779eb4d2a" }]
                    """, """
                    { "from": "", "from_user_id": "user.9373795779eb4d2a", "id": "wamid.BSUID1",
                      "timestamp": "1760000000", "type": "text", "text": { "body": "POINTS" } }
                    """));

            assertThat(m.customerKey()).isEqualTo("user.9373795779eb4d2a");
            assertThat(m.bsuid()).isEqualTo("user.9373795779eb4d2a");
            assertThat(m.waId()).isNull();
            assertThat(m.profileName()).isEqualTo("Ana");
        }

        @Test
        void bsuidAndWaId_theBsuidWins_andBothAreKept() {
            InboundMessage m = only(webhookWith("""
                    [{ "profile": { "name": "Ana" }, "wa_id": "34600111222", "user_id": "user.abc123" }]
                    """, """
                    { "from": "34600111222", "from_user_id": "user.abc123", "id": "wamid.BSUID2",
                      "timestamp": "1760000000", "type": "text", "text": { "body": "HOLA" } }
                    """));

            assertThat(m.customerKey()).isEqualTo("user.abc123");
            assertThat(m.waId()).isEqualTo("34600111222");
            assertThat(m.bsuid()).isEqualTo("user.abc123");
        }

        @Test
        void bsuidOnlyInContacts_isFoundByWaIdMatch() {
            InboundMessage m = only(webhookWith("""
                    [{ "profile": { "name": "Ana" }, "wa_id": "34600111222", "user_id": "user.fromcontact" }]
                    """, """
                    { "from": "34600111222", "id": "wamid.BSUID3", "timestamp": "1760000000", "type": "text",
                      "text": { "body": "HOLA" } }
                    """));

            assertThat(m.customerKey()).isEqualTo("user.fromcontact");
        }

        @Test
        void aLeadingPlusIsStripped() {
            InboundMessage m = only(webhookWith("""
                    [{ "profile": { "name": "Sheena" }, "wa_id": "+16505551234" }]
                    """, """
                    { "from": "+16505551234", "id": "wamid.PLUS", "timestamp": "1760000000", "type": "text",
                      "text": { "body": "hi" } }
                    """));

            assertThat(m.customerKey()).isEqualTo("16505551234");
            assertThat(m.waId()).isEqualTo("16505551234");
            assertThat(m.profileName()).isEqualTo("Sheena");
        }

        @Test
        void contactsAreMatchedById_notByPosition() {
            ParsedWebhook parsed = parse(webhookWith("""
                    [{ "profile": { "name": "Second" }, "wa_id": "222" },
                     { "profile": { "name": "First" }, "wa_id": "111" },
                     { "profile": { "name": "Third" }, "wa_id": "", "user_id": "user.third" }]
                    """, """
                    { "from": "111", "id": "wamid.1", "timestamp": "1760000000", "type": "text", "text": { "body": "a" } },
                    { "from": "", "from_user_id": "user.third", "id": "wamid.3", "timestamp": "1760000001", "type": "text", "text": { "body": "c" } },
                    { "from": "222", "id": "wamid.2", "timestamp": "1760000002", "type": "text", "text": { "body": "b" } }
                    """));

            assertThat(parsed.messages()).extracting(InboundMessage::customerKey, InboundMessage::profileName)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("111", "First"),
                            org.assertj.core.groups.Tuple.tuple("user.third", "Third"),
                            org.assertj.core.groups.Tuple.tuple("222", "Second"));
        }

        @Test
        void noContactsArray_fallsBackToFrom_withoutAName() {
            InboundMessage m = only(webhookWith("[]", """
                    { "from": "16505551234", "id": "wamid.NOCONTACT", "timestamp": "1760000000", "type": "text",
                      "text": { "body": "hi" } }
                    """));

            assertThat(m.customerKey()).isEqualTo("16505551234");
            assertThat(m.profileName()).isNull();
        }

        @Test
        void aMessageWithNeitherBsuidNorWaId_isDropped_neverKeyedByAnEmptyString() {
            ParsedWebhook parsed = parse(webhookWith("""
                    [{ "profile": { "name": "Ghost" }, "wa_id": "" }]
                    """, """
                    { "from": "", "from_user_id": "", "id": "wamid.NOKEY", "timestamp": "1760000000", "type": "text",
                      "text": { "body": "POINTS" } },
                    { "from": "+", "id": "wamid.PLUSONLY", "timestamp": "1760000000", "type": "text", "text": { "body": "x" } }
                    """));

            assertThat(parsed.messages()).isEmpty();
            assertThat(parsed.ignored()).containsExactly(
                    new Ignored(IgnoreReason.NO_CUSTOMER_KEY, "wamid.NOKEY"),
                    new Ignored(IgnoreReason.NO_CUSTOMER_KEY, "wamid.PLUSONLY"));
        }
    }

    @Nested
    class Batching {
        /** whatsapp.md §2.6: two WABAs, two changes, two users, a status and a user_preferences change. */
        static final String BATCHED = """
                { "object": "whatsapp_business_account",
                  "entry": [
                    { "id": "111111111111111", "changes": [
                      { "field": "messages", "value": {
                          "messaging_product": "whatsapp",
                          "metadata": { "display_phone_number": "15550001111", "phone_number_id": "222222222222222" },
                          "contacts": [ { "profile": { "name": "Ana" }, "wa_id": "34600111222" },
                                        { "profile": { "name": "محمد" }, "wa_id": "971501234567" } ],
                          "messages": [
                            { "from": "34600111222", "id": "wamid.A1", "timestamp": "1760000000", "type": "text", "text": { "body": "JUGAR" } },
                            { "from": "971501234567", "id": "wamid.B1", "timestamp": "1760000001", "type": "interactive",
                              "context": { "from": "15550001111", "id": "wamid.Q7" },
                              "interactive": { "type": "button_reply", "button_reply": { "id": "q7:a2", "title": "B" } } } ] } },
                      { "field": "messages", "value": {
                          "messaging_product": "whatsapp",
                          "metadata": { "display_phone_number": "15550001111", "phone_number_id": "222222222222222" },
                          "statuses": [ { "id": "wamid.OUT9", "status": "read", "timestamp": "1759999990", "recipient_id": "34600111222" } ] } } ] },
                    { "id": "333333333333333", "changes": [
                      { "field": "user_preferences", "value": {
                          "messaging_product": "whatsapp",
                          "metadata": { "display_phone_number": "15550002222", "phone_number_id": "444444444444444" },
                          "contacts": [ { "wa_id": "16505551234" } ],
                          "user_preferences": [ { "wa_id": "16505551234", "detail": "User requested to stop marketing messages",
                                                  "category": "marketing_messages", "value": "stop", "timestamp": 1731705721 } ] } } ] } ] }
                """;

        @Test
        void everyEntryAndChangeIsVisited_andEachMessageGetsItsOwnSender() {
            ParsedWebhook parsed = new WebhookParser().parse(BATCHED.getBytes(StandardCharsets.UTF_8));

            assertThat(parsed.messages()).extracting(InboundMessage::wamid).containsExactly("wamid.A1", "wamid.B1");
            InboundMessage ana = parsed.messages().get(0);
            InboundMessage mohammed = parsed.messages().get(1);
            assertThat(ana.customerKey()).isEqualTo("34600111222");
            assertThat(ana.profileName()).isEqualTo("Ana");
            assertThat(ana.text()).isEqualTo("JUGAR");
            assertThat(ana.phoneNumberId()).isEqualTo("222222222222222");
            assertThat(mohammed.customerKey()).isEqualTo("971501234567");
            assertThat(mohammed.profileName()).isEqualTo("محمد");
            assertThat(mohammed.replyId()).isEqualTo("q7:a2");
            assertThat(mohammed.contextId()).isEqualTo("wamid.Q7");
            assertThat(parsed.ignoredByReason()).containsOnly(
                    entry(IgnoreReason.STATUS, 1), entry(IgnoreReason.OTHER_FIELD, 1));
            assertThat(parsed.ignored()).contains(new Ignored(IgnoreReason.OTHER_FIELD, "user_preferences"),
                    new Ignored(IgnoreReason.STATUS, "read"));
        }

        @Test
        void aParserForOneNumber_dropsTheOtherNumbersChanges() {
            ParsedWebhook parsed = new WebhookParser("444444444444444").parse(BATCHED.getBytes(StandardCharsets.UTF_8));

            assertThat(parsed.messages()).isEmpty();
            assertThat(parsed.ignoredByReason()).containsOnly(
                    entry(IgnoreReason.UNKNOWN_PHONE_NUMBER_ID, 3), entry(IgnoreReason.OTHER_FIELD, 1));
        }
    }

    @Nested
    class Ignoring {
        @Test
        void statusOnlyWebhook_hasNothingToQueue_butAFailedStatusIsReported() {
            ParsedWebhook parsed = parse("""
                    { "object": "whatsapp_business_account", "entry": [{ "id": "102290129340398", "changes": [{ "field": "messages",
                      "value": { "messaging_product": "whatsapp",
                        "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
                        "statuses": [
                          { "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA", "status": "delivered",
                            "timestamp": "1750263773", "recipient_id": "16505551234",
                            "pricing": { "billable": false, "pricing_model": "PMP", "type": "free_customer_service", "category": "service" } },
                          { "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA", "status": "failed",
                            "timestamp": "1751142888", "recipient_id": "16505551234",
                            "errors": [{ "code": 131049, "title": "This message was not delivered to maintain healthy ecosystem engagement." }] } ] } }] }] }
                    """);

            assertThat(parsed.hasNothingToQueue()).isTrue();
            assertThat(parsed.ignored()).containsExactly(new Ignored(IgnoreReason.STATUS, "delivered"));
            // A failed status is acted on (the scheduler reopens its reminder or records the opt-out).
            assertThat(parsed.failures()).containsExactly(new DeliveryFailure(
                    "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA", "16505551234", 131049,
                    java.time.Instant.ofEpochSecond(1751142888)));
        }

        @Test
        void valueLevelErrors_areIgnored() {
            ParsedWebhook parsed = parse("""
                    { "object": "whatsapp_business_account",
                      "entry": [{ "id": "102290129340398", "changes": [{ "field": "messages", "value": {
                        "messaging_product": "whatsapp",
                        "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
                        "errors": [{ "code": 130429, "title": "Rate limit hit", "message": "Rate limit hit",
                                     "error_data": { "details": "Message failed to send because there were too many messages sent from this phone number in a short period of time" },
                                     "href": "/documentation/business-messaging/whatsapp/support/error-codes" }] } }] }] }
                    """);

            assertThat(parsed.messages()).isEmpty();
            assertThat(parsed.ignored()).containsExactly(new Ignored(IgnoreReason.VALUE_ERROR, "130429"));
        }

        @Test
        void groupMessages_areNotCustomerInput() {
            ParsedWebhook parsed = parse(webhookWith("""
                    { "from": "16505551234", "group_id": "120363025246125486", "id": "wamid.GROUP1",
                      "timestamp": "1760000000", "type": "text", "text": { "body": "POINTS" } }
                    """));

            assertThat(parsed.messages()).isEmpty();
            assertThat(parsed.ignored()).containsExactly(new Ignored(IgnoreReason.GROUP_MESSAGE, "wamid.GROUP1"));
        }

        @Test
        void smbMessageEchoes_areNotCustomerInput() {
            ParsedWebhook parsed = parse("""
                    { "object": "whatsapp_business_account", "entry": [{ "id": "102290129340398", "changes": [{
                      "field": "smb_message_echoes", "value": { "messaging_product": "whatsapp",
                        "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
                        "message_echoes": [{ "from": "15550783881", "to": "16505551234", "id": "wamid.ECHO1",
                          "timestamp": "1760000000", "type": "text", "text": { "body": "Thanks, see you tomorrow" } }] } }] }] }
                    """);

            assertThat(parsed.messages()).isEmpty();
            assertThat(parsed.ignored()).containsExactly(new Ignored(IgnoreReason.MESSAGE_ECHO, "smb_message_echoes"));
        }

        @Test
        void systemMessages_areLeftForALaterIssue() {
            ParsedWebhook parsed = parse("""
                    { "object": "whatsapp_business_account", "entry": [{ "id": "102290129340398", "changes": [{ "field": "messages",
                      "value": { "messaging_product": "whatsapp",
                        "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
                        "messages": [{ "from": "16505551234", "id": "wamid.HBgLMTk4MzU1NTE5NzQVAgASGAoxMTgyMDg2MjY3AA==",
                          "timestamp": "1750269342", "type": "system",
                          "system": { "body": "User Sheena Nelson changed from 16505551234 to 12195555358",
                                      "wa_id": "12195555358", "type": "user_changed_number" } }] } }] }] }
                    """);

            assertThat(parsed.messages()).isEmpty();
            assertThat(parsed.ignored()).containsExactly(
                    new Ignored(IgnoreReason.SYSTEM_MESSAGE, "wamid.HBgLMTk4MzU1NTE5NzQVAgASGAoxMTgyMDg2MjY3AA=="));
        }

        @ParameterizedTest
        @ValueSource(strings = {"message_template_status_update", "template_category_update",
                "phone_number_quality_update", "account_update", "phone_number_username_update"})
        void otherFields_areAcknowledged(String field) {
            ParsedWebhook parsed = parse("""
                    { "object": "whatsapp_business_account", "entry": [{ "id": "102290129340398", "time": 1750000000,
                      "changes": [{ "field": "%s", "value": { "event": "APPROVED", "message_template_id": 1 } }] }] }
                    """.formatted(field));

            assertThat(parsed.messages()).isEmpty();
            assertThat(parsed.ignored()).containsExactly(new Ignored(IgnoreReason.OTHER_FIELD, field));
        }

        @Test
        void metasDashboardSamplePayload_isDropped() {
            // The "Test" button of Meta's dashboard posts this (entry id 0, phone-number id 123456123).
            String sample = """
                    { "object": "whatsapp_business_account", "entry": [{ "id": "0", "changes": [{ "field": "messages",
                      "value": { "messaging_product": "whatsapp",
                        "metadata": { "display_phone_number": "16505551111", "phone_number_id": "123456123" },
                        "contacts": [{ "profile": { "name": "test user name" }, "wa_id": "16315551181" }],
                        "messages": [{ "from": "16315551181", "id": "ABGGFlA5Fpa", "timestamp": "1504902988",
                                       "type": "text", "text": { "body": "this is a text message" } }] } }] }] }
                    """;

            ParsedWebhook forOneNumber = parse(sample);
            ParsedWebhook forAnyNumber = new WebhookParser().parse(sample.getBytes(StandardCharsets.UTF_8));

            assertThat(forOneNumber.messages()).isEmpty();
            assertThat(forAnyNumber.messages()).isEmpty();
            assertThat(forAnyNumber.ignoredByReason()).containsOnly(entry(IgnoreReason.SAMPLE_PAYLOAD, 1));
        }

        @Test
        void anUnknownPhoneNumberId_isDropped() {
            ParsedWebhook parsed = parse(TEXT_WEBHOOK.replace("106540352242922", "999999999999999"));

            assertThat(parsed.messages()).isEmpty();
            assertThat(parsed.ignored()).containsExactly(
                    new Ignored(IgnoreReason.UNKNOWN_PHONE_NUMBER_ID, "999999999999999"));
        }

        @Test
        void anotherMetaProduct_isAcknowledged() {
            ParsedWebhook parsed = parse("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"messaging\":[]}]}");

            assertThat(parsed.messages()).isEmpty();
            assertThat(parsed.ignored()).containsExactly(new Ignored(IgnoreReason.NOT_WHATSAPP, "page"));
        }

        @Test
        void messagesWithoutIdOrTimestamp_areRefused_andOthersStillPass() {
            ParsedWebhook parsed = parse(webhookWith("""
                    { "from": "16505551234", "timestamp": "1760000000", "type": "text", "text": { "body": "no id" } },
                    { "from": "16505551234", "id": "wamid.NOTS", "type": "text", "text": { "body": "no timestamp" } },
                    { "from": "16505551234", "id": "wamid.BADTS", "timestamp": "yesterday", "type": "text", "text": { "body": "x" } },
                    { "from": "16505551234", "id": "wamid.NEG", "timestamp": "-1760000000", "type": "text", "text": { "body": "x" } },
                    "not an object",
                    { "from": "16505551234", "id": "wamid.OK", "timestamp": 1760000000, "type": "text", "text": { "body": "fine" } }
                    """));

            assertThat(parsed.messages()).extracting(InboundMessage::wamid).containsExactly("wamid.OK");
            assertThat(parsed.ignoredByReason()).containsOnly(entry(IgnoreReason.INVALID_UPDATE, 1));
            assertThat(parsed.refusedByReason()).containsOnly(entry(RefuseReason.INVALID_WAMID, 1),
                    entry(RefuseReason.INVALID_TIMESTAMP, 3));
        }

        @Test
        void oddButValidShapes_neverThrow() {
            assertThat(parse("{\"object\":\"whatsapp_business_account\"}").messages()).isEmpty();
            assertThat(parse("{\"object\":\"whatsapp_business_account\",\"entry\":{}}").messages()).isEmpty();
            assertThat(parse("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[1,{\"field\":\"messages\"}]}]}")
                    .ignoredByReason()).containsOnly(entry(IgnoreReason.INVALID_UPDATE, 2));
            assertThat(parse(webhookWith("{\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":null}"))
                    .messages()).singleElement().extracting(InboundMessage::text).isNull();
            assertThat(parse(webhookWith("{\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"interactive\"}"))
                    .messages()).singleElement().extracting(InboundMessage::replyId).isNull();
            assertThat(parse(webhookWith("{\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"1\",\"type\":\"text\",\"context\":\"x\"}"))
                    .messages()).singleElement().extracting(InboundMessage::contextId).isNull();
        }
    }

    @Nested
    class Door {
        private static String message(String wamid, String from, String type, String timestamp) {
            return "{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + timestamp
                    + "\",\"type\":\"" + type + "\",\"text\":{\"body\":\"hi\"}}";
        }

        @Test
        void idsThatCouldNotBeMetas_areRefusedOneByOne_andTheOthersPass() {
            String contacts = "[{\"wa_id\":\"16505551234\"},{\"wa_id\":\" \"},{\"wa_id\":\"1650555123x\"}]";
            ParsedWebhook parsed = parse(webhookWith(contacts, String.join(",",
                    message("wamid." + "A".repeat(3_000), "16505551234", "text", "1760000000"),
                    message("   ", "16505551234", "text", "1760000000"),
                    message("wamid.\\uFFFE", "16505551234", "text", "1760000000"),
                    message("wamid.SPACEFROM", " ", "text", "1760000000"),
                    message("wamid.LETTERS", "1650555123x", "text", "1760000000"),
                    message("wamid.TYPE", "16505551234", " ", "1760000000"),
                    message("wamid.TYPE2", "16505551234", "Text<script>", "1760000000"),
                    message("wamid.OK", "16505551234", "text", "1760000000"))));

            assertThat(parsed.messages()).extracting(InboundMessage::wamid).containsExactly("wamid.OK");
            assertThat(parsed.refusedByReason()).containsOnly(entry(RefuseReason.INVALID_WAMID, 3),
                    entry(RefuseReason.INVALID_WA_ID, 2), entry(RefuseReason.INVALID_TYPE, 2));
            assertThat(parsed.refused()).allSatisfy(r -> assertThat(r.wamid() == null ? "" : r.wamid()).hasSizeLessThan(100));
        }

        @Test
        void aBsuidOutsideMetasAlphabet_isRefused_andALongOneToo() {
            String tooLong = "US." + "1".repeat(300);
            ParsedWebhook parsed = parse(webhookWith("[]", String.join(",",
                    "{\"from_user_id\":\"US.13491208655302741918\",\"id\":\"wamid.B1\",\"timestamp\":\"1760000000\",\"type\":\"text\"}",
                    "{\"from_user_id\":\"" + tooLong + "\",\"id\":\"wamid.B2\",\"timestamp\":\"1760000000\",\"type\":\"text\"}",
                    "{\"from_user_id\":\"user 1\",\"id\":\"wamid.B3\",\"timestamp\":\"1760000000\",\"type\":\"text\"}")));

            assertThat(parsed.messages()).extracting(InboundMessage::customerKey).containsExactly("US.13491208655302741918");
            assertThat(parsed.refusedByReason()).containsOnly(entry(RefuseReason.INVALID_USER_ID, 2));
        }

        @Test
        void textAndNamesWithCharactersSqsRefuses_areCleaned_notRefused() {
            InboundMessage m = only(webhookWith("[{\"profile\":{\"name\":\"L\\uFFFFa\\uD800\"},\"wa_id\":\"16505551234\"}]",
                    "{\"from\":\"16505551234\",\"id\":\"wamid.C1\",\"timestamp\":\"1760000000\",\"type\":\"text\","
                            + "\"text\":{\"body\":\"POINTS\\u0000\\uFFFE\\uDC00 \\uD83C\\uDF89\"},\"x\\uFFFF\":[\"\\uD800\"]}"));

            assertThat(m.text()).isEqualTo("POINTS\uFFFD\uFFFD\uFFFD 🎉");
            assertThat(m.profileName()).isEqualTo("L\uFFFDa\uFFFD");
            assertThat(m.raw().toString()).doesNotContain("\uFFFF").doesNotContain("\uD800");
            assertThat(m.raw().path("x\uFFFD").path(0).asText()).isEqualTo("\uFFFD");
        }

        @Test
        void aLongProfileName_isCut_andAForeignReplyId_isDropped() {
            String name = "N".repeat(5_000);
            InboundMessage m = only(webhookWith("[{\"profile\":{\"name\":\"" + name + "\"},\"wa_id\":\"16505551234\"}]",
                    "{\"from\":\"16505551234\",\"id\":\"wamid.R1\",\"timestamp\":\"1760000000\",\"type\":\"interactive\","
                            + "\"context\":{\"id\":\"" + "c".repeat(3_000) + "\",\"from\":\"x\"},"
                            + "\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"" + "b".repeat(300)
                            + "\",\"title\":\"ok\"}}}"));

            assertThat(m.profileName()).hasSize(MessageRules.MAX_PROFILE_NAME);
            assertThat(m.replyId()).isNull();
            assertThat(m.replyTitle()).isEqualTo("ok");
            assertThat(m.contextId()).isNull();
            assertThat(m.contextFrom()).isNull();
        }

        @Test
        void aFailedStatusWithAnIdThatCouldNotBeOurs_isNotLookedUp() {
            String body = webhookWith("{\"from\":\"16505551234\",\"id\":\"wamid.OK\",\"timestamp\":\"1760000000\",\"type\":\"text\"}")
                    .replace("]},\"field\"", "],\"statuses\":[{\"id\":\"" + "w".repeat(3_000) + "\",\"status\":\"failed\","
                            + "\"timestamp\":\"1760000000\",\"recipient_id\":\"16505551234\"}]},\"field\"");

            ParsedWebhook parsed = parse(body);

            assertThat(parsed.failures()).isEmpty();
            assertThat(parsed.messages()).hasSize(1);
        }
    }

    @Nested
    class Malformed {
        @ParameterizedTest
        @ValueSource(strings = {"", "not json", "{\"object\":", "[1,2]", "\"whatsapp\"", "42", "null",
                "{\"entry\":[]}", "{\"object\":\"\"}", "{\"object\":7}",
                "{\"object\":\"whatsapp_business_account\"} trailing"})
        void throwsWithAClearMessage(String body) {
            assertThatThrownBy(() -> parse(body))
                    .isInstanceOf(MalformedWebhookException.class)
                    .message().isNotBlank();
        }

        @Test
        void invalidUtf8_isMalformed() {
            byte[] body = {'{', '"', 'o', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedWebhookException.class);
        }

        @Test
        @DisplayName("a body that is not an object names the problem")
        void notAnObject_saysSo() {
            assertThatThrownBy(() -> parse("[]")).hasMessageContaining("not a JSON object");
            assertThatThrownBy(() -> parse("{}")).hasMessageContaining("\"object\"");
        }
    }
}
