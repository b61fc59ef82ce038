package io.playloop.engine;

import static io.playloop.engine.Webhook.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.DemoCampaign;
import io.playloop.ledger.LedgerEntry;
import io.playloop.whatsapp.outbound.ListMessage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rewards catalogue: REWARDS lists what the points buy, a tap or REDEEM n buys it, refusals say why. */
class EngineCatalogueTest {
    static final String US = "16505551234";
    static final String FR = "33612345678";
    static final String AE = "971501234567";

    final PlayWorld world = new PlayWorld(DemoCampaign.get(), T0);

    static String plain(Outcome o) {
        return EngineProgressTest.plain(o);
    }

    @Test
    void rewards_listsWhatTheBalanceAffords_asAListMessage() {
        world.text(US, "hey");
        world.grant(US, 130);

        Outcome o = world.text(US, "rewards");

        ListMessage list = (ListMessage) o.reply().orElseThrow();
        assertThat(list.body()).contains("You have 130 points. Pick a reward");
        assertThat(list.sections().get(0).rows()).extracting(ListMessage.Row::id).containsExactly("rw:coffee", "rw:off-10");
        assertThat(list.sections().get(0).rows().get(1).description()).isEqualTo("120 points · On your next order");
    }

    @Test
    void rewards_withTooFewPoints_namesTheCheapestAndItsCost() {
        world.text(FR, "bonjour");
        world.grant(FR, 20);

        assertThat(plain(world.text(FR, "cadeaux")))
                .endsWith("\n\nVous avez 20 points. Café offert en demande 50 : continuez à jouer !");
    }

    @Test
    void aTappedRow_spendsThePoints_andGivesAGeneratedCodeInTheSameReply() {
        world.text(US, "hey");
        world.grant(US, 130);

        Outcome o = world.tap(US, "rw:coffee", "Free coffee");

        assertThat(o.intent()).isEqualTo("redeem");
        assertThat(plain(o)).matches("(?s)🎁 Free coffee is yours! Your code: CAFE-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}\\n"
                + "Valid until .*");
        assertThat(o.points().orElseThrow().entries()).extracting(LedgerEntry::points).containsExactly(-50L);
        Redemption r = o.progress().orElseThrow().redemption().orElseThrow();
        assertThat(r.entry().itemId()).isEqualTo("coffee");
        assertThat(r.stock()).hasValue(500);
        assertThat(world.balance(US)).isEqualTo(80);
        assertThat(plain(world.text(US, "rewards"))).contains(r.entry().code().orElseThrow());
    }

    @Test
    void redeemWithANumber_inArabic_buysTheNthReward() {
        world.text(AE, "مرحبا");
        world.grant(AE, 200);

        Outcome o = world.text(AE, "استبدال ٢");

        assertThat(o.progress().orElseThrow().redemption().orElseThrow().entry().itemId()).isEqualTo("off-10");
        assertThat(plain(o)).startsWith("🎁 خصم 10٪ لك! رمزك: PL10-");
    }

    @Test
    void refusals_sayWhy_andChangeNothing() {
        world.text(US, "hey");
        world.grant(US, 130);
        world.text(US, "redeem 2");                                  // 10% off: 120 points, once per customer

        Outcome limit = world.text(US, "redeem 2");
        Outcome points = world.text(US, "redeem 3");
        Outcome unknown = world.text(US, "redeem 9");
        world.exhausted = Set.of("stock:coffee");
        world.grant(US, 100);
        Outcome soldOut = world.text(US, "redeem 1");

        assertThat(plain(limit)).isEqualTo("You've reached the limit for 10% off (1 per customer).");
        assertThat(plain(points)).isEqualTo("Not quite: Tote bag costs 300 points and you have 10. Keep playing!");
        assertThat(plain(unknown)).isEqualTo("There's no reward number 9. Reply REWARDS to see the list.");
        assertThat(plain(soldOut)).isEqualTo("Sorry, Free coffee is out of stock. Have a look at the other rewards!");
        for (Outcome refused : new Outcome[] {limit, points, unknown, soldOut}) {
            assertThat(refused.points()).isEmpty();
            assertThat(refused.progress().flatMap(Outcome.ProgressOutcome::redemption)).isEmpty();
        }
    }

    @Test
    void aPoolReward_isBought_andItsCodeFollows() {
        world.text(US, "hey");
        world.grant(US, 300);

        Outcome o = world.text(US, "redeem 3");

        assertThat(plain(o)).startsWith("🎁 Tote bag is yours! Your code follows in a moment.");
        assertThat(o.progress().orElseThrow().redemption().orElseThrow().entry().code()).isEmpty();
    }

    @Test
    void anOrderCarryingAWheelCode_spendsThatPrize_andMarksItsCouponUsed() {
        Outcome hello = world.text(FR, "bonjour");
        Reward won = new Reward("off-10", "wamid.SPIN", T0, T0.plus(java.time.Duration.ofDays(30)),
                java.util.Optional.of("OFF10-ABCD-EFGH"));
        Reward other = new Reward("off-5", "wamid.SPIN2", T0, T0.plus(java.time.Duration.ofDays(30)),
                java.util.Optional.of("OFF5-JKMN-PQRS"));
        PlayerState state = new PlayerState(world.state(FR).points(), world.state(FR).quiz(),
                new SpinHistory(java.util.Optional.of(T0), java.util.List.of(won, other)), Set.of());
        io.playloop.commerce.CommerceEvent.OrderPaid order = new io.playloop.commerce.CommerceEvent.OrderPaid(
                "shopify", FR, T0.plusSeconds(600), "77", new java.math.BigDecimal("30"), "EUR",
                java.util.List.of("off10-abcd-efgh"), java.util.List.of("Mug"));

        Outcome o = world.engine.applyCommerce(EngineTest.stored(hello.customer()), state, order, T0.plusSeconds(601));

        assertThat(o.spin().orElseThrow().history().rewards()).containsExactly(other);
        assertThat(o.progress().orElseThrow().couponsUsed()).extracting(w -> w.code().orElseThrow())
                .containsExactly("OFF10-ABCD-EFGH");
        assertThat(o.reply()).isEmpty();
    }

    @Test
    void rewards_forACustomerHoldingManyCodes_stillFitsOneMessage_withTheCatalogueLast() {
        Outcome hello = world.text(US, "hey");
        world.grant(US, 200);
        java.util.List<WalletEntry> wallet = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            wallet.add(new WalletEntry("coffee:w" + i, "coffee", java.util.Optional.of("CAFE-AAAA-" + (1000 + i)), T0,
                    T0.plus(java.time.Duration.ofDays(14)), java.util.Optional.empty()));
        }
        Progress holding = Progress.NONE.withWallet(wallet);
        PlayerState state = new PlayerState(world.state(US).points(), world.state(US).quiz(), SpinHistory.NONE,
                Set.of(), holding, java.util.Optional.empty(), 0, io.playloop.games.leaderboard.Board.empty(""));

        Outcome o = world.engine.handle(EngineTest.stored(hello.customer()), state,
                Webhook.from(US).at(T0.plusSeconds(60)).text("rewards"), T0.plusSeconds(61));

        String body = o.reply().orElseThrow().bodyText();
        assertThat(body.length()).isLessThanOrEqualTo(1024);
        assertThat(body).contains("CAFE-AAAA-1039").doesNotContain("CAFE-AAAA-1000");
        assertThat(body.indexOf("You have 200 points. Pick a reward")).as("the catalogue after the newest code")
                .isGreaterThan(body.indexOf("CAFE-AAAA-1039"));
    }
}
