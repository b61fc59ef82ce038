package io.playloop.engine;

import static io.playloop.engine.Webhook.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.campaign.DemoCampaign;
import io.playloop.games.referral.ReferralState;
import io.playloop.ledger.LedgerEntry;
import io.playloop.ledger.LedgerResult;
import io.playloop.whatsapp.outbound.ButtonMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Badges, challenges, streaks, tiers, referrals and the leaderboard as customers meet them in the chat. */
class EngineProgressTest {
    static final String US = "16505551234";
    static final String FR = "33612345678";
    static final String UAE = "971501234567";
    static final String FRIEND = "447700900123";
    static final String OTHER = "447700900456";

    final PlayWorld world = new PlayWorld(DemoCampaign.get(), T0);

    /** The reply's text without the invisible direction isolates around inserted values. */
    static String plain(Outcome o) {
        return o.reply().orElseThrow().bodyText().replaceAll("[\u2066-\u2069]", "");
    }

    Outcome quizAnswer(String waId, boolean correct) {
        world.text(waId, "quiz");
        return world.answer(waId, correct);
    }

    @Nested
    class Badges {
        @Test
        void theFirstQuizAnswer_awardsTheBadgeInTheSameReply_once() {
            world.text(US, "hey");

            Outcome first = quizAnswer(US, false);
            Outcome second = quizAnswer(US, true);

            assertThat(plain(first)).contains("New badge: 🧠 Quiz starter!");
            assertThat(first.progress().orElseThrow().badges()).containsExactly("first-quiz");
            assertThat(plain(second)).doesNotContain("New badge");
            assertThat(second.progress().orElseThrow().badges()).isEmpty();
        }

        @Test
        void badges_listsWhatIsHeld_inFrench() {
            world.text(FR, "bonjour");
            quizAnswer(FR, true);

            Outcome o = world.text(FR, "badges");

            assertThat(o.intent()).isEqualTo("badges");
            assertThat(plain(o)).isEqualTo("Vos badges (1 sur 4) :\n• 🧠 Premier quiz");
        }

        @Test
        void badges_beforeAny_saysHowToEarnOne() {
            world.text(US, "hey");

            assertThat(plain(world.text(US, "badges"))).isEqualTo("No badges yet. Play a quiz to earn your first!");
        }
    }

    @Nested
    class ChallengesAndStreaks {
        @Test
        void threeDaysInARow_payTheStreakDays_completeTheChallenge_andAwardTheBadge_inOneReply() {
            world.text(US, "hey");
            world.text(US, "spin");
            world.now = world.now.plus(Duration.ofDays(1));
            Outcome day2 = world.text(US, "spin");
            world.now = world.now.plus(Duration.ofDays(1));
            Outcome day3 = world.text(US, "spin");

            assertThat(world.progress(US).streak().length()).isEqualTo(3);
            assertThat(day2.points().orElseThrow().entries()).extracting(LedgerEntry::reason).contains("streak.day");
            assertThat(plain(day3)).contains("🏆 Challenge complete: 3-day streak! +20 points.")
                    .contains("New badge: 🔥 3 days in a row!");
            assertThat(day3.reply().orElseThrow()).isInstanceOf(ButtonMessage.class); // still the spin's one message
            assertThat(day3.progress().orElseThrow().completions()).containsExactly("streak-3#campaign");
        }

        @Test
        void theStreakDay_rollsOverAtTheCustomersOwnMidnight() {
            // 19:30 and 20:30 UTC: 23:30 and 00:30 in Dubai (two days), 20:30 and 21:30 in Paris (one day).
            Instant evening = Instant.parse("2026-11-20T19:30:00Z");
            world.now = evening.minusSeconds(30);
            world.text(UAE, "hey");
            world.text(FR, "bonjour");
            world.now = evening.minusSeconds(10);
            world.text(UAE, "spin");
            world.text(FR, "roue");
            world.now = evening.plus(Duration.ofHours(1));
            quizAnswer(UAE, true);
            quizAnswer(FR, true);

            assertThat(world.progress(UAE).streak().length()).isEqualTo(2);
            assertThat(world.progress(FR).streak().length()).isEqualTo(1);
        }

