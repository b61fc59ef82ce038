package io.playloop.scheduling;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignSource;
import io.playloop.config.PlayLoopConfig;
import io.playloop.engine.Customer;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.game.MessageProcessor;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.store.CapacityMeter;
import io.playloop.store.Commit;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.DynamoLeaderboardReader;
import io.playloop.store.DynamoSchedulerStore;
import io.playloop.store.InboundReceipt;
import io.playloop.store.PointsWrite;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.Messages;
import io.playloop.testing.NoStoredCampaign;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.outbound.GraphApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the scheduler's integration tests share: DynamoDB Local, the real game step writing customers' state (and
 * their schedules) at a test clock, and schedulers over the same table that never sleep for pacing.
 */
final class SchedulerWorld implements AutoCloseable {
    static final String PHONE_NUMBER_ID = "100000000000001";

    final LocalDynamo dynamo = LocalDynamo.create();
    final CapacityMeter meter = new CapacityMeter();
    final DynamoGameStore store;
    final MessageProcessor processor;
    private final Campaign campaign;
    private final TestClock clock;
    private final RecordingGraphApi graph;
    private final AtomicInteger wamids = new AtomicInteger();

    SchedulerWorld(Campaign campaign, TestClock clock, RecordingGraphApi graph) {
        this.campaign = campaign;
        this.clock = clock;
        this.graph = graph;
        store = new DynamoGameStore(dynamo.client(), dynamo.tableName(), meter);
        Engine engine = new Engine(campaign, MessageCatalog.bundled(), "Café Lumière", () -> null,
                SplittableRandom::new, "secret".getBytes(StandardCharsets.UTF_8));
        processor = new MessageProcessor(store, () -> engine, graph, clock, new ObjectMapper());
    }

    /** The scheduler as the function builds it, over the world's table and Graph API. */
    SchedulerService scheduler() {
        return scheduler(dynamo.client(), graph);
    }

    /** A scheduler whose store talks through {@code client} and sends through {@code graphApi} (races, refusals). */
    SchedulerService scheduler(DynamoDbClient client, GraphApi graphApi) {
        PlayLoopConfig config = new PlayLoopConfig(dynamo.tableName(), null, null, null, PHONE_NUMBER_ID, "Café",
                "en");
        return new SchedulerService(new DynamoSchedulerStore(client, dynamo.tableName(), meter),
                new DynamoLeaderboardReader(client, dynamo.tableName(), meter), config, graphApi,
                new CampaignSource(new NoStoredCampaign(), clock, Duration.ofMinutes(1), () -> campaign), clock,
                System::nanoTime, nanos -> { });
    }

    /** A customer's text message, processed by the game at the clock's time. */
    void says(String waId, String name, String text) {
        String wamid = "wamid.in-" + wamids.incrementAndGet();
        processor.process(Messages.text(wamid, waId, name, text, clock.instant()), "sqs-" + wamid);
    }

    /** Gives a customer who said hello {@code points} in one lot that expires at {@code expiresAt}. */
    void seedPoints(String waId, long points, Instant expiresAt) {
        Instant now = clock.instant();
        Customer customer = store.load(waId, "wamid.none", now).customer().orElseThrow();
        LedgerResult.Applied grant = (LedgerResult.Applied) PointsAccount.empty().grant(points, "seed",
                "seed:" + waId, now, expiresAt);
        store.commit(new Commit(new InboundReceipt("wamid.seed-" + waId, waId, InboundReceipt.Status.NO_REPLY, null,
                "seed", now, now.plus(InboundReceipt.RETENTION)), customer, customer.version(), Optional.empty(),
                Optional.of(new PointsWrite(grant.account(), 0, grant.entries()))));
        // As the step that grants a lot does after its commit: its expiry is a look the schedule must come to.
        store.lookSoon(waId, expiresAt);
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
