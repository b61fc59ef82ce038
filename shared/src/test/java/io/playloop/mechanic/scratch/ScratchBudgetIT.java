package io.playloop.mechanic.scratch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignLoader;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.game.MessageProcessor;
import io.playloop.game.ProcessingResult;
import io.playloop.store.CapacityMeter;
import io.playloop.store.ConcurrentUpdateException;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.ItemKind;
import io.playloop.store.Keys;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.Messages;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scratch card against DynamoDB Local through the message processor: a prize's budget is given exactly as often as
 * it allows, however many customers race and however often each message is delivered; the card and its reward are
 * written once.
 */
class ScratchBudgetIT {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String CARD = """
            scratch:
              prizes:
                - { id: off-50, name: { en: "50% off", fr: "50 % de réduction", ar: "خصم 50٪" }, kind: percent_discount, value: 50, weight: 1000, budget: { per_day: 10, total: 3 } }
                - { id: no-luck, name: { en: "No luck", fr: "Pas de chance", ar: "لا حظ" }, kind: try_again, weight: 1 }
            """;

    final TestClock clock = new TestClock(T0);
    final RecordingGraphApi graph = new RecordingGraphApi();
    LocalDynamo dynamo;
    MessageProcessor processor;

    @BeforeEach
    void start() throws IOException {
        String yaml = Files.readString(Path.of("../infra/campaigns/demo.yaml"));
        int start = yaml.indexOf("\nscratch:");
        int end = yaml.indexOf("\nchallenges:");
        Campaign campaign = CampaignLoader.fromYaml(yaml.substring(0, start) + "\n" + CARD + yaml.substring(end),
                "demo-with-a-small-budget");
        dynamo = LocalDynamo.create();
        DynamoGameStore store = new DynamoGameStore(dynamo.client(), dynamo.tableName(), new CapacityMeter());
        Engine engine = new Engine(campaign, MessageCatalog.bundled(), "Café Lumière", () -> null,
                () -> new SplittableRandom(), "secret".getBytes(StandardCharsets.UTF_8));
        processor = new MessageProcessor(store, () -> engine, graph, clock, new ObjectMapper());
    }

    @AfterEach
    void stop() {
        dynamo.close();
    }

    /** Delivers a message as SQS would: retried on contention, and once more afterwards (a redelivery). */
    ProcessingResult deliverTwice(String wamid, String waId, String text) {
        ProcessingResult first = null;
        for (int attempt = 1; first == null; attempt++) {
            try {
                first = processor.process(Messages.text(wamid, waId, null, text, T0), "sqs-" + wamid);
            } catch (ConcurrentUpdateException e) {
                if (attempt >= 50) {
                    throw e;
                }
            }
        }
        assertThat(processor.process(Messages.text(wamid, waId, null, text, T0), "sqs-" + wamid))
                .isEqualTo(ProcessingResult.DUPLICATE);
        return first;
    }

    @Test
    void twelveCustomersScratchingAtOnce_winTheBudgetedPrizeExactlyThreeTimes_andEachScratchIsStoredOnce()
            throws Exception {
        List<String> customers = IntStream.range(0, 12).mapToObj(i -> "3361234560" + (10 + i)).toList();
        customers.forEach(c -> deliverTwice("wamid.hello-" + c, c, "bonjour"));

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<ProcessingResult>> calls = customers.stream()
                    .<Callable<ProcessingResult>>map(c -> () -> deliverTwice("wamid.scratch-" + c, c, "gratter"))
                    .toList();
            for (Future<ProcessingResult> f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, AttributeValue> budget = dynamo.item(Keys.mechanicCounter("demo", "SCRATCH_BUDGET#off-50"));
        assertThat(budget.get("total").n()).isEqualTo("3");
        assertThat(budget.get("d2026-11-20").n()).isEqualTo("3");
        List<Map<String, AttributeValue>> items = dynamo.items();
        assertThat(items.stream().filter(i -> i.get(Keys.SK).s().startsWith(Keys.REWARD_PREFIX + "scratch:off-50")))
                .hasSize(3);
        assertThat(items.stream().filter(i -> i.get(Keys.PK).s().startsWith(Keys.COUPON_PREFIX))).hasSize(3);
        assertThat(items.stream().filter(i -> i.get(Keys.SK).s().equals("SCRATCH"))).hasSize(12)
                .allSatisfy(i -> {
                    assertThat(i.get("version").n()).isEqualTo("1");
                    assertThat(i.get("last").n()).isEqualTo(Long.toString(T0.toEpochMilli()));
                    assertThat(ItemKind.of(i.get(Keys.PK).s(), i.get(Keys.SK).s())).contains(ItemKind.MECHANIC_SLICE);
                });
        assertThat(ItemKind.of("CAMPAIGN#demo", "SCRATCH_BUDGET#off-50")).contains(ItemKind.MECHANIC_COUNTER);
        List<String> bodies = graph.sent().stream().map(m -> m.bodyText()).toList();
        assertThat(bodies.stream().filter(b -> b.contains("Vous avez gratté"))).hasSize(3);
        assertThat(bodies.stream().filter(b -> b.contains("Pas de gain"))).hasSize(9);
    }

    @Test
    void aSecondScratchTheSameDay_changesNothing_andTheNextDayScratchesAgain() {
        String lea = "33612345678";
        deliverTwice("wamid.hello", lea, "bonjour");
        deliverTwice("wamid.s1", lea, "gratter");
        deliverTwice("wamid.s2", lea, "ticket");

        assertThat(dynamo.item(Keys.mechanicItem(lea, "SCRATCH")).get("version").n()).isEqualTo("1");
        assertThat(graph.sent().get(graph.sent().size() - 1).bodyText()).startsWith("Vous avez gratté le ticket du jour");

        clock.advance(java.time.Duration.ofDays(1));
        processor.process(Messages.text("wamid.s3", lea, null, "gratter", clock.instant()), "sqs-s3");
        assertThat(dynamo.item(Keys.mechanicItem(lea, "SCRATCH")).get("version").n()).isEqualTo("2");
    }
}