        @Test
        void fiveQuizzesInAWeek_completeTheWeeklyChallenge_once() {
            world.text(US, "hey");
            for (int i = 0; i < 3; i++) {
                quizAnswer(US, i % 2 == 0);
            }
            world.now = world.now.plus(Duration.ofDays(1)); // Saturday: the daily limit is 3
            Outcome fourth = quizAnswer(US, false);
            Outcome fifth = quizAnswer(US, false);
            Outcome sixth = quizAnswer(US, false);

            assertThat(plain(fourth)).doesNotContain("Challenge complete");
            assertThat(plain(fifth)).contains("🏆 Challenge complete: 5 quizzes this week! +30 points.");
            assertThat(fifth.points().orElseThrow().entries()).extracting(LedgerEntry::points).contains(30L);
            assertThat(plain(sixth)).doesNotContain("Challenge complete");
        }

        @Test
        void points_showsEachOpenChallengeWithItsBar() {
            world.text(US, "hey");
            quizAnswer(US, true);
            quizAnswer(US, false);

            String points = plain(world.text(US, "points"));

            assertThat(points).contains("Your challenges:")
                    .contains("5 quizzes this week\n▰▰▱▱▱ 2 of 5")
                    .contains("Invite 3 friends\n▱▱▱ 0 of 3");
        }
    }

    @Nested
    class Tiers {
        @Test
        void reachingGold_saysSoOnce_withThePerk_andTheMultiplierAppliesFromTheNextGrant() {
            world.text(US, "hey");
            world.grant(US, 495);

            Outcome up = world.text(US, "summer");                // +15: 510 earned
            Outcome quiz = quizAnswer(US, true);                   // +10, and +5 as a Gold member

            assertThat(plain(up)).contains("⭐ You're now Gold!")
                    .contains("Gold members get into our sales 24 hours before everyone else.")
                    .contains("New badge: 🥇 Gold member!");
            assertThat(world.progress(US).tier()).contains("gold");
            assertThat(plain(quiz)).doesNotContain("You're now");
            assertThat(quiz.points().orElseThrow().entries())
                    .filteredOn(e -> e.reason().equals("tier.bonus")).extracting(LedgerEntry::points).containsExactly(5L);
        }

        @Test
        void everyTextNamingTheTier_saysTheOneHeld() {
            PlayWorld custom = new PlayWorld(TestCampaigns.withText("en", io.playloop.campaign.TextKey.HELP,
                    "{{name}}, {{tier}} member with {{points}} points."), T0);
            custom.text(US, "hey");
            assertThat(plain(custom.text(US, "help"))).startsWith("Léa, Member member with 0 points.");
            custom.grant(US, 95);
            custom.text(US, "summer");

            assertThat(plain(custom.text(US, "help"))).startsWith("Léa, Silver member with 110 points.");
        }

        @Test
        void spendingPoints_neverLowersTheTier() {
            world.text(US, "hey");
            world.grant(US, 120);
            world.text(US, "summer");
            LedgerResult spent = world.state(US).points().spend(100, "test", "spend:1", world.now);
            assertThat(spent).isInstanceOf(LedgerResult.Applied.class);

            world.text(US, "points");

            assertThat(world.progress(US).tier()).contains("silver");
        }
    }

    @Nested
    class Referrals {
        @Test
        void refer_givesACodeAndAWaMeLinkToTheBusinessNumber_thatNeverChanges() {
            world.text(US, "hey");

            Outcome first = world.text(US, "refer");
            Outcome again = world.text(US, "invite");

            String code = world.codeOf(US).value();
            assertThat(plain(first)).contains("Your invite code is " + code)
                    .contains("https://wa.me/" + Webhook.BUSINESS_NUMBER + "?text=" + code)
                    .contains("Invite 3 friends\n▱▱▱ 0 of 3");
            assertThat(first.progress().orElseThrow().codeClaim()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(code));
            assertThat(again.progress().flatMap(Outcome.ProgressOutcome::codeClaim)).isEmpty();
            assertThat(plain(again)).contains(code);
        }

