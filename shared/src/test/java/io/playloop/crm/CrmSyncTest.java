package io.playloop.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.playloop.crm.CrmFixtures.NOW;
import static io.playloop.crm.CrmFixtures.arabicContact;
import static io.playloop.crm.CrmFixtures.frenchContact;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.playloop.crm.CrmFixtures.RecordingSleeper;
import io.playloop.crm.SinkOutcome.Status;
import io.playloop.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CrmSyncTest {
    private static final String PATH = "/crm/v3/objects/contacts/batch/upsert";

    private static WireMockServer hubspot;
    private TestClock clock;
    private RecordingSleeper sleeper;
    private HubSpotSink hubspotSink;

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
        hubspotSink = new HubSpotSink("http://127.0.0.1:" + hubspot.port(), HubSpotSink.DEFAULT_ID_PROPERTY,
                () -> "pat-test", CrmFixtures.http(), Duration.ofSeconds(2), clock);
    }

    /** A sink that answers from a script and counts its calls; safe to call from the fan-out threads. */
    private static final class ScriptedSink implements CrmSink {
        private final String name;
        private final List<RuntimeException> failures;
        private final AtomicInteger calls = new AtomicInteger();

        ScriptedSink(String name, RuntimeException... failuresThenSuccess) {
            this.name = name;
            this.failures = List.of(failuresThenSuccess);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void push(CrmContact contact) {
            int call = calls.getAndIncrement();
            if (call < failures.size()) {
                throw failures.get(call);
            }
        }

        @Override
        public void erase(String customerKey) {
            push(null);
        }
    }

    private static CrmSyncException unavailable(String sink) {
        return CrmSyncException.retryable(sink, 503, null, "HTTP 503");
    }

    @Test
    void theTimeBudgetStopsRetries_andNoAttemptStartsWithoutRoomToFinish() {
        hubspot.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        RetryPolicy policy = new RetryPolicy(100, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(6),
                Duration.ofSeconds(1));

        CrmSyncResult result = CrmFixtures.sync(hubspotSink, policy, DeliveryLog.NONE, sleeper).sync(arabicContact(1));

        SinkOutcome outcome = result.outcome("hubspot").orElseThrow();
        assertThat(outcome.status()).isEqualTo(Status.FAILED_RETRYABLE);
        assertThat(outcome.detail()).contains("time budget");
        assertThat(outcome.attempts()).isLessThan(100).isEqualTo(sleeper.sleeps.size() + 1);
        // The last attempt began with at least the 1 s allowance left of the 6 s budget.
        assertThat(sleeper.total()).isLessThanOrEqualTo(Duration.ofSeconds(5));
        hubspot.verify(outcome.attempts(), postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void anOutageLongerThanTheBudget_asksForRedelivery_andALaterCallAfterRecoveryDelivers() {
        hubspot.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        CrmSync sync = CrmFixtures.sync(hubspotSink, CrmFixtures.policy(4, Duration.ofSeconds(20)),
                new InMemoryDeliveryLog(100), sleeper);

        CrmSyncResult during = sync.sync(arabicContact(8));

        assertThat(during.shouldRedeliver()).isTrue();
        assertThat(during.outcome("hubspot").orElseThrow().status()).isEqualTo(Status.FAILED_RETRYABLE);
        assertThat(during.outcome("hubspot").orElseThrow().attempts()).isEqualTo(4);

        // SQS brings the record back after its visibility timeout; HubSpot is up again by then.
        clock.advance(Duration.ofMinutes(5));
        hubspot.resetAll();
        hubspot.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"COMPLETE\"}")));

        CrmSyncResult after = sync.sync(arabicContact(8));

        assertThat(after.shouldRedeliver()).isFalse();
        assertThat(after.allSucceeded()).isTrue();
        assertThat(after.outcome("hubspot").orElseThrow().status()).isEqualTo(Status.DELIVERED);
        hubspot.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void fanOut_reportsEachSink_andOnlyRetryableFailuresAskForRedelivery() {
        ScriptedSink delivered = new ScriptedSink("hubspot");
        ScriptedSink broken = new ScriptedSink("zoho", CrmSyncException.permanent("zoho", 400, "INVALID_DATA"));
        ScriptedSink down = new ScriptedSink("webhook", unavailable("webhook"), unavailable("webhook"),
                unavailable("webhook"));
        CrmSync sync = new CrmSync(List.of(delivered, broken, down), CrmFixtures.policy(3, Duration.ofSeconds(20)),
                DeliveryLog.NONE, clock, new Random(7), sleeper);

        CrmSyncResult result = sync.sync(frenchContact(2));

        assertThat(result.outcomes()).extracting(SinkOutcome::sink).containsExactly("hubspot", "zoho", "webhook");
        assertThat(result.outcomes()).extracting(SinkOutcome::status)
                .containsExactly(Status.DELIVERED, Status.FAILED_PERMANENT, Status.FAILED_RETRYABLE);
        assertThat(result.shouldRedeliver()).isTrue();
        assertThat(broken.calls).hasValue(1);
        assertThat(down.calls).hasValue(3);
        assertThat(result.deliveryId()).isEqualTo("33612345678:2");
    }

    @Test
    void aPermanentFailureAlone_doesNotAskForRedelivery() {
        ScriptedSink broken = new ScriptedSink("zoho", CrmSyncException.permanent("zoho", 400, "INVALID_DATA"));
        CrmSync sync = new CrmSync(List.of(broken), CrmFixtures.policy(3, Duration.ofSeconds(20)), DeliveryLog.NONE,
                clock, new Random(7), sleeper);

        CrmSyncResult result = sync.sync(frenchContact(2));

        assertThat(result.shouldRedeliver()).isFalse();
        assertThat(result.allSucceeded()).isFalse();
    }

    @Test
    void onRedelivery_aSinkThatAlreadyTookThisVersionIsNotPushedAgain() {
        ScriptedSink hubspotFake = new ScriptedSink("hubspot");
        ScriptedSink zohoFake = new ScriptedSink("zoho", unavailable("zoho"));
        CrmSync sync = new CrmSync(List.of(hubspotFake, zohoFake), CrmFixtures.policy(1, Duration.ofSeconds(20)),
                new InMemoryDeliveryLog(100), clock, new Random(7), sleeper);

        CrmSyncResult first = sync.sync(arabicContact(5));
        CrmSyncResult redelivered = sync.sync(arabicContact(5));

        assertThat(first.outcomes()).extracting(SinkOutcome::status)
                .containsExactly(Status.DELIVERED, Status.FAILED_RETRYABLE);
        assertThat(redelivered.outcomes()).extracting(SinkOutcome::status)
                .containsExactly(Status.UP_TO_DATE, Status.DELIVERED);
        assertThat(redelivered.shouldRedeliver()).isFalse();
        assertThat(hubspotFake.calls).hasValue(1);
        assertThat(zohoFake.calls).hasValue(2);
    }

    @Test
    void anOlderVersionArrivingLate_neverOverwritesANewerOneThisLogHasSeen() {
        ScriptedSink hubspotFake = new ScriptedSink("hubspot");
        CrmSync sync = new CrmSync(List.of(hubspotFake), CrmFixtures.policy(1, Duration.ofSeconds(20)),
                new InMemoryDeliveryLog(100), clock, new Random(7), sleeper);

        sync.sync(arabicContact(6));
        CrmSyncResult stale = sync.sync(arabicContact(5));

        assertThat(stale.outcome("hubspot").orElseThrow().status()).isEqualTo(Status.UP_TO_DATE);
        assertThat(stale.outcome("hubspot").orElseThrow().detail()).contains("newer version 6");
        assertThat(hubspotFake.calls).hasValue(1);
    }

    @Test
    void aCallerDeadlineEarlierThanTheBudget_wins() {
        CrmSyncException limited = CrmSyncException.retryable("webhook", 429, Duration.ofSeconds(1), "HTTP 429");
        ScriptedSink down = new ScriptedSink("webhook", limited, limited);
        CrmSync sync = new CrmSync(List.of(down), CrmFixtures.policy(4, Duration.ofSeconds(20)), DeliveryLog.NONE,
                clock, new Random(7), sleeper);

        // The Lambda has 1.5 s left: one attempt (1 s allowance), no room for the 1 s wait plus another.
        CrmSyncResult result = sync.sync(arabicContact(1), NOW.plusMillis(1_500));

        assertThat(result.outcome("webhook").orElseThrow().status()).isEqualTo(Status.FAILED_RETRYABLE);
        assertThat(down.calls).hasValue(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void aDeadlineTooCloseForOneAttempt_makesNone_andAsksForRedelivery() {
        ScriptedSink sink = new ScriptedSink("hubspot");
        CrmSync sync = new CrmSync(List.of(sink), CrmFixtures.policy(4, Duration.ofSeconds(20)), DeliveryLog.NONE,
                clock, new Random(7), sleeper);

        CrmSyncResult result = sync.sync(arabicContact(1), NOW.plusMillis(500));

        assertThat(result.outcome("hubspot").orElseThrow().status()).isEqualTo(Status.FAILED_RETRYABLE);
        assertThat(result.outcome("hubspot").orElseThrow().attempts()).isZero();
        assertThat(result.shouldRedeliver()).isTrue();
        assertThat(sink.calls).hasValue(0);
    }

    @Test
    void anUnexpectedExceptionFromASink_isRetryableLater() {
        ScriptedSink odd = new ScriptedSink("hubspot", new IllegalStateException("secret not readable"),
                new IllegalStateException("secret not readable"));
        CrmSync sync = new CrmSync(List.of(odd), CrmFixtures.policy(2, Duration.ofSeconds(20)), DeliveryLog.NONE,
                clock, new Random(7), sleeper);

        CrmSyncResult result = sync.sync(arabicContact(1));

        assertThat(result.outcome("hubspot").orElseThrow().status()).isEqualTo(Status.FAILED_RETRYABLE);
        assertThat(result.outcome("hubspot").orElseThrow().detail()).contains("gave up after 2 attempts");
    }

    @Test
    void withNoSinkConfigured_syncIsANoOp() {
        CrmSync sync = new CrmSync(List.of(), RetryPolicy.DEFAULT, DeliveryLog.NONE, clock, new Random(7), sleeper);

        CrmSyncResult result = sync.sync(arabicContact(1));

        assertThat(result.outcomes()).isEmpty();
        assertThat(result.shouldRedeliver()).isFalse();
    }

    @Test
    void backOffCeilings_doubleUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(7));

        assertThat(List.of(1, 2, 3, 4, 5, 6, 9)).extracting(policy::ceiling).containsExactly(Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1600), Duration.ofMillis(3200),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("after an erasure, a new customer with the same key is synced again from version 1")
    void erase_deletesAtEverySink_andForgetsWhatTheyHad() {
        hubspot.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("{}")));
        hubspot.stubFor(post(urlEqualTo(HubSpotSink.GDPR_DELETE_PATH)).willReturn(aResponse().withStatus(204)));
        InMemoryDeliveryLog log = new InMemoryDeliveryLog(100);
        CrmSync sync = CrmFixtures.sync(hubspotSink, CrmFixtures.policy(3, Duration.ofSeconds(20)), log, sleeper);
        sync.sync(arabicContact(5));

        CrmSyncResult erased = sync.erase(arabicContact(5).customerKey(), NOW.plusSeconds(30));
        CrmSyncResult again = sync.sync(arabicContact(1));

        assertThat(erased.allSucceeded()).isTrue();
        hubspot.verify(1, postRequestedFor(urlEqualTo(HubSpotSink.GDPR_DELETE_PATH)));
        assertThat(again.outcome("hubspot").orElseThrow().status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void erase_duringAnOutage_asksForRedelivery() {
        hubspot.stubFor(post(urlEqualTo(HubSpotSink.GDPR_DELETE_PATH)).willReturn(aResponse().withStatus(503)));

        CrmSyncResult result = CrmFixtures.sync(hubspotSink, CrmFixtures.policy(2, Duration.ofSeconds(20)),
                DeliveryLog.NONE, sleeper).erase("212612345678", NOW.plusSeconds(30));

        assertThat(result.shouldRedeliver()).isTrue();
    }
}
