package io.playloop.engine;

import io.playloop.campaign.Campaign;
import io.playloop.games.leaderboard.ScoreItem;
import io.playloop.games.quiz.AskedQuestion;
import io.playloop.games.quiz.OptionIds;
import io.playloop.games.referral.Referral;
import io.playloop.games.referral.ReferralCode;
import io.playloop.ledger.LedgerResult;
import io.playloop.testing.InMemoryLeaderboardReader;
import io.playloop.whatsapp.inbound.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Several customers playing one engine, with the store's effects simulated the way DynamoGameStore applies
 * them: each customer's state carried from step to step, referral codes claimed in a table, the referrer's
 * counters raised by the friends' steps, score items put on a leaderboard.
 */
final class PlayWorld {
    static final OptionIds IDS = new OptionIds("test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
    static final byte[] REFERRAL_SECRET = "referral-secret-for-tests".getBytes(StandardCharsets.UTF_8);

    final Engine engine;
    final InMemoryLeaderboardReader board = new InMemoryLeaderboardReader();
    final Map<String, String> codes = new HashMap<>();
    private final Map<String, Outcome> last = new HashMap<>();
    private final Map<String, PlayerState> states = new HashMap<>();
    Instant now;
    private int grants;
    /** Stock counters the table would refuse (as a refused claim makes the processor decide again). */
    java.util.Set<String> exhausted = java.util.Set.of();

    PlayWorld(Campaign campaign, Instant start) {
        this.engine = new Engine(campaign, MessageCatalog.bundled(), "Café Lumière", () -> IDS,
                () -> new SplittableRandom(7), REFERRAL_SECRET);
        this.now = start;
    }

    /** One message from {@code waId}, ten seconds after the previous one (or at {@link #now} when set). */
    Outcome send(String waId, java.util.function.Function<Webhook, InboundMessage> message) {
        now = now.plusSeconds(10);
        InboundMessage m = message.apply(Webhook.from(waId).name("Léa").at(now));
        Outcome before = last.get(waId);
        PlayerState state = states.getOrDefault(waId, PlayerState.NEW);
        Optional<CodeHolder> holder = engine.referralCodeIn(m).flatMap(code -> Optional.ofNullable(codes.get(code.value()))
                .map(owner -> new CodeHolder(code, owner)));
        // As the processor does: the board is read before the engine runs, here from the in-memory shards.
        String week = io.playloop.games.leaderboard.WeekKey.of(now.plusSeconds(1), engine.campaign().timeZone());
        io.playloop.games.leaderboard.Board loaded = engine.campaign().leaderboard().isEmpty()
                ? io.playloop.games.leaderboard.Board.empty(week)
                : io.playloop.games.leaderboard.BoardSource.fromShards(board, ProgressPlay.LEADERBOARD_SHARDS).board(
                        engine.campaign().id(), week, engine.campaign().leaderboard().get().top(),
                        state.progress().weeklyScore().filter(s -> s.week().equals(week)).map(ScoreItem::score));
        PlayerState asked = new PlayerState(state.points(), state.quiz(), state.spin(), exhausted,
                state.progress(), holder, 0, loaded);
        Outcome o = engine.handle(before == null ? null : EngineTest.stored(before.customer()), asked, m, now.plusSeconds(1));
        Progress progress = o.progress().map(Outcome.ProgressOutcome::progress).orElse(state.progress());
        states.put(waId, new PlayerState(o.points().map(LedgerResult.Applied::account).orElse(state.points()),
                o.quiz().orElse(state.quiz()), o.spin().map(Outcome.SpinOutcome::history).orElse(state.spin()),
                java.util.Set.of(), progress, Optional.empty(), 0, state.board()));
        last.put(waId, o);
        o.progress().ifPresent(p -> {
            p.codeClaim().ifPresent(code -> codes.putIfAbsent(code.value(), waId));
            p.score().ifPresent(board::put);
            p.attributed().ifPresent(r -> raise(r, 1, 0));
            p.qualified().ifPresent(r -> raise(r, 0, 1));
        });
        return o;
    }

    Outcome text(String waId, String text) {
        return send(waId, w -> w.text(text));
    }

    Outcome tap(String waId, String id, String title) {
        return send(waId, w -> w.buttonReply(id, title));
    }

    /** Answers the open question right ({@code correct}) or wrong by tapping its signed option id. */
    Outcome answer(String waId, boolean correct) {
        AskedQuestion q = state(waId).quiz().current().orElseThrow();
        String option = correct ? q.correctOption()
                : q.options().stream().filter(x -> !x.equals(q.correctOption())).findFirst().orElseThrow();
        return tap(waId, q.optionIds(IDS, waId).get(q.options().indexOf(option)), option);
    }

    PlayerState state(String waId) {
        return states.getOrDefault(waId, PlayerState.NEW);
    }

    Progress progress(String waId) {
        return state(waId).progress();
    }

    long balance(String waId) {
        return state(waId).points().balance(now);
    }

    /** Gives {@code waId} points as if earned earlier (a lot granted an hour ago). */
    void grant(String waId, long points) {
        PlayerState s = state(waId);
        LedgerResult.Applied applied = (LedgerResult.Applied) s.points().grant(points, "seed", "seed:" + waId + ":" + (++grants),
                now.minusSeconds(3600), now.plusSeconds(365L * 86400));
        states.put(waId, new PlayerState(applied.account(), s.quiz(), s.spin(), java.util.Set.of(), s.progress(),
                Optional.empty(), 0, s.board()));
    }

    /** Puts another player's weekly score on the board. */
    void score(String customer, long points, Instant reachedAt) {
        ScoreItem.after(Optional.empty(), engine.campaign().id(), customer, points, reachedAt,
                engine.campaign().timeZone(), ProgressPlay.LEADERBOARD_SHARDS).ifPresent(board::put);
    }

    ReferralCode codeOf(String waId) {
        return new ReferralCode(progress(waId).referralCode().orElseThrow());
    }

    /** What the friend's transaction does to the referrer's item: ADD to its counters. */
    private void raise(Referral r, long attributed, long joined) {
        PlayerState s = state(r.referrer());
        Progress p = s.progress();
        Progress raised = new Progress(p.actions(), p.challengeCounts(), p.streak(), p.badges(), p.completions(),
                p.tier(), p.referralCode(), p.referredBy(), p.referralsAttributed() + attributed,
                p.referralsJoined() + joined, p.referralsCredited(), p.weeklyScore(), p.wallet(), p.attributes());
        states.put(r.referrer(), new PlayerState(s.points(), s.quiz(), s.spin(), java.util.Set.of(), raised,
                Optional.empty(), 0, s.board()));
    }
}
