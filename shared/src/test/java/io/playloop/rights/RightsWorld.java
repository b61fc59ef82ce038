package io.playloop.rights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignSource;
import io.playloop.commerce.CommerceEvent;
import io.playloop.config.PlayLoopConfig;
import io.playloop.crm.CrmConfig;
import io.playloop.crm.CrmSinks;
import io.playloop.crm.StaticCrmSecrets;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.game.MessageProcessor;
import io.playloop.games.quiz.AskedQuestion;
import io.playloop.games.quiz.OptionIds;
import io.playloop.rewards.RewardJob;
import io.playloop.rewards.RewardQueue;
import io.playloop.rewards.RewardWorker;
import io.playloop.scheduling.RunSummary;
import io.playloop.scheduling.SchedulerService;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.DynamoLeaderboardReader;
import io.playloop.store.Keys;
import io.playloop.store.PoolCodes;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.Messages;
import io.playloop.testing.NoStoredCampaign;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the data-rights integration tests share: DynamoDB Local, the real game step, the reward function's worker
 * (with HubSpot, Zoho and a webhook on one WireMock), the scheduler, and the rewards queue as a list the test runs.
 */
final class RightsWorld implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-23T11:00:00Z"); // a Monday, noon in Paris
    static final OptionIds IDS = new OptionIds("test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
    static final String PHONE_NUMBER_ID = "100000000000001";

    final TestClock clock = new TestClock(T0);
    final RecordingGraphApi graph = new RecordingGraphApi();
    final LocalDynamo dynamo = LocalDynamo.create();
    final CapacityMeter meter = new CapacityMeter();
    final DynamoGameStore store = new DynamoGameStore(dynamo.client(), dynamo.tableName(), meter);
    final WireMockServer crm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    final List<RewardJob> queued = new ArrayList<>();
    final MessageProcessor processor;
    final RewardWorker worker;
    final SchedulerService scheduler;
    private final AtomicInteger wamids = new AtomicInteger();

    RightsWorld(Campaign campaign) {
        crm.start();
        stubCrms();
        SplittableRandom draws = new SplittableRandom(7);
        Engine engine = new Engine(campaign, MessageCatalog.bundled(), "Café Lumière", () -> IDS, draws::split,
                "referral-secret-for-tests".getBytes(StandardCharsets.UTF_8));
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
                new DynamoLeaderboardReader(dynamo.client(), dynamo.tableName(), meter), queue);
        CrmConfig crmConfig = CrmConfig.fromEnvironment(Map.of("PLAYLOOP_CRM_SINKS", "hubspot,zoho,webhook",
                "PLAYLOOP_CRM_HUBSPOT_BASE_URL", crm.baseUrl(), "PLAYLOOP_CRM_ZOHO_API_BASE_URL", crm.baseUrl(),
                "PLAYLOOP_CRM_ZOHO_ACCOUNTS_URL", crm.baseUrl(), "PLAYLOOP_CRM_WEBHOOK_URL", crm.baseUrl() + "/hooks",
                "PLAYLOOP_CRM_MAX_ATTEMPTS", "2"));
        worker = new RewardWorker(store, new PoolCodes(dynamo.client(), dynamo.tableName(), meter), () -> campaign,
                graph, Optional.of(CrmSinks.sync(crmConfig, new StaticCrmSecrets("pat-test", "1000.CLIENT", "secret",
                        "1000.refresh", "whsec-test"), clock)),
                new CustomerErasure(dynamo.client(), dynamo.tableName(), meter, clock), clock);
        scheduler = new SchedulerService(dynamo.client(), new PlayLoopConfig(dynamo.tableName(), null, null, null,
                PHONE_NUMBER_ID, "Café Lumière", "en"), graph,
                new CampaignSource(new NoStoredCampaign(), clock, Duration.ofMinutes(1), () -> campaign), clock, meter,
                queue);
    }

    private void stubCrms() {
        crm.stubFor(post(urlEqualTo("/crm/v3/objects/contacts/batch/upsert")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"COMPLETE\",\"results\":[]}")));
        crm.stubFor(post(urlEqualTo("/crm/v3/objects/contacts/gdpr-delete")).willReturn(aResponse().withStatus(204)));
        crm.stubFor(post(urlEqualTo("/oauth/v2/token")).willReturn(aResponse().withStatus(200).withBody(
                "{\"access_token\":\"1000.access\",\"expires_in\":3600}")));
        crm.stubFor(post(urlEqualTo("/crm/v7/Contacts/upsert")).willReturn(aResponse().withStatus(200).withBody(
                "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"5843104000000424016\"},\"status\":\"success\"}]}")));
        crm.stubFor(get(urlPathEqualTo("/crm/v7/Contacts/search")).willReturn(aResponse().withStatus(200).withBody(
                "{\"data\":[{\"id\":\"5843104000000424016\"}],\"info\":{\"count\":1}}")));
        crm.stubFor(delete(urlPathEqualTo("/crm/v7/Contacts")).willReturn(aResponse().withStatus(200).withBody(
                "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"5843104000000424016\"},\"status\":\"success\"}]}")));
        crm.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));
    }

    /** A customer's text, processed by the game ten seconds later than the last step; the reply's text. */
    String says(String waId, String name, String text) {
        return process(Messages.text("wamid.R" + wamids.incrementAndGet(), waId, name, text, tick()));
    }

    /** A tap on a reply button; the reply's text. */
    String taps(String waId, String id, String title) {
        return process(Messages.buttonReply("wamid.R" + wamids.incrementAndGet(), waId, id, title, null, tick()));
    }

    /** QUIZ, then a tap on the right option. */
    String answersRight(String waId, String name) {
        says(waId, name, "quiz");
        AskedQuestion q = store.load(waId, "wamid.none", clock.instant()).quiz().session().current().orElseThrow();
        return taps(waId, q.optionIds(IDS, waId).get(q.options().indexOf(q.correctOption())), q.correctOption());
    }

    /** The last message the Graph API was asked to send. */
    OutboundMessage lastSent() {
        List<OutboundMessage> sent = graph.sent();
        return sent.get(sent.size() - 1);
    }

    private String process(InboundMessage m) {
        int before = graph.sent().size();
        processor.process(m, "sqs-" + m.wamid());
        return graph.sent().size() == before ? null : lastSent().bodyText().replaceAll("[\u2066-\u2069]", "");
    }

    Instant tick() {
        clock.advance(Duration.ofSeconds(10));
        return clock.instant();
    }

    /** A paid shop order, as ingest queues it (with its order link) and the game applies it. */
    void orders(String customerKey, String orderId, String total) {
        Map<String, AttributeValue> link = new java.util.HashMap<>(Keys.shopOrder("shopify", orderId));
        link.put("customerKey", AttributeValue.fromS(customerKey));
        link.put("firstSeen", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())));
        link.put(Keys.TTL, AttributeValue.fromN(Long.toString(clock.instant().plus(Duration.ofDays(730)).getEpochSecond())));
        dynamo.client().putItem(b -> b.tableName(dynamo.tableName()).item(link));
        processor.processCommerce(new CommerceEvent.OrderPaid("shopify", customerKey, tick(), orderId,
                new BigDecimal(total), "EUR", List.of(), List.of("Espresso beans 1 kg")), "sqs-order-" + orderId);
    }

    void refunds(String customerKey, String orderId, String amount) {
        processor.processCommerce(new CommerceEvent.OrderRefunded("shopify", customerKey, tick(), orderId,
                "r-" + orderId, new BigDecimal(amount), "EUR"), "sqs-refund-" + orderId);
    }

    /** One scheduler run at the clock's time. */
    RunSummary schedulerRuns() {
        return scheduler.run(Duration.ofMinutes(1));
    }

    /** Runs and empties the rewards queue (as the reward function would), oldest job first. */
    List<RewardWorker.Result> rewardFunctionRuns() {
        List<RewardWorker.Result> results = new ArrayList<>();
        while (!queued.isEmpty()) {
            results.add(worker.run(queued.remove(0), clock.instant().plusSeconds(20)));
        }
        return results;
    }

    /** Every string anywhere in the table, keys and nested values included (a Scan: tests only). */
    List<String> everyString() {
        List<String> strings = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.items()) {
            item.forEach((name, value) -> collect(value, strings));
        }
        return strings;
    }

    private static void collect(AttributeValue v, List<String> strings) {
        if (v.s() != null) {
            strings.add(v.s());
        } else if (v.n() != null) {
            strings.add(v.n());
        } else if (v.hasM()) {
            v.m().forEach((k, inner) -> {
                strings.add(k);
                collect(inner, strings);
            });
        } else if (v.hasL()) {
            v.l().forEach(inner -> collect(inner, strings));
        } else if (v.hasSs()) {
            strings.addAll(v.ss());
        } else if (v.hasNs()) {
            strings.addAll(v.ns());
        }
    }

    @Override
    public void close() {
        crm.stop();
        dynamo.close();
    }
}
