package io.playloop.whatsapp.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.Secrets;
import io.playloop.config.StaticSecrets;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphApiClientTest {
    private static final String PHONE_NUMBER_ID = "100000000000001";
    private static final String PATH = "/v23.0/" + PHONE_NUMBER_ID + "/messages";
    private static final String OK = """
            { "messaging_product": "whatsapp",
              "contacts": [ { "input": "+16505551234", "wa_id": "16505551234" } ],
              "messages": [ { "id": "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA" } ] }
            """;

    private static WireMockServer meta;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicReference<String> token = new AtomicReference<>("token-1");
    private GraphApiClient client;

    @BeforeAll
    static void startMeta() {
        meta = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        meta.start();
    }

    @AfterAll
    static void stopMeta() {
        meta.stop();
    }

    @BeforeEach
    void setUp() {
        meta.resetAll();
        meta.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(OK)));
        client = new GraphApiClient(config("http://127.0.0.1:" + meta.port() + "/"), rotatingSecrets(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), Duration.ofSeconds(2));
    }

    private static PlayLoopConfig config(String baseUrl) {
        return new PlayLoopConfig("playloop", null, baseUrl, "v23.0", PHONE_NUMBER_ID, "Café Lumière", "en");
    }

    private Secrets rotatingSecrets() {
        return new Secrets() {
            @Override
            public String appSecret() {
                return "unused";
            }

            @Override
            public String verifyToken() {
                return "unused";
            }

            @Override
            public String accessToken() {
                return token.get();
            }
        };
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = meta.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private JsonNode sentJson() throws Exception {
        return mapper.readTree(onlyRequest().getBody());
    }

    @Nested
    class RequestBodies {
        @Test
        void text_isMetasDocumentedShape() throws Exception {
            client.send(new TextMessage("+16505551234", "🎉 You scored 30 points! Total: 120"));

            assertThat(sentJson()).isEqualTo(mapper.readTree("""
                    { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+16505551234",
                      "type": "text", "text": { "preview_url": false, "body": "🎉 You scored 30 points! Total: 120" } }
                    """));
        }

        @Test
        void textWithPreview_setsPreviewUrl() throws Exception {
            client.send(new TextMessage("+16505551234", "See https://example.com/rewards", true));

            assertThat(sentJson().path("text").path("preview_url").asBoolean()).isTrue();
        }

        @Test
        void replyButtons_withHeaderAndFooter_isMetasDocumentedShape() throws Exception {
            client.send(new ButtonMessage("+16505551234", "Question 3 of 5", "Which planet is known as the Red Planet?",
                    "Answer within 60 s", List.of(
                            new ButtonMessage.Button("qz:42:q3:a1:sig", "Mars"),
                            new ButtonMessage.Button("qz:42:q3:a2:sig", "Venus"),
                            new ButtonMessage.Button("qz:42:q3:a3:sig", "Jupiter"))));

            assertThat(sentJson()).isEqualTo(mapper.readTree("""
                    { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+16505551234",
                      "type": "interactive",
                      "interactive": {
                        "type": "button",
                        "header": { "type": "text", "text": "Question 3 of 5" },
                        "body": { "text": "Which planet is known as the Red Planet?" },
                        "footer": { "text": "Answer within 60 s" },
                        "action": { "buttons": [
                          { "type": "reply", "reply": { "id": "qz:42:q3:a1:sig", "title": "Mars" } },
                          { "type": "reply", "reply": { "id": "qz:42:q3:a2:sig", "title": "Venus" } },
                          { "type": "reply", "reply": { "id": "qz:42:q3:a3:sig", "title": "Jupiter" } } ] } } }
                    """));
        }

        @Test
        void replyButtons_withoutHeaderOrFooter_leaveThemOut() throws Exception {
            client.send(new ButtonMessage("+16505551234", null, "Receive offers?", null,
                    List.of(new ButtonMessage.Button("consent:start", "START"))));

            JsonNode interactive = sentJson().path("interactive");
            assertThat(interactive.has("header")).isFalse();
            assertThat(interactive.has("footer")).isFalse();
            assertThat(interactive.path("action").path("buttons")).hasSize(1);
        }

        @Test
        void list_isMetasDocumentedShape() throws Exception {
            client.send(new ListMessage("+16505551234", "Pick your reward", "You have 250 points. Choose one:",
                    "Rewards expire in 30 days", "See rewards", List.of(
                            new ListMessage.Section("Discounts", List.of(
                                    new ListMessage.Row("rw:5off", "5% off", "100 points"),
                                    new ListMessage.Row("rw:10off", "10% off", "200 points"))),
                            new ListMessage.Section("Extras", List.of(
                                    new ListMessage.Row("rw:ship", "Free shipping", "150 points"))))));

            assertThat(sentJson()).isEqualTo(mapper.readTree("""
                    { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+16505551234",
                      "type": "interactive",
                      "interactive": {
                        "type": "list",
                        "header": { "type": "text", "text": "Pick your reward" },
                        "body": { "text": "You have 250 points. Choose one:" },
                        "footer": { "text": "Rewards expire in 30 days" },
                        "action": {
                          "button": "See rewards",
                          "sections": [
                            { "title": "Discounts", "rows": [
                              { "id": "rw:5off", "title": "5% off", "description": "100 points" },
                              { "id": "rw:10off", "title": "10% off", "description": "200 points" } ] },
                            { "title": "Extras", "rows": [
                              { "id": "rw:ship", "title": "Free shipping", "description": "150 points" } ] } ] } } }
                    """));
        }

        @Test
        void listRowWithoutDescription_leavesItOut() throws Exception {
            client.send(new ListMessage("+16505551234", null, "Choose", null, "Open", List.of(
                    new ListMessage.Section("All", List.of(new ListMessage.Row("a", "A", null))))));

            JsonNode row = sentJson().path("interactive").path("action").path("sections").path(0).path("rows").path(0);
            assertThat(row.has("description")).isFalse();
        }

        @Test
        void headers_urlAndBearerToken_areAsMetaExpects_andTheTokenIsReadPerCall() {
            client.send(new TextMessage("+16505551234", "one"));
            token.set("token-2-rotated");
            client.send(new TextMessage("+16505551234", "two"));

            List<LoggedRequest> requests = meta.findAll(postRequestedFor(urlEqualTo(PATH)));
            assertThat(requests).extracting(r -> r.getHeader("Authorization"))
                    .containsExactly("Bearer token-1", "Bearer token-2-rotated");
            meta.verify(2, postRequestedFor(urlEqualTo(PATH))
                    .withHeader("Content-Type", equalTo("application/json")));
        }

        @Test
        void arabicBodies_reachTheWireAsUtf8_byteForByte() {
            String arabic = "مرحباً محمد! لديك ١٢٠ نقطة 🎉";
            client.send(new TextMessage("+971501234567", arabic));

            byte[] wire = onlyRequest().getBody();
            assertThat(wire).containsSequence(arabic.getBytes(StandardCharsets.UTF_8));
            assertThat(new String(wire, StandardCharsets.UTF_8)).doesNotContain("\\u");
            meta.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
                    "{\"to\":\"+971501234567\",\"text\":{\"body\":\"" + arabic + "\"}}", true, true)));
        }
    }

    @Nested
    class Answers {
        @Test
        void success_returnsTheWamidAndTheResolvedWaId() {
            SendResult result = client.send(new TextMessage("+16505551234", "hi"));

            assertThat(result).isEqualTo(new SendResult("wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA",
                    "16505551234"));
        }

        @Test
        void successToABsuid_hasNoWaId() {
            meta.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("""
                    { "messaging_product": "whatsapp", "contacts": [ { "input": "user.abc", "wa_id": "", "user_id": "user.abc" } ],
                      "messages": [ { "id": "wamid.TO-BSUID" } ] }
                    """)));

            assertThat(client.send(new TextMessage("user.abc", "hi"))).isEqualTo(new SendResult("wamid.TO-BSUID", null));
        }

        @Test
        void a200WithoutMessageId_isAnError_notRetried() {
            meta.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"messages\":[]}")));

            GraphApiException e = sendExpectingFailure();

            assertThat(e.error().httpStatus()).isEqualTo(200);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("messages[0].id");
        }

        @Test
        void metasErrorBody_isParsedIntoEveryField() {
            meta.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json").withBody("""
                            { "error": { "message": "(#130429) Rate limit hit", "type": "OAuthException", "code": 130429,
                                         "error_data": { "messaging_product": "whatsapp", "details": "Cloud API message throughput has been reached." },
                                         "error_subcode": 2494055, "fbtrace_id": "Az8or2yhqkZfEZ-_4Qn_Bam" } }
                            """)));

            GraphApiException e = sendExpectingFailure();

            assertThat(e.error()).isEqualTo(new GraphError(400, 130429, 2494055, "OAuthException",
                    "(#130429) Rate limit hit", "Cloud API message throughput has been reached.", "Az8or2yhqkZfEZ-_4Qn_Bam"));
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("130429", "Az8or2yhqkZfEZ-_4Qn_Bam");
        }

        @Test
        void anErrorWithoutErrorData_isParsedToo() {
            meta.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody("""
                    {"error":{"message":"Unsupported post request. Object with ID '100000000000001' does not exist",
                      "type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"AbCdEf"}}
                    """)));

            GraphApiException e = sendExpectingFailure();

            assertThat(e.error().code()).isEqualTo(100);
            assertThat(e.error().subcode()).isEqualTo(33);
            assertThat(e.error().details()).isNull();
            assertThat(e.retryable()).isFalse();
        }

        @ParameterizedTest(name = "HTTP {0} code {1} -> retryable {2}")
        @CsvSource({
                "400, 131047, false",   // re-engagement: more than 24 h since the customer's last message
                "400, 130429, true",    // throughput
                "400, 131056, true",    // pair rate limit
                "400, 131026, false",   // undeliverable
                "400, 100, false",      // invalid parameter: a bug, not a retry
                "401, 190, false",      // access token expired
                "401, 0, false",        // auth failure
                "500, 131000, true",    // something went wrong
                "503, 2, true",         // service unavailable
                "500, 131057, true"})   // account in maintenance
        void metaCodes_decideWhetherToRetry(int status, int code, boolean retryable) {
            meta.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody(
                    "{\"error\":{\"message\":\"(#" + code + ") x\",\"type\":\"OAuthException\",\"code\":" + code
                            + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"d\"},\"fbtrace_id\":\"T\"}}")));

            GraphApiException e = sendExpectingFailure();

            assertThat(e.error().httpStatus()).isEqualTo(status);
            assertThat(e.error().code()).isEqualTo(code);
            assertThat(e.retryable()).isEqualTo(retryable);
        }

        @Test
        void a500WithoutBody_isRetryable() {
            meta.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

            GraphApiException e = sendExpectingFailure();

            assertThat(e.error().httpStatus()).isEqualTo(500);
            assertThat(e.error().code()).isZero();
            assertThat(e.retryable()).isTrue();
        }

        @Test
        void aProxysHtmlErrorPage_isDescribed_andA502IsRetryable() {
            meta.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(502)
                    .withHeader("x-fb-trace-id", "HdrTrace").withBody("<html><body>Bad Gateway</body></html>")));

            GraphApiException e = sendExpectingFailure();

            assertThat(e.retryable()).isTrue();
            assertThat(e.error().message()).contains("502", "Bad Gateway");
            assertThat(e.error().fbtraceId()).isEqualTo("HdrTrace");
        }

        @Test
        void a401WithoutJson_isNotRetryable() {
            meta.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401).withBody("Unauthorized")));

            assertThat(sendExpectingFailure().retryable()).isFalse();
        }

        @Test
        void aTimeout_isStatusZero_andRetryable() {
            meta.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(OK).withFixedDelay(3_000)));
            GraphApiClient impatient = new GraphApiClient(config("http://127.0.0.1:" + meta.port()), rotatingSecrets(),
                    HttpClient.newHttpClient(), Duration.ofMillis(200));

            GraphApiException e = catchThrowableOfType(GraphApiException.class,
                    () -> impatient.send(new TextMessage("+16505551234", "hi")));

            assertThat(e.error().httpStatus()).isZero();
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("200 ms");
        }

        @Test
        void aDroppedConnection_isStatusZero_andRetryable() {
            meta.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            GraphApiException e = sendExpectingFailure();

            assertThat(e.error().httpStatus()).isZero();
            assertThat(e.retryable()).isTrue();
        }

        @Test
        void nobodyListening_isStatusZero_andRetryable() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            GraphApiClient nowhere = new GraphApiClient(config("http://127.0.0.1:" + closedPort), rotatingSecrets(),
                    HttpClient.newHttpClient(), Duration.ofSeconds(2));

            GraphApiException e = catchThrowableOfType(GraphApiException.class,
                    () -> nowhere.send(new TextMessage("+16505551234", "hi")));

            assertThat(e.error().httpStatus()).isZero();
            assertThat(e.retryable()).isTrue();
        }

        private GraphApiException sendExpectingFailure() {
            return catchThrowableOfType(GraphApiException.class,
                    () -> client.send(new TextMessage("+16505551234", "hi")));
        }
    }

    @Nested
    class LimitsBeforeTheWire {
        @Test
        void aFourthButton_neverReachesMeta() {
            assertThatThrownBy(() -> client.send(new ButtonMessage("+16505551234", null, "Pick", null, List.of(
                    new ButtonMessage.Button("a", "A"), new ButtonMessage.Button("b", "B"),
                    new ButtonMessage.Button("c", "C"), new ButtonMessage.Button("d", "D")))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 3 buttons");
            meta.verify(0, postRequestedFor(urlEqualTo(PATH)));
        }

        @Test
        void a21CharacterButtonTitle_neverReachesMeta() {
            assertThatThrownBy(() -> client.send(new ButtonMessage("+16505551234", null, "Pick", null, List.of(
                    new ButtonMessage.Button("a", "x".repeat(21))))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("20");
            meta.verify(0, postRequestedFor(urlEqualTo(PATH)));
        }

        @Test
        void aTwentyCharacterArabicTitle_isFine_becauseLimitsCountCharactersNotBytes() {
            client.send(new ButtonMessage("+971501234567", null, "اختر", null, List.of(
                    new ButtonMessage.Button("a", "ن".repeat(20)))));

            meta.verify(1, postRequestedFor(urlEqualTo(PATH)));
        }

        @Test
        void anEleventhListRow_neverReachesMeta() {
            List<ListMessage.Row> rows = java.util.stream.IntStream.rangeClosed(1, 11)
                    .mapToObj(i -> new ListMessage.Row("r" + i, "Row " + i, null)).toList();
            assertThatThrownBy(() -> client.send(new ListMessage("+16505551234", null, "Pick", null, "Open",
                    List.of(new ListMessage.Section("A", rows.subList(0, 6)), new ListMessage.Section("B", rows.subList(6, 11))))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("10 rows");
            meta.verify(0, postRequestedFor(urlEqualTo(PATH)));
        }

        @Test
        void aTextOver4096Characters_neverReachesMeta() {
            assertThatThrownBy(() -> client.send(new TextMessage("+16505551234", "a".repeat(4097))))
                    .isInstanceOf(IllegalArgumentException.class);
            meta.verify(0, postRequestedFor(urlEqualTo(PATH)));
        }

        @Test
        void noPhoneNumberIdConfigured_failsClearly_withoutCallingMeta() {
            GraphApiClient unconfigured = new GraphApiClient(
                    new PlayLoopConfig("playloop", null, "http://127.0.0.1:" + meta.port(), "v23.0", null, null, null),
                    new StaticSecrets("a", "v", "t"), HttpClient.newHttpClient(), Duration.ofSeconds(1));

            assertThatThrownBy(() -> unconfigured.send(new TextMessage("+16505551234", "hi")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PLAYLOOP_PHONE_NUMBER_ID");
            meta.verify(0, postRequestedFor(urlEqualTo(PATH)));
        }
    }
}
