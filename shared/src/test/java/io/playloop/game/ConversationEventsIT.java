package io.playloop.game;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.campaign.DemoCampaign;
import io.playloop.commerce.CommerceEvent;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.mechanic.DomainEvent;
import io.playloop.rewards.RewardQueue;
import io.playloop.store.CapacityMeter;
import io.playloop.store.DynamoGameStore;
import io.playloop.store.Keys;
import io.playloop.store.StepItems;
import io.playloop.testing.LocalDynamo;
import io.playloop.testing.Messages;
import io.playloop.testing.RecordingGraphApi;
import io.playloop.testing.TestClock;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.ListMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A whole conversation through the message processor and DynamoDB Local, every record delivered twice: the step events
 * stored on the receipts are complete (each step says what happened) and none is stored or forwarded twice.
 */
class ConversationEventsIT {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    final TestClock clock = new TestClock(T0);
    final RecordingGraphApi graph = new RecordingGraphApi();
    final List<DomainEvent> forwarded = Collections.synchronizedList(new ArrayList<>());
    LocalDynamo dynamo;
    MessageProcessor processor;
    int sequence;

    @BeforeEach
    void start() {
        dynamo = LocalDynamo.create();
        DynamoGameStore store = new DynamoGameStore(dynamo.client(), dynamo.tableName(), new CapacityMeter());
        io.playloop.games.quiz.OptionIds ids = new io.playloop.games.quiz.OptionIds(
                "test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
        Engine engine = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière", () -> ids,
                () -> new SplittableRandom(3), "secret".getBytes(StandardCharsets.UTF_8));
        processor = new MessageProcessor(store, () -> engine, graph, clock, new ObjectMapper(),
                io.playloop.games.leaderboard.BoardSource.NONE, RewardQueue.NONE,
                (customer, events) -> forwarded.addAll(events));
    }

    @AfterEach
    void stop() {
        dynamo.close();
    }

    /** Sends a text twice (the same queue record redelivered), the second a duplicate. */
    void text(String waId, String body) {
        deliver(Messages.text("wamid.c" + (++sequence), waId, "Sam", body, clock.instant()));
    }

    void tap(String waId, String id, String title) {
        deliver(Messages.buttonReply("wamid.c" + (++sequence), waId, id, title, null, clock.instant()));
    }

    void deliver(io.playloop.whatsapp.inbound.InboundMessage m) {
        clock.advance(Duration.ofSeconds(30));
        processor.process(m, "sqs-" + m.wamid());
        assertThat(processor.process(m, "sqs-" + m.wamid())).isEqualTo(ProcessingResult.DUPLICATE);
    }

    /** The first option of the question just sent (a button or a list row). */
    String firstOption() {
        OutboundMessage asked = graph.sent().get(graph.sent().size() - 1);
        if (asked instanceof ButtonMessage b) {
            return b.buttons().get(0).id();
        }
        return ((ListMessage) asked).sections().get(0).rows().get(0).id();
    }

    @ParameterizedTest
    @CsvSource({"16505551234, hello, scratch", "33612345678, bonjour, gratter", "971501234567, مرحبا, اكشط"})
    void everyStep_storesItsEventsOnce_evenWhenEveryRecordComesTwice(String waId, String hello, String scratch) {
        text(waId, hello);
        tap(waId, "cmd:START", "Yes");
        tap(waId, "cmd:QUIZ", "Quiz");
        tap(waId, firstOption(), "A");
        tap(waId, "cmd:SPIN", "Spin");
        text(waId, scratch);
        CommerceEvent.OrderPaid order = new CommerceEvent.OrderPaid("shopify", waId, clock.instant(), "1001",
                new BigDecimal("42.50"), "EUR", List.of(), List.of("Mug"), Optional.empty());
        processor.processCommerce(order, "sqs-order");
        assertThat(processor.processCommerce(order, "sqs-order")).isEqualTo(ProcessingResult.DUPLICATE);
        tap(waId, "cmd:STOP", "Stop");

        Map<String, List<DomainEvent>> byStep = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : dynamo.items()) {
            if (item.get(Keys.PK).s().equals(Keys.CUSTOMER_PREFIX + waId)
                    && item.get(Keys.SK).s().startsWith(Keys.INBOUND_PREFIX)) {
                byStep.put(item.get(Keys.SK).s().substring(Keys.INBOUND_PREFIX.length()), StepItems.events(item));
            }
        }
        List<DomainEvent> stored = byStep.values().stream().flatMap(List::stream).toList();

        assertThat(byStep).hasSize(8).allSatisfy((step, events) -> assertThat(events).isNotEmpty());
        assertThat(stored).extracting(DomainEvent::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(byStep).containsKey(id.substring(0, id.lastIndexOf('#'))));
        assertThat(new HashSet<>(forwarded)).isEqualTo(new HashSet<>(stored));
        assertThat(forwarded).hasSameSizeAs(stored);

        assertThat(count(stored, DomainEvent.MessageReceived.class)).isEqualTo(7);
        assertThat(count(stored, DomainEvent.OrderApplied.class)).isEqualTo(1);
        assertThat(count(stored, DomainEvent.ConsentGiven.class)).isEqualTo(1);
        assertThat(count(stored, DomainEvent.ConsentWithdrawn.class)).isEqualTo(1);
        Map<String, List<String>> games = stored.stream().filter(e -> e instanceof DomainEvent.GamePlayed)
                .map(e -> (DomainEvent.GamePlayed) e)
                .collect(Collectors.groupingBy(DomainEvent.GamePlayed::mechanic, LinkedHashMap::new,
                        Collectors.mapping(DomainEvent.GamePlayed::result, Collectors.toList())));
        assertThat(games).containsOnlyKeys("quiz", "spin", "scratch");
        assertThat(games.get("quiz")).hasSize(2).first().isEqualTo("asked");
        assertThat(games.get("quiz").get(1)).isIn("correct", "wrong");
        assertThat(games.get("spin")).hasSize(1);
        assertThat(games.get("scratch")).hasSize(1);
        // The order earns points (demo: 1 point per euro); a spin or scratch prize may add more.
        assertThat(count(stored, DomainEvent.PointsEarned.class)).isPositive();
        assertThat(byStep.get(order.eventId())).first().isEqualTo(new DomainEvent.OrderApplied(order.eventId() + "#0",
                "order"));
        assertThat(byStep.get(order.eventId())).anySatisfy(e -> assertThat(e)
                .isInstanceOf(DomainEvent.PointsEarned.class));
    }

    private static long count(List<DomainEvent> events, Class<? extends DomainEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }
}
