package io.playloop.engine;

import static io.playloop.engine.Webhook.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.DemoCampaign;
import io.playloop.games.quiz.OptionIds;
import io.playloop.ledger.LedgerResult;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.ListMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The wheel through the engine, with a seeded random source. */
class EngineSpinTest {
    static final String US = "16505551234";
    static final OptionIds IDS = new OptionIds("test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
    final SplittableRandom random = new SplittableRandom(7);
    final Engine engine = new Engine(DemoCampaign.get(), MessageCatalog.bundled(), "Café Lumière", () -> IDS,
            () -> random);
    long clock = 10;
    String from = US;
    Outcome last;
    PlayerState state = PlayerState.NEW;
    Set<String> exhausted = new HashSet<>();

    Outcome text(String text) {
        clock += 10;
        InboundMessage m = Webhook.from(from).name("Sam").at(T0.plusSeconds(clock)).text(text);
        PlayerState in = new PlayerState(state.points(), state.quiz(), state.spin(), exhausted);
        Outcome o = last == null ? engine.handle(null, in, m, m.sentAt().plusSeconds(1))
                : engine.handle(EngineTest.stored(last.customer()), in, m, m.sentAt().plusSeconds(1));
        state = new PlayerState(o.points().map(LedgerResult.Applied::account).orElse(state.points()), state.quiz(),
                o.spin().map(Outcome.SpinOutcome::history).orElse(state.spin()), Set.of());
        last = o;
        return o;
    }

    @Test
    void aSpin_isRecorded_andASecondSpinTheSameDayWaitsForTheCooldown() {
        text("hello");

        Outcome spin = text("SPIN");
        Outcome again = text("spin");

        assertThat(spin.intent()).isEqualTo("spin");
        assertThat(spin.spin()).get().satisfies(s ->
                assertThat(s.history().lastSpinAt()).contains(T0.plusSeconds(31)));
        assertThat(again.spin()).isEmpty();
        assertThat(again.reply().orElseThrow().bodyText()).startsWith("You've had your spin for now.");
    }

    @Test
    void theCooldown_tellsACustomerInDubai_theirOwnTime_notTheCampaignsParisTime() {
        from = "971501234567";
        text("hello");
        Outcome spin = text("SPIN");
        Outcome again = text("spin");

        java.time.ZoneId paris = DemoCampaign.get().timeZone();
        java.time.Instant next = spin.spin().orElseThrow().history().lastSpinAt().orElseThrow().atZone(paris)
                .toLocalDate().plusDays(1).atStartOfDay(paris).toInstant();
        String body = again.reply().orElseThrow().bodyText();
        String language = again.customer().language();
        assertThat(body).contains(io.playloop.text.Dates.dateTime(next, language, java.time.ZoneId.of("Asia/Dubai")))
                .doesNotContain(io.playloop.text.Dates.dateTime(next, language, paris));
    }

    @Test
    void manySpinsOnManyDays_giveDiscountsListedUnderRewards_andBonusPointsInTheLedger() {
        text("hello");
        int discounts = 0;
        long bonus = 0;
        for (int day = 0; day < 40; day++) {
            clock += Duration.ofDays(1).toSeconds();
            Outcome o = text("spin");
            String prize = o.spin().orElseThrow().claim().map(c -> c.prizeId()).orElse("");
            if (o.reply().orElseThrow().bodyText().contains("REWARDS")) {
                discounts++;
                assertThat(prize).startsWith("off-");
                // A won discount comes with its coupon code, in the reply and on the reward.
                String code = o.spin().orElseThrow().history().rewards()
                        .get(o.spin().get().history().rewards().size() - 1).code().orElseThrow();
                assertThat(code).matches("OFF(5|10|15)-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
                assertThat(o.reply().orElseThrow().bodyText()).contains("Your code: " + code);
            }
            if (o.points().isPresent()) {
                bonus += o.points().get().entries().get(0).points();
            }
        }
        assertThat(discounts).isPositive();
        assertThat(bonus).isPositive().isEqualTo(last.customer().points());

        Outcome rewards = text("REWARDS");
        ListMessage list = (ListMessage) rewards.reply().orElseThrow();
        assertThat(list.body()).startsWith("Your rewards");
        assertThat(list.sections().get(0).rows()).isNotEmpty();
    }

    @Test
    void aPrizeTheTableRefused_isNotGivenAgain_theWheelFallsBackToTryAgain() {
        text("hello");
        exhausted.addAll(Set.of("off-5", "off-10", "off-15"));

        for (int i = 0; i < 20; i++) {
            clock += Duration.ofDays(1).toSeconds();
            exhausted.addAll(Set.of("off-5", "off-10", "off-15"));
            Outcome o = text("spin");
            assertThat(o.spin().orElseThrow().claim()).isEmpty();
            assertThat(o.spin().orElseThrow().history().rewards()).isEmpty();
        }
    }

    @Test
    void rewardsBeforeAnyWin_saysNone() {
        text("hello");

        Outcome o = text("rewards");

        // Nothing won yet, then what the catalogue asks for the cheapest reward.
        assertThat(o.reply().orElseThrow().bodyText())
                .startsWith(DemoCampaign.get().texts().render("en", io.playloop.campaign.TextKey.REWARDS_NONE,
                        java.util.Map.of()) + "\n\nYou have 0 points.")
                .doesNotContain("{{");
    }

    @Test
    void inFrench_theWheelAnswersInFrench() {
        clock += 10;
        InboundMessage m = Webhook.from("33612345678").name("Léa").at(T0.plusSeconds(clock)).text("bonjour");
        Outcome hello = engine.handle(null, PlayerState.NEW, m, m.sentAt());
        InboundMessage roue = Webhook.from("33612345678").at(T0.plusSeconds(clock + 10)).text("roue");

        Outcome o = engine.handle(EngineTest.stored(hello.customer()), PlayerState.NEW, roue, roue.sentAt());

        assertThat(o.customer().language()).isEqualTo("fr");
        assertThat(o.spin()).isPresent();
        assertThat(o.reply().orElseThrow().bodyText()).doesNotContain("You ");
    }
}
