package io.playloop.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contact budget as a customer would notice it: how many proactive messages, when, and never after STOP. */
class ContactBudgetTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId DUBAI = ZoneId.of("Asia/Dubai");
    final ContactBudget budget = ContactBudget.DEFAULT;

    @Test
    void aFirstMessage_atTenInTheMorning_goesOut() {
        Instant tenParis = Instant.parse("2026-11-23T09:00:00Z");
        assertThat(budget.decide(List.of(), Priority.PROMOTIONAL, true, tenParis, PARIS))
                .isEqualTo(new ContactBudget.Decision.Send());
    }

    @Test
    void at23hLocal_nothingGoesOut_itWaitsForNineTheNextMorning() {
        Instant elevenPmParis = Instant.parse("2026-11-23T22:00:00Z");
        assertThat(budget.decide(List.of(), Priority.EXPIRING_REWARD, true, elevenPmParis, PARIS))
                .isEqualTo(new ContactBudget.Decision.DeferUntil(Instant.parse("2026-11-24T08:00:00Z")));
    }

    @Test
    void quietHours_followTheCustomersZone_notTheServers() {
        Instant at = Instant.parse("2026-11-23T17:30:00Z"); // 18:30 in Paris, 21:30 in Dubai
        assertThat(budget.decide(List.of(), Priority.PROMOTIONAL, true, at, PARIS)).isInstanceOf(ContactBudget.Decision.Send.class);
        assertThat(budget.decide(List.of(), Priority.PROMOTIONAL, true, at, DUBAI))
                .isEqualTo(new ContactBudget.Decision.DeferUntil(Instant.parse("2026-11-24T05:00:00Z")));
    }

    @Test
    void afterTwoInSevenDays_aPromotionIsSkipped_andAnExpiringRewardWaitsUntilTheOldestLeavesTheWindow() {
        List<Instant> sent = List.of(Instant.parse("2026-11-18T10:00:00Z"), Instant.parse("2026-11-21T10:00:00Z"));
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        assertThat(budget.decide(sent, Priority.PROMOTIONAL, true, now, PARIS)).isInstanceOf(ContactBudget.Decision.Skip.class);
        assertThat(budget.decide(sent, Priority.EXPIRING_REWARD, true, now, PARIS))
                .isEqualTo(new ContactBudget.Decision.DeferUntil(Instant.parse("2026-11-25T10:00:00.001Z")));
    }

    @Test
    void afterStop_nothingProactive_evenTransactional() {
        assertThat(budget.decide(List.of(), Priority.TRANSACTIONAL, false, Instant.parse("2026-11-23T10:00:00Z"), PARIS))
                .isInstanceOf(ContactBudget.Decision.Skip.class);
    }
}
