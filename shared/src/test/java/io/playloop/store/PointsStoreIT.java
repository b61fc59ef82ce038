package io.playloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.engine.Consent;
import io.playloop.engine.Customer;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.Lot;
import io.playloop.ledger.PointsAccount;
import io.playloop.testing.LocalDynamo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The points item and ledger entries in DynamoDB Local, written with the receipt. */
class PointsStoreIT {
    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30Z");
    private static final String KEY = "33612345678";

    private LocalDynamo dynamo;
    private DynamoGameStore store;

    @BeforeEach
    void createTable() {
        dynamo = LocalDynamo.create();
        store = new DynamoGameStore(dynamo.client(), dynamo.tableName(), new CapacityMeter());
    }

    @AfterEach
    void dropTable() {
        dynamo.close();
    }

    @Test
    void aGrant_isStoredWithTheReceipt_andReadBackLotForLot() {
        LedgerResult.Applied grant = (LedgerResult.Applied) PointsAccount.empty()
                .grant(15, "keyword.summer", "wamid.A", T0, T0.plus(Duration.ofDays(365)));
        LedgerResult.Applied forever = (LedgerResult.Applied) grant.account()
                .grant(5, "bonus", "wamid.B", T0.plusSeconds(1), Lot.NEVER);
        Customer lea = customer().withPoints(20);

        store.commit(new Commit(receipt("wamid.B"), lea, 0, Optional.empty(),
                Optional.of(new PointsWrite(forever.account(), 0, forever.entries()))));

        PointsState read = store.load(KEY, "wamid.next", T0).points();
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.account()).isEqualTo(forever.account());
        assertThat(read.account().balance(T0.plusSeconds(2))).isEqualTo(20);
        assertThat(dynamo.item(Keys.ledgerEntry(KEY, "GRANT#wamid.B"))).isNotNull();
    }

    @Test
    void aReplayedLedgerEntry_isRefusedAsDuplicate_andChangesNothing() {
        LedgerResult.Applied grant = (LedgerResult.Applied) PointsAccount.empty()
                .grant(15, "keyword.summer", "wamid.A", T0, T0.plus(Duration.ofDays(365)));
        store.commit(new Commit(receipt("wamid.A"), customer(), 0, Optional.empty(),
                Optional.of(new PointsWrite(grant.account(), 0, grant.entries()))));
        var before = dynamo.items();

        // The same event once more, as if its account had been trimmed: the entry item refuses it.
        Commit replay = new Commit(receipt("wamid.A2"), versioned(customer(), 1), 1, Optional.empty(),
                Optional.of(new PointsWrite(grant.account(), 1, grant.entries())));

        assertThatThrownBy(() -> store.commit(replay)).isInstanceOf(DuplicateInboundException.class);
        assertThat(dynamo.items()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aStalePointsVersion_isAConcurrentUpdate() {
        LedgerResult.Applied grant = (LedgerResult.Applied) PointsAccount.empty()
                .grant(15, "keyword.summer", "wamid.A", T0, T0.plus(Duration.ofDays(365)));
        store.commit(new Commit(receipt("wamid.A"), customer(), 0, Optional.empty(),
                Optional.of(new PointsWrite(grant.account(), 0, grant.entries()))));
        LedgerResult.Applied other = (LedgerResult.Applied) PointsAccount.empty()
                .grant(10, "quiz.correct", "wamid.B", T0, T0.plus(Duration.ofDays(365)));

        Commit stale = new Commit(receipt("wamid.B"), versioned(customer(), 1), 1, Optional.empty(),
                Optional.of(new PointsWrite(other.account(), 0, other.entries())));

        assertThatThrownBy(() -> store.commit(stale)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.load(KEY, "wamid.B", T0).receipt()).isEmpty();
    }

    @Test
    void aQuizSession_isStoredWithTheReceipt_andReadBackFieldForField() {
        io.playloop.games.quiz.QuestionBank bank = new io.playloop.games.quiz.QuestionBank(List.of(
                new io.playloop.games.quiz.Question("red-planet", List.of("a", "b", "c"), "b", 10)));
        io.playloop.games.quiz.QuizRules rules = new io.playloop.games.quiz.QuizRules(3, 0, Duration.ofMinutes(10),
                java.time.ZoneId.of("Europe/Paris"));
        io.playloop.games.quiz.QuizSession asked = io.playloop.games.quiz.QuizSession.start()
                .ask(bank, rules, T0, new java.util.SplittableRandom(1)).session();
        io.playloop.games.quiz.QuizSession answered = asked.answer(
                new io.playloop.games.quiz.OptionRef("red-planet", 1, "b"), T0.plusSeconds(5)).session();

        store.commit(new Commit(receipt("wamid.Q"), customer(), 0, Optional.empty(), Optional.empty(),
                Optional.of(new QuizWrite(answered, 0))));

        QuizState read = store.load(KEY, "wamid.next", T0).quiz();
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.session()).isEqualTo(answered);
        assertThat(store.load("another", "wamid.next", T0).quiz()).isEqualTo(QuizState.NONE);
    }

    @Test
    void aPrizeBudget_isEnforcedByTheTable_andARefusedClaimWritesNothing() {
        io.playloop.games.spin.BudgetClaim claim = new io.playloop.games.spin.BudgetClaim("off-15",
                java.time.LocalDate.of(2026, 11, 23), java.util.OptionalLong.of(2), java.util.OptionalLong.of(10));
        io.playloop.engine.SpinHistory won = new io.playloop.engine.SpinHistory(Optional.of(T0), List.of(
                new io.playloop.engine.Reward("off-15", "wamid.S", T0, T0.plus(Duration.ofDays(14)))));
        for (int i = 1; i <= 2; i++) {
            String key = "3360000000" + i;
            store.commit(new Commit(receipt("wamid.S" + i, key), customer(key), 0, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(new SpinWrite(won, 0, Optional.of(claim), "demo"))));
        }
        String third = "33600000003";
        Commit beyond = new Commit(receipt("wamid.S3", third), customer(third), 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new SpinWrite(won, 0, Optional.of(claim), "demo")));

        assertThatThrownBy(() -> store.commit(beyond)).isInstanceOf(BudgetExhaustedException.class)
                .hasMessageContaining("off-15");
        assertThat(store.load(third, "wamid.S3", T0).receipt()).isEmpty();
        assertThat(store.load("33600000001", "wamid.x", T0).spin().history()).isEqualTo(won);
        assertThat(dynamo.item(Keys.spinBudget("demo", "off-15")).get("d2026-11-23").n()).isEqualTo("2");
    }

    private static Customer customer(String key) {
        return new Customer(key, key, null, "Léa", "fr", 0, Consent.NONE, T0, T0, 0);
    }

    private static InboundReceipt receipt(String wamid, String key) {
        return new InboundReceipt(wamid, key, InboundReceipt.Status.NO_REPLY, null, "sqs-1", T0,
                T0.plus(InboundReceipt.RETENTION));
    }

    private static Customer customer() {
        return new Customer(KEY, KEY, null, "Léa", "fr", 0, Consent.NONE, T0, T0, 0);
    }

    private static Customer versioned(Customer c, long version) {
        return new Customer(c.key(), c.waId(), c.bsuid(), c.name(), c.language(), c.points(), c.consent(),
                c.firstSeenAt(), c.lastInboundAt(), version);
    }

    private static InboundReceipt receipt(String wamid) {
        return new InboundReceipt(wamid, KEY, InboundReceipt.Status.NO_REPLY, null, "sqs-1", T0,
                T0.plus(InboundReceipt.RETENTION));
    }
}
