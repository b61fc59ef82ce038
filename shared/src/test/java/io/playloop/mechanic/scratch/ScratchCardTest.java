package io.playloop.mechanic.scratch;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.CampaignLoader;
import io.playloop.campaign.DemoCampaign;
import io.playloop.engine.Customer;
import io.playloop.engine.Engine;
import io.playloop.engine.MessageCatalog;
import io.playloop.engine.Outcome;
import io.playloop.engine.PlayerState;
import io.playloop.engine.Progress;
import io.playloop.games.quiz.OptionIds;
import io.playloop.games.quiz.QuizSession;
import io.playloop.ledger.LedgerResult;
import io.playloop.ledger.PointsAccount;
import io.playloop.mechanic.DomainEvent;
import io.playloop.mechanic.ItemWrite;
import io.playloop.mechanic.StoredSlice;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.ListMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scratch card through the engine, in the demo campaign, in English, French and Arabic. */
class ScratchCardTest {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final OptionIds IDS = new OptionIds("test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** One customer's conversation, carrying their state from step to step as the store would. */
    static final class Chat {
        final Engine engine;
        final String waId;
        final SplittableRandom random = new SplittableRandom(11);
        Instant clock = T0;
        Customer customer;
        PointsAccount points = PointsAccount.empty();
        Progress progress = Progress.NONE;
        Map<String, StoredSlice> slices = new HashMap<>();
        Set<String> exhausted = new HashSet<>();

        Chat(Campaign campaign, String waId) {
            this.engine = new Engine(campaign, MessageCatalog.bundled(), "Café Lumière", () -> IDS, () -> random);
            this.waId = waId;
        }

        Outcome text(String text) {
            return send("text", text, null, null);
        }

        Outcome tap(String id, String title) {
            return send("interactive", null, id, title);
        }

        Outcome send(String type, String text, String replyId, String replyTitle) {
            clock = clock.plusSeconds(10);
            InboundMessage m = new InboundMessage("wamid.SCRATCH" + SEQUENCE.incrementAndGet(), waId, waId, null,
                    "100000000000001", "15550001111", "Sam", clock, type, text, replyId, replyTitle, null, null, false,
                    null);
            Outcome o = engine.handle(customer, new PlayerState(points, QuizSession.start(),
                    io.playloop.engine.SpinHistory.NONE, exhausted, progress, Optional.empty(), 0,
                    io.playloop.games.leaderboard.Board.empty(""), slices), m, clock.plusSeconds(1));
            Customer c = o.customer();
            customer = new Customer(c.key(), c.waId(), c.bsuid(), c.name(), c.language(), c.points(), c.consent(),
                    c.firstSeenAt(), c.lastInboundAt(), c.version() + 1);
            points = o.points().map(LedgerResult.Applied::account).orElse(points);
            progress = o.progress().map(Outcome.ProgressOutcome::progress).orElse(progress);
            o.slices().forEach(s -> slices.put(s.sortKey(), new StoredSlice(s.sortKey(), s.attributes(),
                    Optional.ofNullable(slices.get(s.sortKey())).map(StoredSlice::version).orElse(0L) + 1)));
            return o;
        }

        void nextDay() {
            clock = clock.plus(Duration.ofDays(1));
        }
    }

    static String body(Outcome o) {
        return o.reply().orElseThrow().bodyText();
    }

    @Test
    void scratchInEnglish_drawsOnce_andASecondScratchTheSameDayIsToldToComeBack() {
        Chat chat = new Chat(DemoCampaign.get(), "16505551234");
        chat.text("hello");

        Outcome first = chat.text("Scratch");
        Outcome again = chat.text("scratch card");

        assertThat(first.intent()).isEqualTo("scratch");
        assertThat(body(first)).startsWith("🎟️");
        assertThat(first.slices()).singleElement().satisfies(s -> assertThat(s.sortKey()).isEqualTo("SCRATCH"));
        assertThat(first.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DomainEvent.GamePlayed.class,
                g -> assertThat(g.mechanic()).isEqualTo("scratch")));
        assertThat(again.slices()).isEmpty();
        assertThat(again.writes()).isEmpty();
        assertThat(body(again)).startsWith("You've scratched today's card.");
        assertThat(again.events()).noneMatch(e -> e instanceof DomainEvent.GamePlayed);
    }

    @Test
    void gratterInFrench_andTheButtonTap_answerInFrench() {
        Chat chat = new Chat(DemoCampaign.get(), "33612345678");
        chat.text("bonjour");

        Outcome typed = chat.text("Gratter");
        chat.nextDay();
        Outcome tapped = chat.tap("cmd:SCRATCH", "Gratter");

        assertThat(typed.intent()).isEqualTo("scratch");
        assertThat(body(typed)).containsAnyOf("Vous avez gratté", "Pas de gain");
        assertThat(tapped.intent()).isEqualTo("scratch");
        assertThat(body(tapped)).containsAnyOf("Vous avez gratté", "Pas de gain");
        assertThat(tapped.reply().orElseThrow()).isInstanceOfSatisfying(ButtonMessage.class, b ->
                assertThat(b.buttons()).extracting(ButtonMessage.Button::id).contains("cmd:PLAY"));
    }

