package io.playloop.local.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.http.Json;
import io.playloop.local.http.LocalRequest;
import io.playloop.local.http.LocalResponse;
import io.playloop.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// The Graph simulator refuses free-form messages outside the customer's 24-hour window, as Meta does (131047).
class CustomerWindowTest {
    private static final String PHONE_NUMBER_ID = "100000000000001";
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final String TEXT = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
            + "\"to\":\"+33612345678\",\"type\":\"text\",\"text\":{\"body\":\"Vos points expirent\"}}";
    private static final String TEMPLATE = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
            + "\"to\":\"+33612345678\",\"type\":\"template\",\"template\":{\"name\":\"points_expiring\","
            + "\"language\":{\"code\":\"fr\"}}}";
    private static final String WEBHOOK = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\","
            + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"messages\":["
            + "{\"from\":\"33612345678\",\"id\":\"wamid.A\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}},"
            + "{\"from\":\"971501234567\",\"id\":\"wamid.B\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}"
            + "]}}]}]}";

    private final TestClock clock = new TestClock(T0);
    private final Outbox outbox = new Outbox();
    private final CustomerWindows windows = new CustomerWindows(true);
    private final GraphSimulator graph = new GraphSimulator(PHONE_NUMBER_ID, "local-access-token", clock, outbox,
            new GraphFaults(), windows);

    @Test
    void aCustomerWhoNeverWrote_getsNoFreeFormMessage_butATemplate() {
        LocalResponse refused = send(TEXT);

        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = Json.parse(refused.body()).path("error");
        assertThat(error.path("message").asText()).isEqualTo("(#131047) Re-engagement message");
        assertThat(error.path("type").asText()).isEqualTo("OAuthException");
        assertThat(error.path("code").asInt()).isEqualTo(131047);
        assertThat(error.at("/error_data/messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(error.at("/error_data/details").asText()).isEqualTo("Message failed to send because more than 24"
                + " hours have passed since the customer last replied to this number.");
        assertThat(error.path("fbtrace_id").asText()).isNotBlank();
        assertThat(outbox.all()).as("nothing reached the customer").isEmpty();

        assertThat(send(TEMPLATE).status()).isEqualTo(200);
        assertThat(outbox.all()).singleElement().satisfies(e ->
                assertThat(e.body().path("type").asText()).isEqualTo("template"));
        assertThat(graph.stats()).containsEntry("outsideWindow", 1L);
    }

    @Test
    void theWindow_opensWhenTheCustomerWrites_andClosesTwentyFourHoursLater() {
        windows.customersWrote(CustomerWindows.senders(WEBHOOK.getBytes(StandardCharsets.UTF_8)), clock.instant());

        assertThat(send(TEXT).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(send(TEXT).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(send(TEXT).status()).isEqualTo(400);
        assertThat(send(TEMPLATE).status()).isEqualTo(200);
        assertThat(outbox.to("+33612345678")).hasSize(3);
    }

    @Test
    void aWebhookThatWasNotAccepted_isUndone() {
        Map<String, Instant> before = windows.customersWrote(List.of("+971 50 123 4567"), clock.instant());
        windows.restore(before);

        assertThat(windows.isOpen("971501234567", clock.instant())).isFalse();
    }

    @Test
    void theSenders_areEveryMessagesFrom_andNoneForStatuses() {
        assertThat(CustomerWindows.senders(WEBHOOK.getBytes(StandardCharsets.UTF_8)))
                .containsExactly("33612345678", "971501234567");
        assertThat(CustomerWindows.senders("{\"entry\":[{\"changes\":[{\"value\":{\"statuses\":[{\"id\":\"x\"}]}}]}]}"
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(CustomerWindows.senders("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aSenderLongerThanAnyIdIngestAccepts_opensNoWindow_andAHugeOneIsReadInOnePass() {
        // The fuzz posted a 1.1 M-digit "from" ending in a letter: the old pattern backtracked for hours inside the
        // lock every webhook takes, and every later webhook timed out.
        String huge = "3".repeat(1_100_000) + "x";
        String webhook = WEBHOOK.replace("\"from\":\"971501234567\"", "\"from\":\"" + huge + "\"");

        List<String> senders = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CustomerWindows.senders(webhook.getBytes(StandardCharsets.UTF_8)));
        String normalised = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Outbox.normalise(huge));

        assertThat(senders).containsExactly("33612345678");
        assertThat(normalised).as("not a phone number: kept as it is").isEqualTo(huge);
        assertThat(Outbox.normalise(" +33 (6) 12-34.56.78 ")).isEqualTo("33612345678");
        assertThat(Outbox.normalise("US.13491208655302741918")).isEqualTo("US.13491208655302741918");
        assertThat(Outbox.normalise("+ ( )")).as("no digit: not a phone number").isEqualTo("+ ( )");
    }

    @Test
    void aCustomerWithABsuid_isReachableByEitherAddress() {
        String webhook = "{\"entry\":[{\"changes\":[{\"value\":{\"contacts\":[{\"wa_id\":\"16505551234\","
                + "\"user_id\":\"US.13491208655302741918\"}],\"messages\":[{\"from\":\"16505551234\","
                + "\"from_user_id\":\"US.13491208655302741918\",\"id\":\"wamid.C\",\"type\":\"text\"}]}}]}]}";
        windows.customersWrote(CustomerWindows.senders(webhook.getBytes(StandardCharsets.UTF_8)), clock.instant());

        assertThat(windows.isOpen("US.13491208655302741918", clock.instant())).isTrue();
        assertThat(windows.isOpen("+1 650 555 1234", clock.instant())).isTrue();
    }

    @Test
    void withEnforcementOff_everyMessagePasses() {
        GraphSimulator lenient = new GraphSimulator(PHONE_NUMBER_ID, "local-access-token", clock, outbox,
                new GraphFaults(), new CustomerWindows(false));

        assertThat(send(lenient, TEXT).status()).isEqualTo(200);
    }

    private LocalResponse send(String body) {
        return send(graph, body);
    }

    private static LocalResponse send(GraphSimulator simulator, String body) {
        return simulator.send(LocalRequest.of("POST", "/graph/v23.0/" + PHONE_NUMBER_ID + "/messages",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer local-access-token"),
                body.getBytes(StandardCharsets.UTF_8)), "v23.0", PHONE_NUMBER_ID);
    }
}
