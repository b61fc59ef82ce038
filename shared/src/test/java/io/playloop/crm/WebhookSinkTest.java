package io.playloop.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.playloop.crm.CrmFixtures.ARABIC_NAME_UTF8;
import static io.playloop.crm.CrmFixtures.NOW;
import static io.playloop.crm.CrmFixtures.arabicContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.playloop.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSinkTest {
    private static final String PATH = "/hooks/playloop";
    private static final String SECRET = "whsec-local-crm";

    private static WireMockServer receiver;
    private final ObjectMapper mapper = new ObjectMapper();
    private TestClock clock;
    private WebhookSink sink;

    @BeforeAll
    static void start() {
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    @BeforeEach
    void setUp() {
        receiver.resetAll();
        clock = new TestClock(NOW);
        sink = new WebhookSink("http://127.0.0.1:" + receiver.port() + PATH, () -> SECRET, CrmFixtures.http(),
                Duration.ofMillis(500), clock);
    }

    /** What a receiver does, written independently of PlayLoop's code: HMAC the raw bytes, compare in constant time. */
    private static boolean receiverAccepts(byte[] rawBody, String signatureHeader, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal(rawBody))).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void push_postsTheContactSignedSoTheReceiverCanVerifyIt() throws Exception {
        receiver.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));

        sink.push(arabicContact(12));

        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        byte[] raw = request.getBody();
        assertThat(receiverAccepts(raw, request.getHeader(WebhookSink.SIGNATURE_HEADER), SECRET)).isTrue();
        assertThat(receiverAccepts(raw, request.getHeader(WebhookSink.SIGNATURE_HEADER), "another-secret")).isFalse();
        byte[] tampered = new String(raw, StandardCharsets.UTF_8).replace("\"pointsBalance\":340", "\"pointsBalance\":9340")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(receiverAccepts(tampered, request.getHeader(WebhookSink.SIGNATURE_HEADER), SECRET)).isFalse();

        assertThat(request.getHeader(WebhookSink.DELIVERY_HEADER)).isEqualTo("212612345678:12");
        assertThat(request.getHeader(WebhookSink.TIMESTAMP_HEADER)).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");

        JsonNode body = mapper.readTree(raw);
        assertThat(body.path("event").asText()).isEqualTo("contact.updated");
        assertThat(body.path("deliveryId").asText()).isEqualTo("212612345678:12");
        assertThat(body.path("sentAt").asLong()).isEqualTo(NOW.getEpochSecond());
        JsonNode contact = body.path("contact");
        assertThat(contact.path("customerKey").asText()).isEqualTo("212612345678");
        assertThat(contact.path("phone").asText()).isEqualTo("+212612345678");
        assertThat(contact.path("displayName").asText()).isEqualTo(CrmFixtures.ARABIC_NAME);
        assertThat(contact.path("tierName").asText()).isEqualTo("ذهبي");
        assertThat(contact.path("badgeIds").toString()).isEqualTo("[\"first_quiz\",\"streak_7\"]");
        assertThat(contact.path("optedIn").asBoolean()).isTrue();
        assertThat(contact.path("lastGame").asText()).isEqualTo("quiz");
        assertThat(contact.path("lastGameAt").asText()).isEqualTo("2026-11-23T09:59:12.345Z");
        assertThat(contact.path("version").asLong()).isEqualTo(12);
        assertThat(HubSpotSinkTest.indexOf(raw, ARABIC_NAME_UTF8)).isNotNegative();
    }

    @Test
    void theSameStateCarriesTheSameDeliveryIdOnEveryRetry() {
        receiver.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));

        sink.push(arabicContact(12));
        clock.advance(Duration.ofMinutes(5));
        sink.push(arabicContact(12));

        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests).extracting(r -> r.getHeader(WebhookSink.DELIVERY_HEADER))
                .containsExactly("212612345678:12", "212612345678:12");
        assertThat(requests).extracting(r -> r.getHeader(WebhookSink.TIMESTAMP_HEADER)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @CsvSource({"429, true", "500, true", "502, true", "503, true", "408, true", "400, false", "401, false",
            "404, false", "410, false", "301, false"})
    void answers_areRetryableOrNot(int status, boolean retryable) {
        receiver.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)));

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> sink.push(arabicContact(1)));

        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.httpStatus()).isEqualTo(status);
    }

    @Test
    void noAnswerWithinTheRequestTimeout_isRetryable() {
        receiver.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> sink.push(arabicContact(1)));

        assertThat(e.retryable()).isTrue();
        assertThat(e.httpStatus()).isZero();
    }

    @Test
    void nobodyListening_isRetryable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        WebhookSink unreachable = new WebhookSink("http://127.0.0.1:" + closedPort + PATH, () -> SECRET,
                CrmFixtures.http(), Duration.ofMillis(500), clock);

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> unreachable.push(arabicContact(1)));

        assertThat(e.retryable()).isTrue();
    }

    @Test
    void missingSecret_isPermanent_andNothingUnsignedIsSent() {
        WebhookSink unsigned = new WebhookSink("http://127.0.0.1:" + receiver.port() + PATH, () -> "",
                CrmFixtures.http(), Duration.ofMillis(500), clock);

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> unsigned.push(arabicContact(1)));

        assertThat(e.retryable()).isFalse();
        receiver.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void erase_postsASignedCustomerErasedEvent() throws Exception {
        receiver.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));

        sink.erase("212612345678");

        LoggedRequest request = receiver.findAll(postRequestedFor(urlEqualTo(PATH))).get(0);
        assertThat(receiverAccepts(request.getBody(), request.getHeader(WebhookSink.SIGNATURE_HEADER), SECRET)).isTrue();
        JsonNode body = mapper.readTree(request.getBody());
        assertThat(body.path("event").asText()).isEqualTo("customer.erased");
        assertThat(body.path("customerKey").asText()).isEqualTo("212612345678");
        assertThat(request.getHeader(WebhookSink.DELIVERY_HEADER)).isEqualTo("212612345678:erased");
        assertThat(body.has("contact")).isFalse();
    }
}
