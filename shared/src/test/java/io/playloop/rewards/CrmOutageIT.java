package io.playloop.rewards;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.playloop.campaign.DemoCampaign;
import io.playloop.crm.CrmConfig;
import io.playloop.crm.CrmSinks;
import io.playloop.crm.StaticCrmSecrets;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.game.MessageProcessor;
import io.playloop.game.ProcessingResult;
import io.playloop.games.leaderboard.LeaderboardReader;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.PoolCodes;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.Messages;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A HubSpot outage (WireMock answering 503) against the game and the reward worker over DynamoDB Local: the
 * chat keeps answering at once, the CRM job stays to be redelivered, and once HubSpot answers again the same
 * job delivers the customer's current state.
 */
class CrmOutageIT {
    private static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";
    private static final String LEA = "33612345678";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final RecordingGraphApi graph = new RecordingGraphApi();
    private final List<RewardJob> queued = new ArrayList<>();
    private WireMockServer hubspot;
    private LocalDynamo dynamo;
    private MessageProcessor processor;
    private RewardWorker worker;

    @BeforeEach
    void start() {
        hubspot = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        hubspot.start();
        dynamo = LocalDynamo.create();
        CapacityMeter meter = new CapacityMeter();
        DynamoGameStore store = new DynamoGameStore(dynamo.client(), dynamo.tableName(), meter);
        Engine engine = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière", () -> null,
                () -> new SplittableRandom(1), "secret".getBytes(StandardCharsets.UTF_8));
        RewardQueue queue = new RewardQueue() {
            @Override
            public void send(List<RewardJob> jobs) {
                queued.addAll(jobs);
            }

            @Override
            public boolean syncsCrm() {
                return true;
            }
        };
        processor = new MessageProcessor(store, () -> engine, graph, clock, new ObjectMapper(),
                LeaderboardReader.NONE, queue);
        CrmConfig crm = CrmConfig.fromEnvironment(Map.of("PLAYLOOP_CRM_SINKS", "hubspot",
                "PLAYLOOP_CRM_HUBSPOT_BASE_URL", hubspot.baseUrl(), "PLAYLOOP_CRM_MAX_ATTEMPTS", "2"));
        worker = new RewardWorker(store, new PoolCodes(dynamo.client(), dynamo.tableName(), meter),
                DemoCampaign::get, graph, Optional.of(CrmSinks.sync(crm,
                        new StaticCrmSecrets("pat-test", null, null, null, null), clock)),
                new io.playloop.rights.CustomerErasure(dynamo.client(), dynamo.tableName(), meter, clock), clock);
    }

    @AfterEach
    void stop() {
        hubspot.stop();
        dynamo.close();
    }

    private ProcessingResult say(String text) {
        clock.advance(Duration.ofSeconds(10));
        return processor.process(Messages.text("wamid.O" + clock.instant().getEpochSecond(), LEA, "Léa", text,
                clock.instant()), "sqs-" + clock.instant());
    }

    @Test
    void theChatAnswersDuringTheOutage_andTheSyncIsDeliveredOnceHubSpotRecovers() {
        hubspot.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(503)));

        assertThat(say("hello")).isEqualTo(ProcessingResult.REPLIED);
        assertThat(say("summer")).isEqualTo(ProcessingResult.REPLIED);
        assertThat(graph.sent()).hasSize(2);
        assertThat(queued).extracting(RewardJob::kind).containsOnly(RewardJob.Kind.CRM_SYNC).hasSize(2);
        RewardJob latest = queued.get(queued.size() - 1);

        assertThat(worker.run(latest, clock.instant().plusSeconds(20))).isEqualTo(RewardWorker.Result.RETRY);
        assertThat(hubspot.findAll(postRequestedFor(urlEqualTo(UPSERT)))).hasSize(2); // two attempts, both 503

        hubspot.resetAll();
        hubspot.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"COMPLETE\",\"results\":[]}")));
        assertThat(worker.run(latest, clock.instant().plusSeconds(20))).isEqualTo(RewardWorker.Result.DONE);

        hubspot.verify(1, postRequestedFor(urlEqualTo(UPSERT))
                .withHeader("Authorization", containing("Bearer pat-test"))
                .withRequestBody(containing("\"playloop_points\":\"15\""))
                .withRequestBody(containing("\"playloop_last_game\":\"keyword\""))
                .withRequestBody(containing("\"phone\":\"+33612345678\"")));
    }
}
