package io.playloop.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

// Property tier: whatever a customer's history of earning, spending, expiry, refunds and redeliveries,
// the points add up, never go negative, and a replayed event changes nothing.
class PointsAccountProperties {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    /** One step of a history; event ids come from a small pool so that collisions and replays happen. */
    sealed interface Op permits Grant, Spend, Expire, Reverse, Replay {
    }

    record Grant(long points, String eventId, int lifetimeHours) implements Op {
    }

    record Spend(long points, String eventId) implements Op {
    }

    record Expire() implements Op {
    }

    record Reverse(String eventId) implements Op {
    }

    /** Re-applies the {@code index % applied.size()}-th operation that was applied before, at its time. */
    record Replay(int index) implements Op {
    }

    record Step(Op op, int hoursLater) {
    }

    private record Done(Op op, Instant at) {
    }

    @Property(tries = 400)
    void theLedgerAlwaysAddsUp_andNothingGoesNegative_andReplaysChangeNothing(@ForAll("histories") List<Step> history) {
        PointsAccount account = PointsAccount.empty();
        Instant now = T0;
        List<Done> applied = new ArrayList<>();
        for (Step step : history) {
            now = now.plus(Duration.ofHours(step.hoursLater()));
            Op op = step.op();
            Instant at = now;
            if (op instanceof Replay replay) {
                if (applied.isEmpty()) {
                    continue;
                }
                Done earlier = applied.get(replay.index() % applied.size());
                op = earlier.op();
                at = earlier.at();
            }
            PointsAccount before = account;
            LedgerResult result = apply(before, op, at);
            account = result.account();
            Statistics.label("steps").collect((step.op() instanceof Replay ? "replayed " : "")
                    + op.getClass().getSimpleName() + " -> " + result.getClass().getSimpleName());

            // Every applied grant, spend or reversal is remembered; the same event again changes nothing.
            if (step.op() instanceof Replay && !(op instanceof Expire)) {
                assertThat(result).as("replay of %s", op).isInstanceOf(LedgerResult.AlreadyApplied.class);
                assertThat(account).isSameAs(before);
            }
            if (result instanceof LedgerResult.Applied && !(op instanceof Expire)) {
                applied.add(new Done(op, at));
            }
            if (!(result instanceof LedgerResult.Applied)) {
                assertThat(account).as("a refused or repeated %s changes nothing", op).isSameAs(before);
                assertThat(result.entries()).isEmpty();
            }

            long entrySum = account.entries().stream().mapToLong(LedgerEntry::points).sum();
            long earnedSum = account.entries().stream().mapToLong(LedgerEntry::earned).sum();
            assertThat(account.heldPoints()).as("what the lots hold = the ledger's sum").isEqualTo(entrySum);
            if (result.changed()) {
                assertThat(account.balance(at)).as("balance after %s", op).isEqualTo(entrySum);
            }
            assertThat(account.balance(at)).isNotNegative();
            assertThat(account.lots()).allSatisfy(lot -> assertThat(lot.remaining()).isPositive());
            assertThat(account.earnedTotal()).isEqualTo(earnedSum).isNotNegative();
            if (op instanceof Spend || op instanceof Expire) {
                assertThat(account.earnedTotal()).as("spending and expiry never lower points earned")
                        .isEqualTo(before.earnedTotal());
            }
            if (op instanceof Spend spend && result.changed()) {
                assertSoonestExpiryFirst(before, account, result.entries(), at);
                assertThat(account.balance(at)).isEqualTo(before.balance(at) - spend.points());
            }
            if (op instanceof Spend spend && result instanceof LedgerResult.InsufficientBalance refused) {
                assertThat(refused.available()).isEqualTo(before.balance(at)).isLessThan(spend.points());
            }
        }
        checkCoverage();
    }

    // The histories must exercise every path, or the property proves little.
    private static void checkCoverage() {
        Statistics.label("steps").coverage(c -> {
            c.check("Spend -> Applied").percentage(p -> p > 5);
            c.check("Spend -> InsufficientBalance").percentage(p -> p > 2);
            c.check("Grant -> Applied").percentage(p -> p > 10);
            c.check("Reverse -> Applied").percentage(p -> p > 0.5);
            c.check("Reverse -> UnknownGrant").percentage(p -> p > 0.5);
            c.check("replayed Spend -> AlreadyApplied").percentage(p -> p > 1);
            c.check("replayed Grant -> AlreadyApplied").percentage(p -> p > 1);
            c.check("replayed Reverse -> AlreadyApplied").percentage(p -> p > 0.1);
        });
    }

    private static LedgerResult apply(PointsAccount account, Op op, Instant at) {
        if (op instanceof Grant g) {
            return account.grant(g.points(), "rule", g.eventId(), at, at.plus(Duration.ofHours(g.lifetimeHours())));
        } else if (op instanceof Spend s) {
            return account.spend(s.points(), "reward", s.eventId(), at);
        } else if (op instanceof Reverse r) {
            return account.reverse(r.eventId(), "refund", at);
        } else {
            return account.expire(at);
        }
    }

    // No lot that still holds points after the spend expires before a lot the spend took from.
    private static void assertSoonestExpiryFirst(PointsAccount before, PointsAccount after, List<LedgerEntry> added,
                                                 Instant at) {
        Map<String, Lot> lotsBefore = before.lots().stream().collect(Collectors.toMap(Lot::id, Function.identity()));
        LedgerEntry spend = added.get(added.size() - 1);
        Instant latestTaken = spend.lots().stream().map(s -> lotsBefore.get(s.lotId()).expiresAt())
                .max(Instant::compareTo).orElseThrow();
        assertThat(after.lots()).filteredOn(lot -> lot.liveAt(at))
                .allSatisfy(left -> assertThat(left.expiresAt()).as("lot %s was passed over", left.id())
                        .isAfterOrEqualTo(latestTaken));
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        // Grants and spends draw ids from their own pools, with some crossing over, so that redeliveries,
        // id collisions and refunds of real grants all happen often.
        Arbitrary<String> grantIds = Arbitraries.integers().between(0, 19).map(i -> "grant-" + i);
        Arbitrary<String> spendIds = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.integers().between(0, 19).map(i -> "spend-" + i)), Tuple.of(1, grantIds));
        Arbitrary<Op> grant = Combinators.combine(Arbitraries.longs().between(1, 120), grantIds,
                Arbitraries.integers().between(1, 72)).as(Grant::new);
        Arbitrary<Op> spend = Combinators.combine(Arbitraries.longs().between(1, 80), spendIds).as(Spend::new);
        Arbitrary<Op> expire = Arbitraries.just(new Expire());
        Arbitrary<Op> reverse = grantIds.map(Reverse::new);
        Arbitrary<Op> replay = Arbitraries.integers().between(0, 1000).map(Replay::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(Tuple.of(5, grant), Tuple.of(5, spend), Tuple.of(1, expire),
                Tuple.of(2, reverse), Tuple.of(2, replay));
        Arbitrary<Step> step = Combinators.combine(op, Arbitraries.integers().between(0, 12)).as(Step::new);
        return step.list().ofMinSize(10).ofMaxSize(60);
    }
}
