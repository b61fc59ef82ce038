package io.playloop.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.playloop.crm.CrmFixtures.ARABIC_NAME_UTF8;
import static io.playloop.crm.CrmFixtures.NOW;
import static io.playloop.crm.CrmFixtures.arabicContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.playloop.crm.CrmFixtures.RecordingSleeper;
import io.playloop.testing.TestClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubSpotSinkTest {
    private static final String PATH = "/crm/v3/objects/contacts/batch/upsert";
    private static final String OK = """
            {"status":"COMPLETE","results":[{"id":"51","new":false,"properties":{"playloop_customer_key":"212612345678"},
             "createdAt":"2026-10-01T08:00:00Z","updatedAt":"2026-11-23T10:15:31Z","archived":false}],
             "startedAt":"2026-11-23T10:15:31Z","completedAt":"2026-11-23T10:15:31Z"}
            """;

    private static WireMockServer hubspot;
    private final ObjectMapper mapper = new ObjectMapper();
    private TestClock clock;
    private RecordingSleeper sleeper;
    private HubSpotSink sink;

    @BeforeAll
    static void start() {
        hubspot = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        hubspot.start();
    }

    @AfterAll
    static void stop() {
        hubspot.stop();
    }

    @BeforeEach
    void setUp() {
        hubspot.resetAll();
        clock = new TestClock(NOW);
        sleeper = new RecordingSleeper(clock);
        sink = new HubSpotSink("http://127.0.0.1:" + hubspot.port() + "/", HubSpotSink.DEFAULT_ID_PROPERTY,
                () -> "pat-eu1-test-token", CrmFixtures.http(), Duration.ofSeconds(2), clock);
    }

    private CrmSync sync(int attempts, Duration budget) {
        return CrmFixtures.sync(sink, CrmFixtures.policy(attempts, budget), DeliveryLog.NONE, sleeper);
    }

    @Test
    void push_sendsOneBatchUpsertInputKeyedByTheCustomerKeyProperty() throws Exception {
        hubspot.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(OK)));

        sink.push(arabicContact(7));

        List<LoggedRequest> requests = hubspot.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer pat-eu1-test-token");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = mapper.readTree(request.getBody());
        assertThat(body.path("inputs")).hasSize(1);
        JsonNode input = body.path("inputs").path(0);
        assertThat(input.path("idProperty").asText()).isEqualTo("playloop_customer_key");
        assertThat(input.path("id").asText()).isEqualTo("212612345678");
        JsonNode p = input.path("properties");
        assertThat(p.path("phone").asText()).isEqualTo("+212612345678");
        assertThat(p.path("firstname").asText()).isEqualTo(CrmFixtures.ARABIC_NAME);
        assertThat(p.path("hs_language").asText()).isEqualTo("ar");
        assertThat(p.path("playloop_points").asText()).isEqualTo("340");
        assertThat(p.path("playloop_points_earned").asText()).isEqualTo("1250");
        assertThat(p.path("playloop_tier").asText()).isEqualTo("ذهبي");
        assertThat(p.path("playloop_tier_id").asText()).isEqualTo("gold");
        assertThat(p.path("playloop_badges").asText()).isEqualTo("first_quiz;streak_7");
        assertThat(p.path("playloop_opted_in").asText()).isEqualTo("true");
        assertThat(p.path("playloop_last_game").asText()).isEqualTo("quiz");
        assertThat(p.path("playloop_last_game_at").asText()).isEqualTo("2026-11-23T09:59:12.345Z");
        assertThat(p.path("playloop_campaign").asText()).isEqualTo("ramadan-2026");
        assertThat(p.path("playloop_version").asText()).isEqualTo("7");
        // The name travels as UTF-8 bytes, not \\u escapes and not re-encoded.
        assertThat(indexOf(request.getBody(), ARABIC_NAME_UTF8)).isNotNegative();
    }

    @Test
    void push_leavesOutWhatTheContactDoesNotKnowSoHubSpotKeepsIt() throws Exception {
        hubspot.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(OK)));

        sink.push(CrmFixtures.frenchContact(1));

        JsonNode p = mapper.readTree(hubspot.findAll(postRequestedFor(urlEqualTo(PATH))).get(0).getBody())
                .path("inputs").path(0).path("properties");
        assertThat(p.has("playloop_tier")).isFalse();
        assertThat(p.has("playloop_last_game_at")).isFalse();
        assertThat(p.path("playloop_badges").asText()).isEmpty();
        assertThat(p.path("playloop_opted_in").asText()).isEqualTo("false");
        assertThat(p.path("firstname").asText()).isEqualTo("Chloé Lefèvre");
    }

    @Test
    void twoServiceUnavailable_thenOk_isDeliveredOnTheThirdAttemptAfterTwoJitteredWaits() {
        hubspot.stubFor(post(urlEqualTo(PATH)).inScenario("outage").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream connect error")).willSetStateTo("still down"));
        hubspot.stubFor(post(urlEqualTo(PATH)).inScenario("outage").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        hubspot.stubFor(post(urlEqualTo(PATH)).inScenario("outage").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody(OK)));

        CrmSyncResult result = sync(4, Duration.ofSeconds(20)).sync(arabicContact(3));

        SinkOutcome outcome = result.outcome("hubspot").orElseThrow();
        assertThat(outcome.status()).isEqualTo(SinkOutcome.Status.DELIVERED);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(result.shouldRedeliver()).isFalse();
        hubspot.verify(3, postRequestedFor(urlEqualTo(PATH)));
        // Full jitter: the first wait is within 0..200 ms, the second within 0..400 ms; none was slept.
        assertThat(sleeper.sleeps).hasSize(2);
        assertThat(sleeper.sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(200));
        assertThat(sleeper.sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(400));
    }

    @Test
    void tooManyRequests_waitsAtLeastWhatRetryAfterSays() {
        hubspot.stubFor(post(urlEqualTo(PATH)).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("""
                        {"status":"error","message":"You have reached your secondly limit.","errorType":"RATE_LIMIT",
                         "correlationId":"c033cdaa-2c40-4a64-ae48-b4cec88dad24","policyName":"SECONDLY"}"""))
                .willSetStateTo("ok"));
        hubspot.stubFor(post(urlEqualTo(PATH)).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(OK)));

        CrmSyncResult result = sync(4, Duration.ofSeconds(20)).sync(arabicContact(3));

        assertThat(result.outcome("hubspot").orElseThrow().status()).isEqualTo(SinkOutcome.Status.DELIVERED);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void tooManyRequestsWithoutRetryAfter_waitsForTheTenSecondWindowItsPolicyNames() {
        hubspot.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withBody("""
                {"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT",
                 "policyName":"TEN_SECONDLY_ROLLING"}""")));

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> sink.push(arabicContact(3)));

        assertThat(e.retryable()).isTrue();
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
    }

    @Test
    void dailyLimit_isRetryableLaterButNotWithinTheBudget_soTheRecordGoesBackToItsQueue() {
        hubspot.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withBody("""
                {"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT",
                 "policyName":"DAILY"}""")));

        CrmSyncResult result = sync(4, Duration.ofSeconds(20)).sync(arabicContact(3));

        assertThat(result.outcome("hubspot").orElseThrow().status()).isEqualTo(SinkOutcome.Status.FAILED_RETRYABLE);
        assertThat(result.shouldRedeliver()).isTrue();
        assertThat(sleeper.sleeps).isEmpty();
        hubspot.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void badRequest_isPermanentAndNotRetried() {
        hubspot.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody("""
                {"status":"error","message":"Property values were not valid: [{\\"isValid\\":false,\\"message\\":\\"Property \\\\\\"playloop_points\\\\\\" does not exist\\",\\"error\\":\\"PROPERTY_DOESNT_EXIST\\",\\"name\\":\\"playloop_points\\"}]",
                 "correlationId":"3d3e35b7-0dae-4b9f-a6e3-9c230cbcf8dd","category":"VALIDATION_ERROR"}""")));

        CrmSyncResult result = sync(4, Duration.ofSeconds(20)).sync(arabicContact(3));

        SinkOutcome outcome = result.outcome("hubspot").orElseThrow();
        assertThat(outcome.status()).isEqualTo(SinkOutcome.Status.FAILED_PERMANENT);
        assertThat(outcome.httpStatus()).isEqualTo(400);
        assertThat(outcome.detail()).contains("PROPERTY_DOESNT_EXIST");
        assertThat(result.shouldRedeliver()).isFalse();
        hubspot.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(sleeper.sleeps).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404})
    void authAndRoutingErrors_arePermanent(int status) {
        hubspot.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody("""
                {"status":"error","message":"Authentication credentials not found.","category":"INVALID_AUTHENTICATION"}""")));

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> sink.push(arabicContact(3)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).doesNotContain("pat-eu1-test-token");
    }

    @Test
    void multiStatusWithAnError_isPermanent() {
        hubspot.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(207).withBody("""
                {"status":"COMPLETE","results":[],"numErrors":1,"errors":[{"status":"error","category":"VALIDATION_ERROR",
                 "message":"Property values were not valid","context":{}}],"startedAt":"2026-11-23T10:15:31Z",
                 "completedAt":"2026-11-23T10:15:31Z"}""")));

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> sink.push(arabicContact(3)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("VALIDATION_ERROR");
    }

    @Test
    void requestsCarryTheTokenAskedForOnEachCall() {
        hubspot.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(OK)));
        String[] token = {"first"};
        HubSpotSink rotating = new HubSpotSink("http://127.0.0.1:" + hubspot.port(), "playloop_customer_key",
                () -> token[0], CrmFixtures.http(), Duration.ofSeconds(2), clock);

        rotating.push(arabicContact(1));
        token[0] = "rotated";
        rotating.push(arabicContact(2));

        hubspot.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer first")));
        hubspot.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer rotated")));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void erase_asksHubSpotsGdprDelete_byTheCustomerKeyProperty() throws Exception {
        hubspot.stubFor(post(urlEqualTo(HubSpotSink.GDPR_DELETE_PATH)).willReturn(aResponse().withStatus(204)));

        sink.erase("212612345678");

        LoggedRequest request = hubspot.findAll(postRequestedFor(urlEqualTo(HubSpotSink.GDPR_DELETE_PATH))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer pat-eu1-test-token");
        JsonNode body = mapper.readTree(request.getBodyAsString());
        assertThat(body.path("objectId").asText()).isEqualTo("212612345678");
        assertThat(body.path("idProperty").asText()).isEqualTo("playloop_customer_key");
    }

    @Test
    void erase_ofAContactHubSpotDoesNotHave_isDone_andAnOutageIsRetryable() {
        hubspot.stubFor(post(urlEqualTo(HubSpotSink.GDPR_DELETE_PATH)).willReturn(aResponse().withStatus(404)
                .withBody("{\"status\":\"error\",\"category\":\"OBJECT_NOT_FOUND\"}")));
        sink.erase("212612345678");

        hubspot.stubFor(post(urlEqualTo(HubSpotSink.GDPR_DELETE_PATH)).willReturn(aResponse().withStatus(503)));
        CrmSyncException down = catchThrowableOfType(() -> sink.erase("212612345678"), CrmSyncException.class);
        assertThat(down.retryable()).isTrue();
        hubspot.stubFor(post(urlEqualTo(HubSpotSink.GDPR_DELETE_PATH)).willReturn(aResponse().withStatus(403)));
        assertThat(catchThrowableOfType(() -> sink.erase("212612345678"), CrmSyncException.class).retryable())
                .isFalse();
    }
}
