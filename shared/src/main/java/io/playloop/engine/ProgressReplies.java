package io.playloop.engine;

import io.playloop.campaign.Badge;
import io.playloop.campaign.Campaign;
import io.playloop.campaign.Challenge;
import io.playloop.campaign.ChallengeKind;
import io.playloop.campaign.Command;
import io.playloop.campaign.TextKey;
import io.playloop.games.challenge.ChallengeProgress;
import io.playloop.games.challenge.ChallengeRules;
import io.playloop.games.leaderboard.Rank;
import io.playloop.games.leaderboard.Score;
import io.playloop.games.progress.ProgressBar;
import io.playloop.games.referral.ReferralCode;
import io.playloop.games.referral.ReferralLink;
import io.playloop.whatsapp.outbound.OutboundMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replies of REFER, BADGES and TOP, and the challenge lines POINTS shows: each one message, built
 * from the campaign's texts.
 */
final class ProgressReplies {
    /** Cells of a challenge bar: one per step for small targets ("▰▰▱ 2 of 3"), at most this many. */
    private static final int MAX_CHALLENGE_CELLS = 10;

    private final Campaign campaign;

    ProgressReplies(Campaign campaign) {
        this.campaign = campaign;
    }

    /**
     * REFER: the customer's code and the wa.me link that opens a chat with the business with the code
     * typed in, then live progress on the referral challenges ("Invite 3 friends ▰▰▱ 2 of 3").
     *
     * @param businessNumber the number the customer wrote to (from the webhook), or null when unknown: the
     *                       code alone is then shared
     */
    OutboundMessage refer(Replies replies, String language, String to, ReferralCode code, String businessNumber, Progress progress,
                          Instant now, ZoneId customerZone) {
        String link = businessNumber != null && businessNumber.chars().anyMatch(Character::isDigit)
                ? ReferralLink.of(businessNumber, "", code) : code.value();
        Map<String, String> values = new HashMap<>();
        values.put("code", code.value());
        values.put("link", link);
        List<String> parts = new ArrayList<>();
        parts.add(replies.line(language, TextKey.REFER_INVITE, values));
        for (Challenge challenge : campaign.challenges()) {
            if (challenge.kind() == ChallengeKind.REFERRALS) {
                parts.add(challengeLine(replies, language, challenge, progress, now, customerZone));
            }
        }
        return replies.withButtons(language, to, String.join("\n\n", parts), Command.PLAY);
    }

    /** BADGES: "Your badges (2 of 4):" and one line per badge held, in award order; or the "none yet" text. */
    OutboundMessage badges(Replies replies, String language, String to, Progress progress) {
        List<Badge> held = campaign.badges().stream().filter(b -> progress.badges().containsKey(b.id())).toList();
        if (held.isEmpty()) {
            return replies.withButtons(language, to, replies.line(language, TextKey.BADGES_NONE, Map.of()),
                    Command.QUIZ, Command.PLAY);
        }
        List<String> lines = new ArrayList<>();
        lines.add(replies.line(language, TextKey.BADGES_HEADER, Map.of("count", Integer.toString(held.size()),
                "total", Integer.toString(campaign.badges().size()))));
        progress.badges().keySet().forEach(id -> held.stream().filter(b -> b.id().equals(id)).findFirst()
                .ifPresent(b -> lines.add(replies.line(language, TextKey.BADGES_ITEM,
                        Map.of("badge", Replies.isolate(b.name().in(language, campaign.defaultLanguage())))))));
        return replies.withButtons(language, to, String.join("\n", lines), Command.PLAY);
    }

