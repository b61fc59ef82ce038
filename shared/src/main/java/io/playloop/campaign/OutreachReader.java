package io.playloop.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.playloop.outreach.ContactBudget;
import io.playloop.outreach.Priority;
import io.playloop.outreach.ReminderKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the {@code outreach} section: contact budget, reminders, templates, fees, money budget and send limits.
 * Cross-checks what only makes sense together: a reminder's template must be declared, and each of the
 * template's parameters must be a placeholder of every reminder that sends it.
 */
final class OutreachReader {
    static final int TEMPLATES_MAX = 50;
    static final int PARAMETERS_MAX = 10;
    static final int TEMPLATE_NAME_MAX = 512;
    static final BigDecimal FEE_MAX = new BigDecimal("100");
    static final BigDecimal BUDGET_MAX = new BigDecimal("1000000000");
    static final int SEND_RATE_MAX = 1000;
    static final long MESSAGING_LIMIT_MAX = 1_000_000_000;
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern META_LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern PARAMETER = Pattern.compile("[a-z_]+");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");
    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    private final List<String> languages;
    private final Problems problems;

    OutreachReader(List<String> languages, Problems problems) {
        this.languages = languages;
        this.problems = problems;
    }

    /** The section, or {@link Outreach#NONE} when the file has none. */
    Outreach read(Fields root) {
        Optional<Fields> written = root.object("outreach");
        if (written.isEmpty() || written.get().isAbsent()) {
            return Outreach.NONE;
        }
        Fields outreach = written.get();
        Map<Priority, Priority.WhenOverBudget> overBudget = new EnumMap<>(Priority.class);
        ContactBudget budget = contactBudget(outreach, overBudget);
        Map<ReminderKind, TemplateUse> uses = new EnumMap<>(ReminderKind.class);
        Map<ReminderKind, ReminderRule> reminders = reminders(outreach, uses);
        List<TemplateAt> templates = templates(outreach);
        checkTemplateUses(uses, templates);
        FeeTable fees = outreach.object("fees").map(this::fees).orElse(FeeTable.NONE);
        Optional<BigDecimal> moneyBudget = Optional.ofNullable(
                outreach.decimal("budget", null, BigDecimal.ZERO, false, BUDGET_MAX, 2));
        if (moneyBudget.isPresent() && !outreach.has("fees")) {
            outreach.problem("budget", "needs outreach.fees: without prices every send is estimated at 0 and the"
                    + " budget never runs out");
        }
        SendingLimits sending = outreach.object("sending").map(this::sending).orElse(SendingLimits.DEFAULT);
        outreach.finish();
        Map<String, MessageTemplate> byId = new LinkedHashMap<>();
        templates.forEach(t -> byId.putIfAbsent(t.template().id(), t.template()));
        return new Outreach(budget, overBudget, reminders, byId, fees, moneyBudget, sending);
    }

    // --- contact budget --------------------------------------------------------------------------

    private ContactBudget contactBudget(Fields outreach, Map<Priority, Priority.WhenOverBudget> overBudget) {
        Optional<Fields> written = outreach.object("contact_budget");
        if (written.isEmpty()) {
            return ContactBudget.DEFAULT;
        }
        Fields section = written.get();
        ContactBudget defaults = ContactBudget.DEFAULT;
        int max = (int) section.integer("max_messages", defaults.maxContacts(), 1, 100);
        long days = section.integer("window_days", defaults.window().toDays(), 1, 365);
        LocalTime from = defaults.opensAt();
        LocalTime to = defaults.closesAt();
        Optional<Fields> quiet = section.object("quiet_hours");
        if (quiet.isPresent()) {
            Fields hours = quiet.get();
            from = time(hours, "from", defaults.opensAt());
            to = time(hours, "to", defaults.closesAt());
            if (!to.isAfter(from)) {
                hours.problem("to", "must be after from (" + from + "): messages go out between from and to,"
                        + " customer's local time");
                from = defaults.opensAt();
                to = defaults.closesAt();
            }
            hours.finish();
        }
        section.object("over_budget").ifPresent(policies -> {
            for (Priority priority : Priority.values()) {
                overBudget.put(priority, policies.enumValue(FormatNames.name(priority),
                        Priority.WhenOverBudget.class, priority.whenOverBudget()));
            }
            policies.finish();
        });
        section.finish();
        return new ContactBudget(max, Duration.ofDays(days), from, to);
    }

