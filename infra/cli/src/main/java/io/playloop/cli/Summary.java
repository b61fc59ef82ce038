package io.playloop.cli;

import io.playloop.campaign.Campaign;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One-screen description of a valid campaign, printed by validate and push. */
final class Summary {
    private Summary() {
    }

    static List<String> of(Campaign c) {
        List<String> lines = new ArrayList<>();
        lines.add(c.id() + " \"" + c.name() + "\": " + c.timeZone().getId() + ", languages "
                + String.join(" ", c.languages()) + " (default " + c.defaultLanguage() + ")");
        lines.add("active from " + c.active().start() + c.active().end().map(e -> " until " + e).orElse(", no end"));
        List<String> games = new ArrayList<>();
        c.quiz().ifPresent(q -> games.add("quiz " + q.questions().size() + " questions, " + q.dailyLimit() + " a day"));
        c.spin().ifPresent(s -> games.add("wheel " + s.prizes().size() + " prizes, one spin per " + human(s.cooldown())));
        games.add(c.challenges().size() + " challenges");
        games.add(c.badges().size() + " badges");
        games.add(c.tiers().size() + " tiers");
        c.leaderboard().ifPresent(l -> games.add("weekly top " + l.top()));
        lines.add(String.join("; ", games));
        return lines;
    }

    /** "1 day", "12 hours", "90 minutes". */
    static String human(Duration d) {
        if (d.toHours() % 24 == 0 && d.toDays() > 0 && d.toSecondsPart() == 0 && d.toMinutesPart() == 0) {
            return d.toDays() == 1 ? "day" : d.toDays() + " days";
        }
        if (d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
        }
        return d.toMinutes() + " minutes";
    }
}
