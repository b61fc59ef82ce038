package io.playloop.mechanic;

import java.util.ArrayList;
import java.util.List;

/**
 * A step's events as one short string, stored on its receipt ({@code ev}): {@code 1} then, per event, a two-letter
 * code and its fields, separated by the ASCII unit (U+001F) and record (U+001E) separators. Ids are not stored: the
 * {@code n}-th event of the step {@code source} is {@code source#n}, so the receipt's key gives them back. About 10
 * bytes an event: a receipt stays within its 1 KB write unit as before in all but the longest replies.
 */
public final class EventCodec {
    static final String VERSION = "1";
    private static final char FIELD = '\u001f';
    private static final char RECORD = '\u001e';

    private EventCodec() {
    }

    public static String write(List<DomainEvent> events) {
        StringBuilder out = new StringBuilder(VERSION);
        for (DomainEvent e : events) {
            out.append(RECORD);
            if (e instanceof DomainEvent.MessageReceived m) {
                fields(out, "mr", m.kind());
            } else if (e instanceof DomainEvent.GamePlayed g) {
                fields(out, "gp", g.mechanic(), g.result());
            } else if (e instanceof DomainEvent.PointsEarned p) {
                fields(out, "pe", Long.toString(p.points()), p.reason());
            } else if (e instanceof DomainEvent.PointsSpent p) {
                fields(out, "ps", Long.toString(p.points()), p.reason());
            } else if (e instanceof DomainEvent.PointsExpired p) {
                fields(out, "px", Long.toString(p.points()));
            } else if (e instanceof DomainEvent.RewardIssued r) {
                fields(out, "ri", r.rewardId(), r.item());
            } else if (e instanceof DomainEvent.RewardRedeemed r) {
                fields(out, "rr", r.rewardId());
            } else if (e instanceof DomainEvent.BadgeAwarded b) {
                fields(out, "ba", b.badge());
            } else if (e instanceof DomainEvent.TierChanged t) {
                fields(out, "tc", t.from(), t.to());
            } else if (e instanceof DomainEvent.ChallengeCompleted c) {
                fields(out, "cc", c.completion());
            } else if (e instanceof DomainEvent.ReferralAttributed r) {
                fields(out, "ra");
            } else if (e instanceof DomainEvent.ReferralQualified r) {
                fields(out, "rq");
            } else if (e instanceof DomainEvent.ConsentGiven c) {
                fields(out, "cg", c.source());
            } else if (e instanceof DomainEvent.ConsentWithdrawn c) {
                fields(out, "cw", c.source());
            } else if (e instanceof DomainEvent.ReminderSent r) {
                fields(out, "rs", r.kind());
            } else if (e instanceof DomainEvent.OrderApplied o) {
                fields(out, "oa", o.kind());
            } else {
                throw new IllegalArgumentException("no code for " + e);
            }
        }
        return out.toString();
    }

    /**
     * The events of the step {@code source}, numbered again.
     *
     * @throws IllegalArgumentException when the text is not this codec's (another version, damaged)
     */
    public static List<DomainEvent> read(String source, String text) {
        List<DomainEvent> events = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return events;
        }
        String[] records = text.split(String.valueOf(RECORD), -1);
        if (!VERSION.equals(records[0])) {
            throw new IllegalArgumentException("events of an unknown version: " + records[0]);
        }
        for (int i = 1; i < records.length; i++) {
            String[] f = records[i].split(String.valueOf(FIELD), -1);
            String id = DomainEvent.idOf(source, i - 1);
            events.add(switch (f[0]) {
                case "mr" -> new DomainEvent.MessageReceived(id, f[1]);
                case "gp" -> new DomainEvent.GamePlayed(id, f[1], f[2]);
                case "pe" -> new DomainEvent.PointsEarned(id, Long.parseLong(f[1]), f[2]);
                case "ps" -> new DomainEvent.PointsSpent(id, Long.parseLong(f[1]), f[2]);
                case "px" -> new DomainEvent.PointsExpired(id, Long.parseLong(f[1]));
                case "ri" -> new DomainEvent.RewardIssued(id, f[1], f[2]);
                case "rr" -> new DomainEvent.RewardRedeemed(id, f[1]);
                case "ba" -> new DomainEvent.BadgeAwarded(id, f[1]);
                case "tc" -> new DomainEvent.TierChanged(id, f[1], f[2]);
                case "cc" -> new DomainEvent.ChallengeCompleted(id, f[1]);
                case "ra" -> new DomainEvent.ReferralAttributed(id);
                case "rq" -> new DomainEvent.ReferralQualified(id);
                case "cg" -> new DomainEvent.ConsentGiven(id, f[1]);
                case "cw" -> new DomainEvent.ConsentWithdrawn(id, f[1]);
                case "rs" -> new DomainEvent.ReminderSent(id, f[1]);
                case "oa" -> new DomainEvent.OrderApplied(id, f[1]);
                default -> throw new IllegalArgumentException("unknown event code " + f[0]);
            });
        }
        return events;
    }

    private static void fields(StringBuilder out, String code, String... values) {
        out.append(code);
        for (String v : values) {
            // The separators never occur in ids, reasons or kinds; dropped rather than escaped if one ever does.
            out.append(FIELD).append(v.replace(FIELD, ' ').replace(RECORD, ' '));
        }
    }
}