    /** A local time of day written "HH:MM"; {@code fallback} when absent or wrong. */
    private LocalTime time(Fields fields, String key, LocalTime fallback) {
        JsonNode value = fields.raw(key);
        if (fields.isAbsent() || value == null) {
            return fallback;
        }
        if (value.isNumber()) {
            // A YAML 1.1 reader may turn an unquoted 18:00 into the base-60 number 1080.
            fields.problem(key, "write the time as text, e.g. " + key + ": \"18:00\"");
            return fallback;
        }
        Optional<String> text = Fields.textValue(fields.at(key), value, problems);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            if (TIME.matcher(text.get()).matches()) {
                return LocalTime.parse(text.get());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        fields.problem(key, "'" + text.get() + "' is not a time of day: write HH:MM, 00:00 to 23:59 (e.g. \"09:00\")");
        return fallback;
    }

    // --- reminders -------------------------------------------------------------------------------

    private Map<ReminderKind, ReminderRule> reminders(Fields outreach, Map<ReminderKind, TemplateUse> uses) {
        Map<ReminderKind, ReminderRule> rules = new EnumMap<>(ReminderKind.class);
        Optional<Fields> written = outreach.object("reminders");
        if (written.isEmpty()) {
            return rules;
        }
        Fields section = written.get();
        List<String> names = Arrays.stream(ReminderKind.values()).map(ReminderKind::configKey).toList();
        section.entries().forEach((key, value) -> {
            Optional<ReminderKind> kind = Arrays.stream(ReminderKind.values())
                    .filter(k -> k.configKey().equals(key)).findFirst();
            if (kind.isEmpty()) {
                problems.add(section.at(key), "unknown reminder" + Suggestions.hint(key, names) + "; the reminders are "
                        + String.join(", ", names));
                return;
            }
            // "birthday:" with nothing under it sends the birthday reminder with its defaults.
            Fields rule = Fields.of(section.at(key), Fields.isEmpty(value)
                    ? JsonNodeFactory.instance.objectNode() : value, problems);
            if (!rule.isAbsent()) {
                rules.put(kind.get(), reminder(kind.get(), rule, uses));
            }
        });
        return rules;
    }

    private ReminderRule reminder(ReminderKind kind, Fields rule, Map<ReminderKind, TemplateUse> uses) {
        Duration lead = ReminderRule.defaultLead(kind);
        LocalTime at = ReminderRule.defaultAt(kind);
        long points = 0;
        switch (kind) {
            case INACTIVITY -> lead = Duration.ofDays(rule.integer("after_days", lead.toDays(), 1, 365));
            case REWARD_EXPIRING, POINTS_EXPIRING ->
                    lead = Duration.ofDays(rule.integer("days_before", lead.toDays(), 1, 365));
            case CHALLENGE_UNFINISHED -> lead = Duration.ofHours(rule.integer("hours_before", lead.toHours(), 1, 720));
            case STREAK_AT_RISK, LEADERBOARD_RESULT -> at = time(rule, "at", at);
            case BIRTHDAY -> {
                points = rule.integer("points", 0, 0, CampaignReader.POINTS_MAX);
                at = time(rule, "at", at);
            }
            case FRIEND_JOINED -> {
                // Goes as soon as the friend's qualifying step is in: only a template to choose.
            }
        }
        Optional<String> template = rule.optionalText("template");
        template.ifPresent(id -> uses.put(kind, new TemplateUse(id, rule.at("template"))));
        rule.finish();
        return new ReminderRule(kind, lead, at, points, template);
    }

    // --- templates -------------------------------------------------------------------------------

    private List<TemplateAt> templates(Fields outreach) {
        List<TemplateAt> templates = new ArrayList<>();
        Ids ids = new Ids();
        for (Fields item : outreach.objects("templates", 0, TEMPLATES_MAX)) {
            String id = ids.unique(item, Ids.ITEM, Ids.ITEM_RULE);
            String name = item.requiredText("name");
            if (!name.isEmpty() && (!TEMPLATE_NAME.matcher(name).matches() || name.length() > TEMPLATE_NAME_MAX)) {
                item.problem("name", "'" + name + "' is not a WhatsApp template name: 1–" + TEMPLATE_NAME_MAX
                        + " lower-case letters, digits and '_', exactly as approved in WhatsApp Manager");
            }
            TemplateCategory category = item.enumValue("category", TemplateCategory.class, null);
            Map<String, String> codes = languageCodes(item);
            List<String> parameters = new ArrayList<>();
            List<String> parameterPaths = new ArrayList<>();
            for (Fields.Item parameter : item.list("parameters", 0, PARAMETERS_MAX)) {
                Fields.textValue(parameter.path(), parameter.value(), problems).ifPresent(p -> {
                    if (!PARAMETER.matcher(p).matches()) {
                        String inner = p.replaceAll("[{}\\s]", "").toLowerCase(Locale.ROOT);
                        problems.add(parameter.path(), "'" + p + "' is not a placeholder name (write " + inner
                                + ", without braces)");
                        return;
                    }
                    parameters.add(p);
                    parameterPaths.add(parameter.path());
                });
            }
            item.finish();
            templates.add(new TemplateAt(new MessageTemplate(id, name,
                    category == null ? TemplateCategory.MARKETING : category, codes, parameters), parameterPaths,
                    item.path()));
        }
        return templates;
    }

    private Map<String, String> languageCodes(Fields template) {
        Map<String, String> codes = new LinkedHashMap<>();
        if (!template.has("languages")) {
            template.problem("languages", "missing: the Meta language code of each campaign language's approved"
                    + " translation, e.g. {en: en_US, fr: fr, ar: ar}");
            return codes;
        }
        Fields section = Fields.of(template.at("languages"), template.raw("languages"), problems);
        Map<String, JsonNode> entries = section.entries();
        entries.forEach((language, value) -> {
            String path = section.at(language);
            if (!languages.contains(language)) {
                problems.add(path, "'" + language + "' is not a language of this campaign ("
                        + String.join(", ", languages) + ")");
                return;
            }
            Fields.textValue(path, value, problems).ifPresent(code -> {
                if (!META_LANGUAGE.matcher(code).matches()) {
                    problems.add(path, "'" + code + "' is not a Meta language code (e.g. en, en_US, fr, ar, pt_BR)");
                } else {
                    codes.put(language, code);
                }
            });
        });
        if (!section.isAbsent()) {
            for (String language : languages) {
                if (!entries.containsKey(language)) {
                    problems.add(section.at(language), "missing: a customer who reads " + language
                            + " could not get this template outside the 24-hour window");
                }
            }
        }
        // Keep the campaign's language order, whatever the file's.
        Map<String, String> ordered = new LinkedHashMap<>();
        languages.stream().filter(codes::containsKey).forEach(l -> ordered.put(l, codes.get(l)));
        return ordered;
    }

    /** Every template a reminder names is declared, fits the reminder's placeholders and may carry it. */
    private void checkTemplateUses(Map<ReminderKind, TemplateUse> uses, List<TemplateAt> templates) {
        Map<String, TemplateAt> byId = new LinkedHashMap<>();
        templates.forEach(t -> byId.putIfAbsent(t.template().id(), t));
        uses.forEach((kind, use) -> {
            TemplateAt template = byId.get(use.id());
            if (template == null) {
                problems.add(use.path(), "'" + use.id() + "' is not a declared template"
                        + (byId.isEmpty() ? " (outreach.templates is empty)"
                        : Suggestions.hint(use.id(), byId.keySet()) + " (" + String.join(", ", byId.keySet()) + ")"));
            } else if (template.template().category() == TemplateCategory.AUTHENTICATION) {
                problems.add(use.path(), "'" + use.id() + "' is an authentication template: those carry one-time"
                        + " passcodes only, a reminder cannot use one");
            }
        });
        for (TemplateAt template : templates) {
            List<ReminderKind> users = uses.entrySet().stream()
                    .filter(e -> e.getValue().id().equals(template.template().id())).map(Map.Entry::getKey).toList();
            List<String> parameters = template.template().parameters();
            for (int i = 0; i < parameters.size(); i++) {
                String parameter = parameters.get(i);
                String path = template.parameterPaths().get(i);
                if (users.isEmpty()) {
                    boolean filledSomewhere = Arrays.stream(ReminderKind.values())
                            .anyMatch(k -> ReminderPlaceholders.of(k).contains(parameter));
                    if (!filledSomewhere) {
                        problems.add(path, "'" + parameter + "' is not a placeholder any reminder fills");
                    }
                    continue;
                }
                for (ReminderKind kind : users) {
                    Set<String> allowed = ReminderPlaceholders.of(kind);
                    if (!allowed.contains(parameter)) {
                        problems.add(path, "'" + parameter + "' is not filled in the " + kind.configKey()
                                + " reminder, which uses this template" + Suggestions.hint(parameter, allowed)
                                + "; it can use " + String.join(", ", new TreeSet<>(allowed)));
                    }
                }
            }
        }
    }

    // --- fees, sending ---------------------------------------------------------------------------

    private FeeTable fees(Fields section) {
        String currency = section.requiredText("currency");
        if (!currency.isEmpty() && !isCurrency(currency)) {
            section.problem("currency", "'" + currency + "' is not an ISO-4217 currency code (e.g. EUR, USD, GBP)");
        }
        Map<TemplateCategory, BigDecimal> defaults = section.object("default").map(this::prices).orElse(Map.of());
        Map<String, Map<TemplateCategory, BigDecimal>> byRegion = new LinkedHashMap<>();
        section.object("countries").ifPresent(countries -> countries.entries().forEach((region, value) -> {
            String path = countries.at(region);
            if (!REGION.matcher(region).matches() || !REGIONS.contains(region)) {
                String upper = region.toUpperCase(Locale.ROOT);
                problems.add(path, "'" + region + "' is not an ISO-3166 country code: two capital letters"
                        + (REGIONS.contains(upper) && !upper.equals(region) ? " (write " + upper + ")" : ", e.g. FR, MA, AE"));
                return;
            }
            Fields prices = Fields.of(path, value, problems);
            byRegion.put(region, prices(prices));
        }));
        section.finish();
        return new FeeTable(currency.isEmpty() ? FeeTable.NONE.currency() : currency, defaults, byRegion);
    }

    private static boolean isCurrency(String code) {
        if (!CURRENCY.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Map<TemplateCategory, BigDecimal> prices(Fields prices) {
        Map<TemplateCategory, BigDecimal> byCategory = new EnumMap<>(TemplateCategory.class);
        for (TemplateCategory category : TemplateCategory.values()) {
            String key = FormatNames.name(category);
            if (prices.has(key)) {
                BigDecimal price = prices.decimal(key, null, BigDecimal.ZERO, true, FEE_MAX, 6);
                if (price != null) {
                    byCategory.put(category, price);
                }
            }
        }
        prices.finish();
        return byCategory;
    }

    private SendingLimits sending(Fields section) {
        int perSecond = (int) section.integer("per_second", SendingLimits.DEFAULT.perSecond(), 1, SEND_RATE_MAX);
        int limit = (int) section.integer("messaging_limit", SendingLimits.DEFAULT.messagingLimit(), 1,
                MESSAGING_LIMIT_MAX);
        section.finish();
        return new SendingLimits(perSecond, limit);
    }

    /** A reminder's {@code template:} reference and where it is written. */
    private record TemplateUse(String id, String path) {
    }

    /** A template read, with where its parameters are written (for problems found later). */
    private record TemplateAt(MessageTemplate template, List<String> parameterPaths, String path) {
    }
}
