package io.playloop.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns a campaign tree (parsed from YAML or JSON, same shape) into a {@link Campaign}, reporting every
 * problem with its path. The mechanics are read by {@link GameReader} and {@link ProgressReader}, the
 * {@code outreach} section by {@link OutreachReader}.
 */
final class CampaignReader {
    static final int NAME_MAX = 80;
    static final long POINTS_MAX = 100_000;
    static final long CAP_MAX = 1_000_000;
    static final int KEYWORD_RULES_MAX = 50;
    static final Duration LOT_EXPIRY_MIN = Duration.ofDays(1);
    static final Duration LOT_EXPIRY_MAX = Duration.ofDays(3650);
    /** A silent customer is kept at least a month (a mistyped value must not erase active customers)... */
    static final Duration RETENTION_MIN = Duration.ofDays(30);
    /** ... and at most ten years. */
    static final Duration RETENTION_MAX = Duration.ofDays(3650);

    private final Problems problems = new Problems();

    /** Reads and validates; throws listing every problem. */
    static Campaign read(JsonNode tree, String source) {
        CampaignReader reader = new CampaignReader();
        Campaign campaign = reader.campaign(tree);
        reader.problems.throwIfAny(source);
        return campaign;
    }

    private Campaign campaign(JsonNode tree) {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            problems.add("", "the file is empty: a campaign starts with format: " + Campaign.FORMAT);
            return null;
        }
        if (!tree.isObject()) {
            problems.add("", "a campaign is a mapping of keys (format:, id:, name:, …), not "
                    + Fields.describe(tree));
            return null;
        }
        Fields root = Fields.of("", tree, problems);
        if (!format(root)) {
            return null;
        }
        if (root.has("variants")) {
            root.problem("variants", "A/B variants are not supported by " + Campaign.FORMAT
                    + " (the key is reserved for a later version)");
        }
        String id = root.id("id", Ids.CAMPAIGN, Ids.CAMPAIGN_RULE);
        String name = root.requiredText("name");
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            root.problem("name", "at most " + NAME_MAX + " characters");
        }
        ZoneId zone = timeZone(root);
        List<String> languages = languages(root);
        String defaultLanguage = defaultLanguage(root, languages);
        ActiveWindow active = activeWindow(root, zone);
        Set<Action> qualifying = qualifyingActions(root);

        TextReader texts = new TextReader(languages, problems);
        KeywordReader keywordReader = new KeywordReader(languages, problems, texts);
        PointsRules points = points(root, keywordReader);
        GameReader games = new GameReader(problems, texts);
        Optional<Quiz> quiz = root.object("quiz").map(q -> games.quiz(q, points));
        Optional<Spin> spin = root.object("spin").map(games::spin);
        ProgressReader progress = new ProgressReader(problems, texts);
        List<Challenge> challenges = progress.challenges(root);
        List<Tier> tiers = progress.tiers(root);
        TierPolicy tierPolicy = progress.tierPolicy(root);
        List<Badge> badges = progress.badges(root, challenges, tiers);
        Optional<Leaderboard> leaderboard = root.object("leaderboard").map(this::leaderboard);
        List<CatalogueItem> catalogue = root.has("rewards") ? new RewardsReader(texts).catalogue(root) : List.of();
        Outreach outreach = new OutreachReader(languages, problems).read(root);
        Duration inactiveRetention = root.object("retention").map(this::inactiveRetention)
                .orElse(Campaign.DEFAULT_INACTIVE_RETENTION);

        Set<Mechanic> mechanics = EnumSet.of(Mechanic.CORE);
        quiz.ifPresent(q -> mechanics.add(Mechanic.QUIZ));
        spin.ifPresent(s -> mechanics.add(Mechanic.SPIN));
        leaderboard.ifPresent(l -> mechanics.add(Mechanic.LEADERBOARD));
        if (!challenges.isEmpty()) {
            mechanics.add(Mechanic.CHALLENGES);
        }
        if (!badges.isEmpty()) {
            mechanics.add(Mechanic.BADGES);
        }
        if (!tiers.isEmpty()) {
            mechanics.add(Mechanic.TIERS);
        }
        if (!catalogue.isEmpty()) {
            mechanics.add(Mechanic.CATALOGUE);
        }
        outreach.reminders().keySet().forEach(kind -> mechanics.add(Mechanic.of(kind)));
        Texts allTexts = texts.texts(root, mechanics);
        Keywords keywords = keywordReader.read(root);
        keywordReader.checkConflicts(keywords, points.keywords(), "points.earn.keywords");
        io.playloop.mechanic.MechanicSections sections = mechanicSections(root);
        root.finish();
        return new Campaign(id, name, zone, defaultLanguage, languages, active, qualifying, allTexts, keywords,
                points, quiz, spin, challenges, badges, tiers, tierPolicy, leaderboard, catalogue, outreach,
                inactiveRetention, sections);
    }

    /** The sections of registered mechanics ({@link io.playloop.mechanic.Mechanics}), each read by its mechanic. */
    private io.playloop.mechanic.MechanicSections mechanicSections(Fields root) {
        java.util.Map<String, JsonNode> written = new java.util.LinkedHashMap<>();
        for (io.playloop.mechanic.Mechanic<?, ?> mechanic : io.playloop.mechanic.Mechanics.all()) {
            if (root.has(mechanic.id())) {
                written.put(mechanic.id(), root.raw(mechanic.id()));
            }
        }
        return io.playloop.mechanic.MechanicSections.read(written, problems::add);
    }

    /** Checks the format line; false when the file is another version, whose fields mean other things. */
    private boolean format(Fields root) {
        Optional<String> format = root.optionalText("format");
        if (format.isEmpty()) {
            if (!root.has("format")) {
                root.problem("format", "missing: a campaign starts with format: " + Campaign.FORMAT);
            }
            return true;
        }
        if (format.get().equals(Campaign.FORMAT)) {
            return true;
        }
        if (format.get().startsWith("playloop/campaign@")) {
            root.problem("format", "'" + format.get() + "' is not supported: this PlayLoop reads " + Campaign.FORMAT);
            return false;
        }
        root.problem("format", "'" + format.get() + "' is not a PlayLoop campaign format (expected "
                + Campaign.FORMAT + ")");
        return true;
    }

    private ZoneId timeZone(Fields root) {
        String text = root.requiredText("time_zone");
        if (text.isEmpty()) {
            return ZoneOffset.UTC;
        }
        if (!ZoneId.getAvailableZoneIds().contains(text)) {
            root.problem("time_zone", "'" + text + "' is not an IANA time zone (e.g. Europe/Paris, Asia/Riyadh,"
                    + " America/New_York)" + Suggestions.hint(text, ZoneId.getAvailableZoneIds()));
            return ZoneOffset.UTC;
        }
        return ZoneId.of(text);
    }

    private List<String> languages(Fields root) {
        if (!root.has("languages")) {
            root.problem("languages", "missing: list the campaign's languages, e.g. [en, fr, ar]");
            return List.of();
        }
        Set<String> languages = new LinkedHashSet<>();
        for (Fields.Item item : root.list("languages", 1, Campaign.SUPPORTED_LANGUAGES.size())) {
            Fields.textValue(item.path(), item.value(), problems).ifPresent(language -> {
                if (!Campaign.SUPPORTED_LANGUAGES.contains(language)) {
                    problems.add(item.path(), "'" + language + "' is not one of "
                            + String.join(", ", Campaign.SUPPORTED_LANGUAGES));
                } else if (!languages.add(language)) {
                    problems.add(item.path(), "'" + language + "' is listed twice");
                }
            });
        }
        return List.copyOf(languages);
    }

    private String defaultLanguage(Fields root, List<String> languages) {
        String language = root.requiredText("default_language");
        if (!language.isEmpty() && !languages.isEmpty() && !languages.contains(language)) {
            root.problem("default_language", "'" + language + "' is not in languages ("
                    + String.join(", ", languages) + ")");
        }
        return language.isEmpty() && !languages.isEmpty() ? languages.get(0) : language;
    }

    private ActiveWindow activeWindow(Fields root, ZoneId zone) {
        Fields active = root.requiredObject("active");
        Instant start = Instant.EPOCH;
        if (!active.isAbsent()) {
            if (active.has("start")) {
                start = instant(active, "start", zone, false).orElse(Instant.EPOCH);
            } else {
                active.problem("start", "missing");
            }
        }
        Optional<Instant> end = active.has("end") ? instant(active, "end", zone, true) : Optional.empty();
        if (end.isPresent() && !end.get().isAfter(start)) {
            active.problem("end", "must be after active.start");
        }
        active.finish();
        return new ActiveWindow(start, end);
    }

    /**
     * A date-time with offset ({@code 2025-06-01T09:00:00+02:00}), a local date-time in the campaign's
     * zone ({@code 2025-06-01T09:00}) or a date ({@code 2025-06-01}: the start of that day, or for an end
     * the end of that day).
     */
    private Optional<Instant> instant(Fields fields, String key, ZoneId zone, boolean endOfDay) {
        Optional<String> text = fields.optionalText(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(value).atZone(zone).toInstant());
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate date = LocalDate.parse(value);
                    return Optional.of((endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant());
                } catch (DateTimeException notDate) {
                    fields.problem(key, "'" + value + "' is not a date (2025-06-01), a local date-time"
                            + " (2025-06-01T09:00) or a date-time with offset (2025-06-01T09:00:00+02:00)");
                    return Optional.empty();
                }
            }
        }
    }

    private Set<Action> qualifyingActions(Fields root) {
        if (!root.has("qualifying_actions")) {
            return EnumSet.allOf(Action.class);
        }
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (Fields.Item item : root.list("qualifying_actions", 1, Action.values().length)) {
            Fields.textValue(item.path(), item.value(), problems).ifPresent(key -> {
                Optional<Action> action = Action.fromKey(key);
                if (action.isEmpty()) {
                    List<String> names = FormatNames.names(Action.class);
                    problems.add(item.path(), "'" + key + "' is not one of " + String.join(", ", names)
                            + Suggestions.hint(key, names));
                } else if (!actions.add(action.get())) {
                    problems.add(item.path(), "'" + key + "' is listed twice");
                }
            });
        }
        return actions;
    }

    private PointsRules points(Fields root, KeywordReader keywords) {
        Fields points = root.object("points").orElseGet(() -> Fields.absent("points", problems));
        Duration lotExpiry = points.duration("lot_expiry", PointsRules.DEFAULT_LOT_EXPIRY, LOT_EXPIRY_MIN,
                LOT_EXPIRY_MAX);
        Fields earn = points.object("earn").orElseGet(() -> Fields.absent("points.earn", problems));
        Optional<EarnRule> quizCorrect = earn.object("quiz_correct").map(this::earnRule);
        Optional<EarnRule> streakDay = earn.object("streak_day").map(this::earnRule);
        Optional<ReferralRule> referral = earn.object("referral").map(this::referralRule);
        Optional<EarnRule> order = earn.object("order").map(this::earnRule);
        Optional<AmountRule> orderAmount = earn.object("order_amount").map(this::amountRule);
        List<KeywordRule> rules = new ArrayList<>();
        Ids ids = new Ids();
        for (Fields rule : earn.objects("keywords", 0, KEYWORD_RULES_MAX)) {
            String id = ids.unique(rule, Ids.ITEM, Ids.ITEM_RULE);
            var phrases = keywords.rulePhrases(rule);
            long amount = rule.requiredInteger("points", 1, POINTS_MAX);
            Cap cap = cap(rule);
            rule.finish();
            rules.add(new KeywordRule(id, phrases, amount, cap));
        }
        earn.finish();
        points.finish();
        return new PointsRules(lotExpiry, quizCorrect, streakDay, referral, order, rules, orderAmount);
    }

    private EarnRule earnRule(Fields rule) {
        long amount = rule.requiredInteger("points", 1, POINTS_MAX);
        Cap cap = cap(rule);
        rule.finish();
        return new EarnRule(amount, cap);
    }

    private AmountRule amountRule(Fields rule) {
        long amount = rule.requiredInteger("points", 1, POINTS_MAX);
        java.math.BigDecimal per = rule.decimal("per", java.math.BigDecimal.ONE, java.math.BigDecimal.ZERO, false,
                new java.math.BigDecimal("1000000"), 2);
        Cap cap = cap(rule);
        rule.finish();
        return new AmountRule(amount, per, cap);
    }

    private ReferralRule referralRule(Fields rule) {
        long amount = rule.requiredInteger("points", 1, POINTS_MAX);
        long friend = rule.integer("friend_points", 0, 0, POINTS_MAX);
        Cap cap = cap(rule);
        rule.finish();
        return new ReferralRule(amount, friend, cap);
    }

    private Cap cap(Fields rule) {
        Optional<Fields> section = rule.object("cap");
        if (section.isEmpty() || section.get().isAbsent()) {
            return Cap.NONE;
        }
        Fields cap = section.get();
        OptionalLong perDay = cap.optionalInteger("per_day", 1, CAP_MAX);
        OptionalLong perWeek = cap.optionalInteger("per_week", 1, CAP_MAX);
        if (!cap.has("per_day") && !cap.has("per_week")) {
            rule.problem("cap", "give per_day, per_week or both (or leave cap out for no cap)");
        }
        if (perDay.isPresent() && perWeek.isPresent() && perWeek.getAsLong() < perDay.getAsLong()) {
            cap.problem("per_week", "must be >= per_day (" + perDay.getAsLong() + "), not " + perWeek.getAsLong());
        }
        cap.finish();
        return new Cap(perDay, perWeek);
    }

    private Duration inactiveRetention(Fields retention) {
        Duration kept = retention.duration("inactive_customers", Campaign.DEFAULT_INACTIVE_RETENTION, RETENTION_MIN,
                RETENTION_MAX);
        retention.finish();
        return kept;
    }

    private Leaderboard leaderboard(Fields board) {
        Optional<String> period = board.optionalText("period");
        if (period.isPresent() && !period.get().equals("week")) {
            board.problem("period", "'" + period.get() + "': only week is supported by " + Campaign.FORMAT);
        }
        int top = (int) board.integer("top", Leaderboard.DEFAULT_TOP, 1, 20);
        board.finish();
        return new Leaderboard(top);
    }
}
