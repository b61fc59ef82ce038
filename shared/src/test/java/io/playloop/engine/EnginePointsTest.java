package io.playloop.engine;

import static io.playloop.engine.Webhook.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.DemoCampaign;
import io.playloop.ledger.EntryKind;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.whatsapp.inbound.InboundMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Points: promotional keywords earn within their caps; POINTS shows the live balance and points earned. */
class EnginePointsTest {
    static final String US = "16505551234";
    static final String FR = "33612345678";
    final Engine engine = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière");

    record Step(Outcome outcome, PointsAccount account) {
    }

    Step start(String waId) {
        Outcome hello = engine.handle(null, Webhook.from(waId).name("Léa").text("hey"), T0.plusSeconds(1));
        return new Step(hello, PointsAccount.empty());
    }

    Step then(Step before, InboundMessage m, Instant now) {
        Outcome o = engine.handle(EngineTest.stored(before.outcome().customer()), before.account(), m, now);
        return new Step(o, o.points().map(LedgerResult.Applied::account).orElse(before.account()));
    }

    Step say(Step before, String waId, long secondsAfterT0, String text) {
        InboundMessage m = Webhook.from(waId).at(T0.plusSeconds(secondsAfterT0)).text(text);
        return then(before, m, m.sentAt().plusSeconds(2));
    }

    @Test
    void aPromotionalKeyword_earnsItsPoints_once_andTheReplySaysSo() {
        Step summer = say(start(US), US, 10, "SUMMER");

        assertThat(summer.outcome().intent()).isEqualTo("earn");
        assertThat(summer.outcome().points()).get().satisfies(applied -> {
            assertThat(applied.entries()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EntryKind.GRANT);
                assertThat(e.points()).isEqualTo(15);
                assertThat(e.reason()).isEqualTo("keyword.summer");
            });
        });
        assertThat(summer.outcome().customer().points()).isEqualTo(15);
        assertThat(summer.outcome().reply().orElseThrow().bodyText()).isEqualTo("Points earned: +15. Balance: 15.");
    }

    @Test
    void theWeeklyCap_stopsASecondGrantTheSameWeek_butNotTheNextWeek() {
        Step first = say(start(US), US, 10, "summer");
        Step second = say(first, US, 3600, "summer");
        Step nextWeek = say(second, US, Duration.ofDays(8).toSeconds(), "summer");

        assertThat(second.outcome().points()).isEmpty();
        assertThat(second.outcome().customer().points()).isEqualTo(15);
        assertThat(second.outcome().reply().orElseThrow().bodyText()).startsWith("Points balance: 15.");
        assertThat(nextWeek.outcome().points()).isPresent();
        assertThat(nextWeek.outcome().customer().points()).isEqualTo(30);
    }

    @Test
    void theKeywordInFrench_earnsAndAnswersInFrench() {
        Step ete = say(start(FR), FR, 10, "été");

        assertThat(ete.outcome().customer().language()).isEqualTo("fr");
        assertThat(ete.outcome().reply().orElseThrow().bodyText()).contains("15");
        assertThat(ete.outcome().customer().points()).isEqualTo(15);
    }

    @Test
    void points_showsTheLiveBalance_andProgressByPointsEarned() {
        Step summer = say(start(US), US, 10, "summer");

        Step points = say(summer, US, 20, "points");

        String body = points.outcome().reply().orElseThrow().bodyText();
        assertThat(body).startsWith("Points balance: 15.");
        assertThat(body).contains("%", "points to go", "Tiers count the points you've earned");
        assertThat(points.outcome().points()).as("reading changes nothing").isEmpty();
    }

    @Test
    void anExpiredLot_disappearsFromTheBalance() {
        Step summer = say(start(US), US, 10, "summer");
        Duration life = DemoCampaign.get().points().lotExpiry();

        Step later = say(summer, US, life.plusDays(1).toSeconds(), "points");

        assertThat(later.outcome().customer().points()).isZero();
        assertThat(later.outcome().reply().orElseThrow().bodyText()).startsWith("Points balance: 0.");
    }
}