        @Test
        void aFriendWhoJoinsAndPlays_countsOnce_forBoth() {
            world.text(US, "hey");
            world.text(US, "refer");
            String code = world.codeOf(US).value();

            Outcome hello = world.text(FRIEND, "Hi! " + code);
            world.text(FRIEND, "start");
            Outcome played = quizAnswer(FRIEND, true);
            Outcome replay = quizAnswer(FRIEND, true);
            Outcome referrer = world.text(US, "points");

            assertThat(plain(hello)).contains("Welcome! A friend invited you.");
            assertThat(hello.progress().orElseThrow().attributed()).isPresent();
            assertThat(played.progress().orElseThrow().qualified())
                    .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(ReferralState.QUALIFIED));
            assertThat(played.points().orElseThrow().entries()).extracting(LedgerEntry::reason).contains("referral.friend");
            assertThat(replay.progress().flatMap(Outcome.ProgressOutcome::qualified)).isEmpty();
            assertThat(plain(referrer)).contains("A friend you invited just played: +50 points! Friends joined so far: 1.")
                    .contains("Invite 3 friends\n▰▱▱ 1 of 3");
            assertThat(plain(world.text(US, "points"))).doesNotContain("A friend you invited");
        }

        @Test
        void aClickToWhatsAppAdCarryingTheCode_isAttributedLikeATypedCode() {
            world.text(US, "hey");
            world.text(US, "refer");
            String code = world.codeOf(US).value();

            Outcome fromAd = world.send(FRIEND, w -> w.adText("Can I get more info about this?", "Chat with us",
                    "Summer games: use code " + code + " for a welcome bonus"));

            assertThat(fromAd.progress().orElseThrow().attributed())
                    .hasValueSatisfying(r -> assertThat(r.referrer()).isEqualTo(US));
            assertThat(plain(fromAd)).contains("A friend invited you");
        }

        @Test
        void aFriendWhoNeverOptsIn_doesNotCount() {
            world.text(US, "hey");
            world.text(US, "refer");
            world.text(FRIEND, world.codeOf(US).value());

            Outcome played = quizAnswer(FRIEND, true);

            assertThat(played.progress().orElseThrow().qualified()).isEmpty();
            assertThat(world.progress(US).referralsJoined()).isZero();
        }

        @Test
        void ownCode_andAnExistingCustomer_areTurnedDownPolitely() {
            world.text(US, "hey");
            world.text(US, "refer");
            world.text(OTHER, "hello");
            String code = world.codeOf(US).value();

            Outcome self = world.text(US, code);
            Outcome existing = world.text(OTHER, "my friend's code " + code);

            assertThat(plain(self)).contains("That's your own code");
            assertThat(plain(existing)).contains("invites are for people new to Café Lumière");
            assertThat(existing.progress().flatMap(Outcome.ProgressOutcome::attributed)).isEmpty();
        }
    }

    @Nested
    class Leaderboard {
        @Test
        void top_showsTheWeeksBest_tiesToWhoGotThereFirst_andYourRank() {
            world.score("33600000001", 30, T0.minusSeconds(600));
            world.score("33600000002", 15, T0.minusSeconds(300));
            world.score("33600000003", 5, T0.minusSeconds(100));
            world.text(US, "hey");
            world.text(US, "summer");                              // 15 points, reached last

            String top = plain(world.text(US, "top"));

            assertThat(top).contains("1. •••0001: 30 points\n2. •••0002: 15 points\n3. •••1234: 15 points\n4. •••0003: 5 points")
                    .contains("You're number 3 this week, with 15 points.");
        }

        @Test
        void top_beforeScoring_invitesToPlay() {
            world.score("33600000001", 30, T0.minusSeconds(600));
            world.text(US, "hey");

            assertThat(plain(world.text(US, "top"))).contains("1. •••0001: 30 points")
                    .contains("You're not on the board yet this week");
        }

        @Test
        void aStepThatEarnsNothing_writesNoScore() {
            world.text(US, "hey");

            assertThat(world.text(US, "help").progress().flatMap(Outcome.ProgressOutcome::score)).isEmpty();
            assertThat(world.text(US, "summer").progress().flatMap(Outcome.ProgressOutcome::score)).isPresent();
        }
    }
}
