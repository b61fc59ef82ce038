package io.playloop.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever asks to contact a customer, and whenever, obeying the decisions never sends more than the budget
 * in any rolling window, nor outside the customer's allowed hours.
 */
class ContactBudgetProperties {
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final Instant START = Instant.parse("2026-03-01T00:00:00Z"); // spans the March DST change

    @Property(tries = 300)
    void neverMoreThanTheBudgetInAnyWindow_andNeverInQuietHours(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 14 * 24 * 60) Integer> askedAtMinutes,
            @ForAll @IntRange(min = 0, max = 2) int priorityIndex) {
        ContactBudget budget = ContactBudget.DEFAULT;
        Priority priority = Priority.values()[priorityIndex];
        List<Instant> sent = new ArrayList<>();
        // Decisions happen in time order, as the scheduler takes them: a deferred message asks again at its time,
        // after every ask that comes earlier (so each decision knows every send before it, and none after).
        PriorityQueue<Instant[]> pending = new PriorityQueue<>(Comparator.comparing((Instant[] a) -> a[0]));
        askedAtMinutes.forEach(m -> pending.add(new Instant[] {START.plus(Duration.ofMinutes(m)), null}));
        Map<Instant[], Integer> hops = new HashMap<>();
        while (!pending.isEmpty()) {
            Instant[] ask = pending.poll();
            Instant at = ask[0];
            ContactBudget.Decision d = budget.decide(sent, priority, true, at, ZONE);
            if (d instanceof ContactBudget.Decision.Send) {
                sent.add(at);
            } else if (d instanceof ContactBudget.Decision.DeferUntil later) {
                assertThat(later.at()).isAfter(at);
                int hop = hops.merge(ask, 1, Integer::sum);
                if (hop < 10) {
                    ask[0] = later.at();
                    pending.add(ask);
                }
            }
        }
        List<Instant> ordered = sent.stream().sorted().toList();
        for (int i = 0; i + budget.maxContacts() < ordered.size(); i++) {
            assertThat(Duration.between(ordered.get(i), ordered.get(i + budget.maxContacts())))
                    .as("three sends within 7 days: %s", ordered).isGreaterThanOrEqualTo(budget.window());
        }
        for (Instant s : sent) {
            LocalTime local = s.atZone(ZONE).toLocalTime();
            assertThat(local).as("sent at %s local", local).isBetween(LocalTime.of(9, 0), LocalTime.of(19, 59, 59, 999_999_999));
        }
    }
}
