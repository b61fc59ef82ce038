package io.playloop.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignSource;
import io.playloop.campaign.CampaignStore;
import io.playloop.campaign.DemoCampaign;
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
import io.playloop.store.Keys;
import io.playloop.store.PointsWrite;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.Messages;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.NoStoredCampaign;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.TemplateMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The scheduler under races, odd input and a broken item: nothing is lost, nothing pins the cursor. */
class SchedulerResilienceIT {
    private static final Instant T0 = Instant.parse("2026-11-23T11:00:00Z");
    private static final String LEA = "33612345678";

    private final TestClock clock = new TestClock(T0);
    private final RecordingGraphApi graph = new RecordingGraphApi();
    private final AtomicBoolean raceNextClaim = new AtomicBoolean();
    private SchedulerWorld world;
    private LocalDynamo dynamo;
    private DynamoGameStore store;
    private SchedulerService scheduler;

    @BeforeEach
    void startWithTheDemo() {
        world = new SchedulerWorld(DemoCampaign.get(), clock, graph);
        dynamo = world.dynamo;
        store = world.store;
        DynamoDbClient raw = dynamo.client();
        // The scheduler's client: when armed, the game's points write (e.g. a spin win) lands between the visit's
        // read and its claim.
        DynamoDbClient racing = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems") && raceNextClaim.getAndSet(false)) {
                        raw.updateItem(b -> b.tableName(dynamo.tableName()).key(Keys.points(LEA))
                                .updateExpression("SET #v = #v + :one")
                                .expressionAttributeNames(Map.of("#v", "version"))
                                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
                    }
                    try {
                        return method.invoke(raw, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        scheduler = world.scheduler(racing, graph);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private void says(String waId, String name, String text) {
        world.says(waId, name, text);
    }

    private void seedPoints(String waId, long points, Instant expiresAt) {
        world.seedPoints(waId, points, expiresAt);
    }

    private long expiries() {
        return dynamo.items().stream().filter(i -> i.get("sk").s().startsWith("LEDGER#EXPIRE#")).count();
    }

    private List<OutboundMessage> templates() {
        return graph.sent().stream().filter(m -> m instanceof TemplateMessage).toList();
    }

    /**
     * The visit's claim loses to the game's points write (between the visit's read and its claim): the visit reads
     * again, so the lot still expires and the nudge three days later still goes out.
     */
    @Test
    void aClaimThatLosesARaceInAnEarlierHourIsLookedAtAgain() {
        says(LEA, "Léa", "START");
        seedPoints(LEA, 30, T0.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(58))); // Tuesday 11:58Z
        says(LEA, "Léa", "POINTS"); // the game brings the next look to the lot's expiry
        scheduler.run(Duration.ofMinutes(1)); // a running scheduler: the cursor exists

        clock.advance(Duration.ofDays(1).plusMinutes(62)); // Tuesday 12:02Z: the run after the expiry
        raceNextClaim.set(true);
        RunSummary raced = scheduler.run(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(5));
        RunSummary next = scheduler.run(Duration.ofMinutes(1));
        clock.advance(Duration.ofDays(2)); // Thursday 12:07Z: the nudge is due since 11:00Z
        RunSummary thursday = scheduler.run(Duration.ofMinutes(1));

        // The raced visit read again and applied (a second loss would have postponed it 10 minutes).
        assertThat(raced.failed()).isZero();
        assertThat(expiries()).as("the lot expired once (next run due=" + next.due() + ")").isEqualTo(1);
        assertThat(templates()).as("the nudge goes out on Thursday (thursday due=" + thursday.due() + ")")
                .hasSize(1);
    }

    /** A profile name holding a carriage return (refused by Meta in a template parameter) is cleaned, not fatal. */
    @Test
    void aNameWithACarriageReturnStillGetsItsNudge() {
        says(LEA, "Léa\r", "START");
        clock.advance(Duration.ofDays(3).plusMinutes(5));
        RunSummary run = scheduler.run(Duration.ofMinutes(1));

        assertThat(run.failed()).isZero();
        assertThat(templates()).singleElement().satisfies(m ->
                assertThat(((TemplateMessage) m).bodyParameters().get(0)).doesNotContain("\r"));
    }

    /** One customer whose state cannot be read is moved on (postponed without parsing), never pinning the cursor. */
    @Test
    void aCustomerWhoseStateCannotBeReadDoesNotPinTheCursor() {
        says(LEA, "Léa", "START");
        scheduler.run(Duration.ofMinutes(1));
        java.util.Map<String, AttributeValue> item = new java.util.HashMap<>(dynamo.item(Keys.schedule(LEA)));
        item.put("sent", AttributeValue.fromL(List.of(AttributeValue.fromS("corrupt"))));
        dynamo.client().putItem(b -> b.tableName(dynamo.tableName()).item(item));

        clock.advance(Duration.ofDays(3).plus(Duration.ofMinutes(5)));
        scheduler.run(Duration.ofMinutes(1));
        clock.advance(Duration.ofDays(7));
        RunSummary weekLater = scheduler.run(Duration.ofMinutes(1));

        String cursor = dynamo.item(Keys.schedulerCursor()).get("from").s();
        assertThat(weekLater.failed()).as("the broken customer is still broken").isEqualTo(1);
        assertThat(cursor).as("cursor a week later (the run re-read " + weekLater.indexItemsRead()
                + " entries and visited " + weekLater.due() + ")").isEqualTo(clock.instant()
                .minus(SchedulerService.CURSOR_MARGIN).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString());
    }
}