    /**
     * TOP: the week's top players (each shown by the last digits of their number, never a name or a whole
     * number: the board is public to every player) and the customer's own rank, exact in the top, "around"
     * outside it.
     */
    OutboundMessage top(Replies replies, String language, String to, List<Score> top, Rank rank, Optional<Score> mine) {
        List<String> lines = new ArrayList<>();
        if (top.isEmpty()) {
            lines.add(replies.line(language, TextKey.TOP_EMPTY, Map.of()));
        } else {
            lines.add(replies.line(language, TextKey.TOP_HEADER, Map.of()));
            for (int i = 0; i < top.size(); i++) {
                Score score = top.get(i);
                lines.add(replies.line(language, TextKey.TOP_LINE, Map.of("rank", Integer.toString(i + 1),
                        "player", Replies.isolate(player(score.customer())), "score", Long.toString(score.points()))));
            }
        }
        if (rank instanceof Rank.Exact exact && mine.isPresent()) {
            lines.add(replies.line(language, TextKey.TOP_YOUR_RANK, Map.of("rank", Integer.toString(exact.place()),
                    "score", Long.toString(mine.get().points()))));
        } else if (rank instanceof Rank.About about && mine.isPresent()) {
            lines.add(replies.line(language, TextKey.TOP_YOUR_RANK, Map.of("around", Long.toString(about.place()),
                    "score", Long.toString(mine.get().points()))));
        } else if (!top.isEmpty()) {
            lines.add(replies.line(language, TextKey.TOP_UNRANKED, Map.of()));
        }
        return replies.withButtons(language, to, String.join("\n", lines), Command.QUIZ, Command.PLAY);
    }

    /**
     * The challenges as POINTS shows them: a header and one bar per challenge still open in its period, or
     * "all done"; empty when the campaign has none.
     */
    List<String> challengeLines(Replies replies, String language, Progress progress, Instant now, ZoneId customerZone) {
        if (campaign.challenges().isEmpty()) {
            return List.of();
        }
        List<String> open = new ArrayList<>();
        for (Challenge challenge : campaign.challenges()) {
            if (!standing(challenge, progress, now, customerZone).completed()) {
                open.add(challengeLine(replies, language, challenge, progress, now, customerZone));
            }
        }
        if (open.isEmpty()) {
            return List.of(replies.line(language, TextKey.CHALLENGES_ALL_DONE, Map.of()));
        }
        List<String> lines = new ArrayList<>();
        lines.add(replies.line(language, TextKey.CHALLENGES_HEADER, Map.of()));
        lines.addAll(open);
        return List.of(String.join("\n", lines));
    }

    private String challengeLine(Replies replies, String language, Challenge challenge, Progress progress, Instant now,
                                 ZoneId customerZone) {
        ChallengeProgress standing = standing(challenge, progress, now, customerZone);
        int target = Math.max(1, challenge.target());
        int cells = Math.min(target, MAX_CHALLENGE_CELLS);
        String bar = ProgressBar.render(standing.current(), target, cells);
        bar = bar.substring(0, cells); // the cells only: the line says "2 of 3" itself
        Map<String, String> values = new HashMap<>();
        values.put("challenge", Replies.isolate(challenge.name().in(language, campaign.defaultLanguage())));
        values.put("bar", ProgressBar.isolate(bar, language));
        values.put("done", Integer.toString(Math.min(standing.current(), target)));
        values.put("target", Integer.toString(target));
        return replies.line(language, TextKey.CHALLENGE_PROGRESS, values);
    }

    private ChallengeProgress standing(Challenge challenge, Progress progress, Instant now, ZoneId customerZone) {
        return ChallengeRules.progress(challenge, Optional.ofNullable(progress.challengeCounts().get(challenge.id())),
                progress.streak(), (int) Math.min(Integer.MAX_VALUE, progress.referralsJoined()), now,
                campaign.timeZone(), customerZone, progress.completions());
    }

    /** "•••1234": the last four characters of a customer key (phone digits or a BSUID). */
    static String player(String customerKey) {
        String tail = customerKey.length() <= 4 ? customerKey : customerKey.substring(customerKey.length() - 4);
        return "•••" + tail;
    }
}
