package io.playloop.local.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.http.Json;
import io.playloop.local.http.LocalRequest;
import io.playloop.local.http.LocalResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphSimulatorTest {
    private static final String PHONE_NUMBER_ID = "100000000000001";
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private final Outbox outbox = new Outbox();
    private final GraphFaults faults = new GraphFaults();
    private final GraphSimulator graph = new GraphSimulator(PHONE_NUMBER_ID, "local-access-token",
            Clock.fixed(NOW, ZoneOffset.UTC), outbox, faults);

    private static final String ARABIC_TEXT = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
            + "\"to\":\"+971501234567\",\"type\":\"text\",\"text\":{\"body\":\"رصيدك 0 نقطة يا محمد\"}}";

    private LocalResponse send(String body) {
        return send(body, "Bearer local-access-token");
    }

    private LocalResponse send(String body, String authorization) {
        Map<String, String> headers = authorization == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Authorization", authorization);
        return graph.send(LocalRequest.of("POST", "/graph/v23.0/" + PHONE_NUMBER_ID + "/messages", headers,
                body.getBytes(StandardCharsets.UTF_8)), "v23.0", PHONE_NUMBER_ID);
    }

    private static JsonNode json(LocalResponse response) {
        return Json.parse(response.body());
    }

    @Test
    void aValidSend_isAnsweredLikeMeta_andRecordedAsSent() {
        LocalResponse response = send(ARABIC_TEXT);

        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(answer.path("contacts").get(0).path("input").asText()).isEqualTo("+971501234567");
        assertThat(answer.path("contacts").get(0).path("wa_id").asText()).isEqualTo("971501234567");
        assertThat(answer.path("messages").get(0).path("id").asText()).startsWith("wamid.");

        assertThat(outbox.all()).singleElement().satisfies(entry -> {
            assertThat(entry.seq()).isEqualTo(1);
            assertThat(entry.at()).isEqualTo(NOW);
            assertThat(entry.body().path("text").path("body").asText()).isEqualTo("رصيدك 0 نقطة يا محمد");
        });
    }

    @Test
    void everySend_getsItsOwnWamid() {
        String first = json(send(ARABIC_TEXT)).path("messages").get(0).path("id").asText();
        String second = json(send(ARABIC_TEXT)).path("messages").get(0).path("id").asText();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theOutbox_matchesARecipientWrittenAnyWay_andKeepsOrder() {
        send(ARABIC_TEXT);
        send("{\"messaging_product\":\"whatsapp\",\"to\":\"33612345678\",\"type\":\"text\",\"text\":{\"body\":\"a\"}}");
        send("{\"messaging_product\":\"whatsapp\",\"to\":\"+971 50 123-4567\",\"type\":\"text\",\"text\":{\"body\":\"b\"}}");
        send("{\"messaging_product\":\"whatsapp\",\"to\":\"US.13491208655302741918\",\"type\":\"text\",\"text\":{\"body\":\"c\"}}");

        assertThat(outbox.to("971501234567")).extracting(Outbox.Entry::seq).containsExactly(1L, 3L);
        assertThat(outbox.to("+971501234567")).extracting(Outbox.Entry::seq).containsExactly(1L, 3L);
        assertThat(outbox.to("+33612345678")).extracting(Outbox.Entry::seq).containsExactly(2L);
        assertThat(outbox.to("US.13491208655302741918")).extracting(Outbox.Entry::seq).containsExactly(4L);
        assertThat(outbox.to("15550001111")).isEmpty();
    }

    @Test
    void aBsuidRecipient_isAnsweredWithAUserIdAndAnEmptyWaId() {
        JsonNode contact = json(send("{\"messaging_product\":\"whatsapp\",\"to\":\"US.13491208655302741918\","
                + "\"type\":\"text\",\"text\":{\"body\":\"hi\"}}")).path("contacts").get(0);
        assertThat(contact.path("wa_id").asText()).isEmpty();
        assertThat(contact.path("user_id").asText()).isEqualTo("US.13491208655302741918");
    }

    @Test
    void withoutABearerToken_metaAnswers401_code190_andNothingIsRecorded() {
        LocalResponse missing = send(ARABIC_TEXT, null);
        LocalResponse wrong = send(ARABIC_TEXT, "Bearer someone-elses-token");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(json(missing).path("error").path("code").asInt()).isEqualTo(190);
        assertThat(json(missing).path("error").path("type").asText()).isEqualTo("OAuthException");
        assertThat(json(missing).path("error").path("fbtrace_id").asText()).isNotBlank();
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(outbox.size()).isZero();
    }

    @Test
    void aBodyThatIsNotJson_is400_code100() {
        LocalResponse response = send("to=+971501234567&text=hi");
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).path("error").path("code").asInt()).isEqualTo(100);
        assertThat(json(response).path("error").path("error_data").path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(outbox.size()).isZero();
    }

    @Test
    void aSendWithoutRecipient_orForAnotherNumber_isRefused() {
        assertThat(send("{\"messaging_product\":\"whatsapp\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}").status())
                .isEqualTo(400);
        LocalResponse otherNumber = graph.send(LocalRequest.of("POST", "/graph/v23.0/999/messages",
                Map.of("Authorization", "Bearer local-access-token"), ARABIC_TEXT.getBytes(StandardCharsets.UTF_8)),
                "v23.0", "999");
        assertThat(otherNumber.status()).isEqualTo(400);
        assertThat(json(otherNumber).path("error").path("error_subcode").asInt()).isEqualTo(33);
        assertThat(outbox.size()).isZero();
    }

    @Test
    void aMarkAsRead_isAcceptedWithSuccess() {
        LocalResponse response = send("{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.X\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).path("success").asBoolean()).isTrue();
    }

    @Test
    void armedFaults_failExactlyTheNextCalls_withMetasErrorShape() {
        faults.configure(Json.parse("{\"graph\":{\"status\":500,\"count\":2}}".getBytes(StandardCharsets.UTF_8)));

        LocalResponse first = send(ARABIC_TEXT);
        LocalResponse second = send(ARABIC_TEXT);
        LocalResponse third = send(ARABIC_TEXT);

        assertThat(first.status()).isEqualTo(500);
        JsonNode error = json(first).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(131000);
        assertThat(error.path("message").asText()).isEqualTo("(#131000) Something went wrong");
        assertThat(error.path("type").asText()).isEqualTo("OAuthException");
        assertThat(error.path("error_data").path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(error.path("error_data").path("details").asText()).isNotBlank();
        assertThat(error.path("fbtrace_id").asText()).isNotBlank();
        assertThat(second.status()).isEqualTo(500);
        assertThat(third.status()).isEqualTo(200);
        assertThat(outbox.size()).isEqualTo(1);
        assertThat(faults.toJson()).isEmpty();
    }

    @Test
    void aFault_mayNameMetasCode_andFaultsApplyBeforeTheTokenCheck() {
        faults.configure(Json.parse("{\"graph\":{\"status\":429,\"code\":130429}}".getBytes(StandardCharsets.UTF_8)));
        LocalResponse limited = send(ARABIC_TEXT, null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(json(limited).path("error").path("code").asInt()).isEqualTo(130429);
        assertThat(json(limited).path("error").path("message").asText()).isEqualTo("(#130429) Rate limit hit");
    }

    @Test
    void aFaultForOneRecipient_letsEveryoneElsesSendsThrough() {
        faults.configure(Json.parse("{\"graph\":{\"status\":500,\"count\":10,\"to\":\"971501234567\"}}"
                .getBytes(StandardCharsets.UTF_8)));

        LocalResponse poisoned = send(ARABIC_TEXT);
        LocalResponse other = send("{\"messaging_product\":\"whatsapp\",\"to\":\"+33612345678\",\"type\":\"text\","
                + "\"text\":{\"body\":\"a\"}}");

        assertThat(poisoned.status()).isEqualTo(500);
        assertThat(other.status()).isEqualTo(200);
        assertThat(outbox.to("33612345678")).hasSize(1);
        assertThat(faults.toJson().get("graphByRecipient")).asList().singleElement()
                .hasFieldOrPropertyWithValue("count", 9);
    }

    @Test
    void aBurstOnOneRecipient_andABurstOnEveryone_runAtOnce_theRecipientsOwnFirst() {
        faults.configure(Json.parse("{\"graph\":{\"status\":500,\"count\":2,\"to\":\"971501234567\"}}"
                .getBytes(StandardCharsets.UTF_8)));
        faults.configure(Json.parse("{\"graph\":{\"status\":429,\"code\":130429,\"count\":1}}"
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(send(ARABIC_TEXT).status()).isEqualTo(500);
        assertThat(send(ARABIC_TEXT).status()).isEqualTo(500);
        assertThat(send(ARABIC_TEXT).status()).as("the general burst, once the recipient's is used up").isEqualTo(429);
        assertThat(send(ARABIC_TEXT).status()).isEqualTo(200);
        assertThat(faults.toJson()).isEmpty();
    }

    @Test
    void anEmptyObject_clearsTheFaults() {
        faults.configure(Json.parse("{\"graph\":{\"status\":503,\"count\":5}}".getBytes(StandardCharsets.UTF_8)));
        assertThat(faults.toJson()).containsKey("graph");
        faults.configure(Json.parse("{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(faults.toJson()).isEmpty();
        assertThat(send(ARABIC_TEXT).status()).isEqualTo(200);
    }

    @Test
    void nonsenseFaults_areRefused_andChangeNothing() {
        faults.configure(Json.parse("{\"graph\":{\"status\":503,\"count\":5}}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> faults.configure(Json.parse("{\"graph\":{\"status\":200}}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("400-599");
        assertThatThrownBy(() -> faults.configure(Json.parse("{\"graph\":{\"status\":500,\"count\":0}}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
        assertThat(faults.toJson()).extractingByKey("graph").hasFieldOrPropertyWithValue("status", 503);
    }

    @Test
    void defaultCodes_perStatus() {
        assertThat(MetaError.defaultCode(500)).isEqualTo(131000);
        assertThat(MetaError.defaultCode(503)).isEqualTo(131016);
        assertThat(MetaError.defaultCode(429)).isEqualTo(130429);
        assertThat(MetaError.defaultCode(401)).isEqualTo(190);
        assertThat(MetaError.defaultCode(400)).isEqualTo(100);
    }
}
