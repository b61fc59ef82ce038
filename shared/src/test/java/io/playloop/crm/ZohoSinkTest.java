package io.playloop.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import io.playloop.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZohoSinkTest {
    private static final String UPSERT = "/crm/v7/Contacts/upsert";
    private static final String TOKEN = "/oauth/v2/token";
    private static final String UPDATED = """
            {"data":[{"code":"SUCCESS","duplicate_field":"Phone","action":"update","details":{
             "Modified_Time":"2026-11-23T10:15:31+00:00","id":"5843104000000424016",
             "Modified_By":{"name":"PlayLoop","id":"5843104000000424001"}},"message":"record updated","status":"success"}]}
            """;
    private static final String INVALID_TOKEN = """
            {"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}""";

    private static WireMockServer zoho;
    private final ObjectMapper mapper = new ObjectMapper();
    private TestClock clock;
    private ZohoSink sink;

    @BeforeAll
    static void start() {
        zoho = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        zoho.start();
    }

    @AfterAll
    static void stop() {
        zoho.stop();
    }

    @BeforeEach
    void setUp() {
        zoho.resetAll();
        clock = new TestClock(NOW);
        String base = "http://127.0.0.1:" + zoho.port();
        sink = new ZohoSink(base, "v7", base, new StaticCrmSecrets(null, "1000.CLIENTID", "client-secret-1",
                "1000.refresh.token", null), CrmFixtures.http(), Duration.ofSeconds(2), clock);
        tokens("1000.access.one");
    }

    private void tokens(String... accessTokens) {
        for (int i = 0; i < accessTokens.length; i++) {
            zoho.stubFor(post(urlEqualTo(TOKEN)).inScenario("tokens")
                    .whenScenarioStateIs(i == 0 ? STARTED : "token " + i)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                            {"access_token":"%s","scope":"ZohoCRM.modules.contacts.ALL","api_domain":"https://www.zohoapis.com",
                             "token_type":"Bearer","expires_in":3600}""".formatted(accessTokens[i])))
                    .willSetStateTo("token " + (i + 1)));
        }
    }

    @Test
    void push_upsertsOneRecordMatchedByPhoneWithAFreshToken() throws Exception {
        zoho.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(200).withBody(UPDATED)));

        sink.push(arabicContact(9));

        LoggedRequest tokenRequest = zoho.findAll(postRequestedFor(urlEqualTo(TOKEN))).get(0);
        assertThat(tokenRequest.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(tokenRequest.getBodyAsString().split("&")).containsExactlyInAnyOrder("grant_type=refresh_token",
                "refresh_token=1000.refresh.token", "client_id=1000.CLIENTID", "client_secret=client-secret-1");

        List<LoggedRequest> upserts = zoho.findAll(postRequestedFor(urlEqualTo(UPSERT)));
        assertThat(upserts).hasSize(1);
        LoggedRequest upsert = upserts.get(0);
        assertThat(upsert.getHeader("Authorization")).isEqualTo("Zoho-oauthtoken 1000.access.one");
        JsonNode body = mapper.readTree(upsert.getBody());
        assertThat(body.path("duplicate_check_fields")).hasSize(1);
        assertThat(body.path("duplicate_check_fields").path(0).asText()).isEqualTo("Phone");
        assertThat(body.path("data")).hasSize(1);
        JsonNode record = body.path("data").path(0);
        assertThat(record.path("Phone").asText()).isEqualTo("+212612345678");
        assertThat(record.path("Last_Name").asText()).isEqualTo(CrmFixtures.ARABIC_NAME);
        assertThat(record.path("PlayLoop_Customer_Key").asText()).isEqualTo("212612345678");
        assertThat(record.path("PlayLoop_Language").asText()).isEqualTo("ar");
        assertThat(record.path("PlayLoop_Points").isNumber()).isTrue();
        assertThat(record.path("PlayLoop_Points").asLong()).isEqualTo(340);
        assertThat(record.path("PlayLoop_Points_Earned").asLong()).isEqualTo(1250);
        assertThat(record.path("PlayLoop_Tier").asText()).isEqualTo("ذهبي");
        assertThat(record.path("PlayLoop_Badges").asText()).isEqualTo("first_quiz;streak_7");
        assertThat(record.path("PlayLoop_Opted_In").isBoolean()).isTrue();
        assertThat(record.path("PlayLoop_Opted_In").asBoolean()).isTrue();
        assertThat(record.path("PlayLoop_Last_Game").asText()).isEqualTo("quiz");
        assertThat(record.path("PlayLoop_Last_Game_At").asText()).isEqualTo("2026-11-23T09:59:12+00:00");
        assertThat(record.path("PlayLoop_Campaign").asText()).isEqualTo("ramadan-2026");
        assertThat(record.path("PlayLoop_Version").asLong()).isEqualTo(9);
        assertThat(HubSpotSinkTest.indexOf(upsert.getBody(), ARABIC_NAME_UTF8)).isNotNegative();
    }

    @Test
    void token_isReusedUntilAMinuteBeforeItExpires_thenRefreshed() {
        tokens("1000.access.one", "1000.access.two");
        zoho.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(200).withBody(UPDATED)));

        sink.push(arabicContact(1));
        clock.advance(Duration.ofMinutes(58));
        sink.push(arabicContact(2));
        clock.advance(Duration.ofSeconds(61)); // 59 min 1 s after minting: within the last minute
        sink.push(arabicContact(3));

        zoho.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        zoho.verify(2, postRequestedFor(urlEqualTo(UPSERT))
                .withHeader("Authorization", equalTo("Zoho-oauthtoken 1000.access.one")));
        zoho.verify(1, postRequestedFor(urlEqualTo(UPSERT))
                .withHeader("Authorization", equalTo("Zoho-oauthtoken 1000.access.two")));
    }

    @Test
    void invalidToken_refreshesOnceAndRepeatsTheUpsert() {
        tokens("1000.access.revoked", "1000.access.two");
        zoho.stubFor(post(urlEqualTo(UPSERT)).withHeader("Authorization", equalTo("Zoho-oauthtoken 1000.access.revoked"))
                .willReturn(aResponse().withStatus(401).withBody(INVALID_TOKEN)));
        zoho.stubFor(post(urlEqualTo(UPSERT)).withHeader("Authorization", equalTo("Zoho-oauthtoken 1000.access.two"))
                .willReturn(aResponse().withStatus(201).withBody(UPDATED.replace("\"update\"", "\"insert\""))));

        sink.push(arabicContact(4));

        zoho.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        zoho.verify(2, postRequestedFor(urlEqualTo(UPSERT)));
    }

    @Test
    void invalidTokenTwice_isPermanent_withoutALoop() {
        tokens("1000.access.one", "1000.access.two", "1000.access.three");
        zoho.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(401).withBody(INVALID_TOKEN)));

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> sink.push(arabicContact(4)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(401);
        zoho.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        zoho.verify(2, postRequestedFor(urlEqualTo(UPSERT)));
    }

    @Test
    void perRecordError_isPermanentAndSaysWhichField() {
        zoho.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(400).withBody("""
                {"data":[{"code":"INVALID_DATA","details":{"expected_data_type":"integer","api_name":"PlayLoop_Points",
                 "json_path":"$.data[0].PlayLoop_Points"},"message":"invalid data","status":"error"}]}""")));

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> sink.push(arabicContact(4)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("INVALID_DATA").contains("PlayLoop_Points");
    }

    @Test
    void rateLimitAndServerErrors_areRetryable() {
        zoho.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withBody("""
                        {"code":"TOO_MANY_REQUESTS","details":{},"message":"too many requests","status":"error"}""")));

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> sink.push(arabicContact(4)));

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));

        zoho.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(500).withBody("""
                {"code":"INTERNAL_ERROR","details":{},"message":"Internal Server Error","status":"error"}""")));
        assertThat(catchThrowableOfType(CrmSyncException.class, () -> sink.push(arabicContact(4))).retryable()).isTrue();
    }

    @Test
    void refusedRefreshToken_isPermanentAndNamesWhatToCheck() {
        zoho.resetAll();
        zoho.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(200).withBody("{\"error\":\"invalid_code\"}")));

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> sink.push(arabicContact(4)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("invalid_code").contains("refresh token").doesNotContain("1000.refresh.token");
        zoho.verify(0, postRequestedFor(urlEqualTo(UPSERT)));
    }

    @Test
    void throttledRefresh_isRetryable() {
        zoho.resetAll();
        zoho.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(400).withBody("""
                {"error_description":"You have made too many requests continuously. Please try again after some time.",
                 "error":"Access Denied","status":"failure"}""")));

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> sink.push(arabicContact(4)));

        assertThat(e.retryable()).isTrue();
    }

    @Test
    void customerWithoutPhone_isPermanent_andNothingIsSent() {
        CrmContact bsuidOnly = new CrmContact("US.13491208655302741918", null, "Sam", "en", 5, 5, null, null, List.of(),
                true, "spin", Instant.parse("2026-11-23T10:00:00Z"), "demo", 2);

        CrmSyncException e = catchThrowableOfType(CrmSyncException.class, () -> sink.push(bsuidOnly));

        assertThat(e.retryable()).isFalse();
        zoho.verify(0, postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void dataCentreBaseUrlsAreConfigurable() {
        String base = "http://127.0.0.1:" + zoho.port();
        ZohoSink eu = new ZohoSink(base + "/eu-api/", "v2", base + "/eu-accounts", new StaticCrmSecrets(null, "id",
                "secret", "refresh", null), CrmFixtures.http(), Duration.ofSeconds(2), clock);
        zoho.stubFor(post(urlEqualTo("/eu-accounts/oauth/v2/token")).willReturn(aResponse().withStatus(200)
                .withBody("{\"access_token\":\"1000.eu\",\"expires_in\":3600,\"api_domain\":\"https://www.zohoapis.eu\"}")));
        zoho.stubFor(post(urlEqualTo("/eu-api/crm/v2/Contacts/upsert")).willReturn(aResponse().withStatus(200)
                .withBody(UPDATED)));

        eu.push(arabicContact(1));

        zoho.verify(1, postRequestedFor(urlEqualTo("/eu-api/crm/v2/Contacts/upsert"))
                .withHeader("Authorization", equalTo("Zoho-oauthtoken 1000.eu"))
                .withRequestBody(containing("\"duplicate_check_fields\":[\"Phone\"]")));
    }

    @Test
    void erase_findsTheContactByThePlayLoopKeyField_andDeletesIt() {
        zoho.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/crm/v7/Contacts/search"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"data":[{"id":"5843104000000424016"}],"info":{"count":1,"more_records":false}}""")));
        zoho.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/crm/v7/Contacts"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"data":[{"code":"SUCCESS","details":{"id":"5843104000000424016"},
                         "message":"record deleted","status":"success"}]}""")));

        sink.erase("212612345678");

        LoggedRequest search = zoho.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/crm/v7/Contacts/search"))).get(0);
        assertThat(search.queryParameter("criteria").firstValue())
                .isEqualTo("(PlayLoop_Customer_Key:equals:212612345678)");
        assertThat(search.getHeader("Authorization")).isEqualTo("Zoho-oauthtoken 1000.access.one");
        LoggedRequest delete = zoho.findAll(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/crm/v7/Contacts"))).get(0);
        assertThat(delete.queryParameter("ids").firstValue()).isEqualTo("5843104000000424016");
    }

    @Test
    void erase_withNoSuchContact_isDone_withoutADelete() {
        zoho.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/crm/v7/Contacts/search"))
                .willReturn(aResponse().withStatus(204)));

        sink.erase("212612345678");

        zoho.verify(0, com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void erase_refusedForARecord_isAPermanentFailure() {
        zoho.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/crm/v7/Contacts/search"))
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":[{\"id\":\"42\"}]}")));
        zoho.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/crm/v7/Contacts"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"data":[{"code":"NO_PERMISSION","message":"permission denied","status":"error"}]}""")));

        CrmSyncException refused = catchThrowableOfType(() -> sink.erase("212612345678"), CrmSyncException.class);

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("NO_PERMISSION");
    }
}