    @Test
    void ikshatInArabic_answersInArabic_andTheMenuHasTheCardInEveryLanguage() {
        Chat chat = new Chat(DemoCampaign.get(), "971501234567");
        chat.text("مرحبا");

        Outcome scratched = chat.text("اكشط");

        assertThat(scratched.intent()).isEqualTo("scratch");
        assertThat(body(scratched)).containsAnyOf("كشطت", "لا ربح");
        for (String[] words : new String[][]{{"menu", "Scratch card"}, {"jouer", "Ticket à gratter"},
                {"العب", "بطاقة الكشط"}}) {
            Chat other = new Chat(DemoCampaign.get(), "16505559876");
            other.text("hi");
            Outcome lang = other.text("LANG " + (words[0].equals("menu") ? "en" : words[0].equals("jouer") ? "fr" : "ar"));
            assertThat(lang.customer().language()).isNotBlank();
            Outcome menu = other.tap("cmd:PLAY", "Play");
            assertThat(rows(menu.reply().orElseThrow())).anySatisfy(row -> {
                assertThat(row.id()).isEqualTo("cmd:SCRATCH");
                assertThat(row.title()).contains(words[1]);
            });
        }
    }

    @Test
    void aCampaignWithoutTheCard_showsNoRow_andScratchIsNotUnderstood() throws IOException {
        String yaml = Files.readString(Path.of("../infra/campaigns/demo.yaml"));
        int start = yaml.indexOf("\nscratch:");
        int end = yaml.indexOf("\nchallenges:");
        Campaign without = CampaignLoader.fromYaml(yaml.substring(0, start) + yaml.substring(end), "demo-without-card");
        Chat chat = new Chat(without, "16505551234");
        chat.text("hello");

        Outcome menu = chat.tap("cmd:PLAY", "Play");
        Outcome scratch = chat.text("scratch");

        assertThat(rows(menu.reply().orElseThrow())).noneMatch(r -> r.id().equals("cmd:SCRATCH"));
        assertThat(scratch.intent()).isEqualTo("unknown");
        assertThat(scratch.slices()).isEmpty();
    }

    @Test
    void overManyDays_discountsGoToTheWalletWithACode_pointsToTheLedger_andBudgetedPrizesClaimTheirBudget() {
        Chat chat = new Chat(DemoCampaign.get(), "16505551234");
        chat.text("hello");
        int discounts = 0;
        long bonus = 0;
        for (int day = 0; day < 200; day++) {
            chat.nextDay();
            Outcome o = chat.text("scratch");
            assertThat(o.slices()).hasSize(1);
            Optional<io.playloop.engine.Redemption> reward = o.progress().flatMap(Outcome.ProgressOutcome::redemption);
            if (reward.isPresent()) {
                discounts++;
                String code = reward.get().entry().code().orElseThrow();
                assertThat(reward.get().entry().itemId()).isEqualTo("scratch:off-20");
                assertThat(code).matches("SOFF20-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
                assertThat(body(o)).contains(code);
                assertThat(o.events()).anySatisfy(e -> assertThat(e).isInstanceOf(DomainEvent.RewardIssued.class));
                // REWARDS lists it with its code, beside the catalogue's and the wheel's.
                assertThat(body(chat.text("rewards"))).contains("20% off").contains(code);
            }
            if (o.points().isPresent()) {
                bonus += 10;
                assertThat(o.points().get().entries()).anySatisfy(e -> assertThat(e.reason()).isEqualTo("scratch.bonus"));
                assertThat(o.events()).anySatisfy(e -> assertThat(e).isInstanceOf(DomainEvent.PointsEarned.class));
            }
            // Every prize but try-again has a budget in the demo: its claim goes with the step.
            boolean won = reward.isPresent() || o.points().isPresent();
            assertThat(o.writes()).hasSize(won ? 1 : 0);
            o.writes().forEach(w -> {
                assertThat(w).isInstanceOf(ItemWrite.Add.class);
                assertThat(w.sortKey()).startsWith("SCRATCH_BUDGET#");
                assertThat(w.onConflict().token()).startsWith("scratch:");
            });
        }
        assertThat(discounts).isPositive();
        assertThat(bonus).isPositive().isEqualTo(chat.customer.points());
    }

    @Test
    void aPrizeTheTableRefused_isReplacedOnTheRetry() {
        Chat chat = new Chat(DemoCampaign.get(), "16505551234");
        chat.text("hello");
        chat.exhausted = Set.of("scratch:off-20", "scratch:bonus-10");
        for (int day = 0; day < 20; day++) {
            chat.nextDay();
            Outcome o = chat.text("scratch");
            assertThat(o.points()).isEmpty();
            assertThat(o.progress().flatMap(Outcome.ProgressOutcome::redemption)).isEmpty();
            assertThat(body(o)).contains("Not this time!"); // the demo's own English try-again text
        }
    }

    private static List<ListMessage.Row> rows(OutboundMessage message) {
        assertThat(message).isInstanceOf(ListMessage.class);
        return ((ListMessage) message).sections().get(0).rows();
    }
}
