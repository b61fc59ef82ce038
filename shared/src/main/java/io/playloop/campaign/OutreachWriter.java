package io.playloop.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.outreach.ContactBudget;
import io.playloop.outreach.Priority;
import io.playloop.outreach.ReminderKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code outreach} section back in the campaign format, every default spelled out, so that the
 * stored JSON reads back into an equal {@link Outreach}.
 */
final class OutreachWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private OutreachWriter() {
    }

    static ObjectNode write(Outreach outreach, List<String> languages) {
        ObjectNode node = NODES.objectNode();
        node.set("contact_budget", contactBudget(outreach));
        ObjectNode reminders = node.putObject("reminders");
        outreach.reminders().values().forEach(rule -> reminders.set(rule.kind().configKey(), reminder(rule)));
        ArrayNode templates = node.putArray("templates");
        outreach.templates().values().forEach(t -> templates.add(template(t, languages)));
        node.set("fees", fees(outreach.fees()));
        outreach.moneyBudget().ifPresent(budget -> node.set("budget", number(budget)));
        ObjectNode sending = node.putObject("sending");
        sending.put("per_second", outreach.sending().perSecond());
        sending.put("messaging_limit", outreach.sending().messagingLimit());
        return node;
    }

    private static ObjectNode contactBudget(Outreach outreach) {
        ContactBudget budget = outreach.contactBudget();
        ObjectNode node = NODES.objectNode();
        node.put("max_messages", budget.maxContacts());
        node.put("window_days", budget.window().toDays());
        ObjectNode quiet = node.putObject("quiet_hours");
        quiet.put("from", budget.opensAt().toString());
        quiet.put("to", budget.closesAt().toString());
        ObjectNode overBudget = node.putObject("over_budget");
        for (Priority priority : Priority.values()) {
            overBudget.put(FormatNames.name(priority), FormatNames.name(outreach.whenOverBudget(priority)));
        }
        return node;
    }

    private static ObjectNode reminder(ReminderRule rule) {
        ObjectNode node = NODES.objectNode();
        ReminderKind kind = rule.kind();
        switch (kind) {
            case INACTIVITY -> node.put("after_days", rule.lead().toDays());
            case REWARD_EXPIRING, POINTS_EXPIRING -> node.put("days_before", rule.lead().toDays());
            case CHALLENGE_UNFINISHED -> node.put("hours_before", rule.lead().toHours());
            case STREAK_AT_RISK, LEADERBOARD_RESULT -> node.put("at", rule.at().toString());
            case BIRTHDAY -> {
                node.put("points", rule.points());
                node.put("at", rule.at().toString());
            }
            case FRIEND_JOINED -> {
                // only the template
            }
        }
        rule.templateId().ifPresent(id -> node.put("template", id));
        return node;
    }

    private static ObjectNode template(MessageTemplate template, List<String> languages) {
        ObjectNode node = NODES.objectNode();
        node.put("id", template.id());
        node.put("name", template.name());
        node.put("category", FormatNames.name(template.category()));
        ObjectNode codes = node.putObject("languages");
        for (String language : languages) {
            String code = template.languageCodes().get(language);
            if (code != null) {
                codes.put(language, code);
            }
        }
        ArrayNode parameters = node.putArray("parameters");
        template.parameters().forEach(parameters::add);
        return node;
    }

    private static ObjectNode fees(FeeTable fees) {
        ObjectNode node = NODES.objectNode();
        node.put("currency", fees.currency());
        node.set("default", prices(fees.defaults()));
        ObjectNode countries = node.putObject("countries");
        fees.byRegion().forEach((region, prices) -> countries.set(region, prices(prices)));
        return node;
    }

    private static ObjectNode prices(Map<TemplateCategory, BigDecimal> prices) {
        ObjectNode node = NODES.objectNode();
        for (TemplateCategory category : TemplateCategory.values()) {
            BigDecimal price = prices.get(category);
            if (price != null) {
                node.set(FormatNames.name(category), number(price));
            }
        }
        return node;
    }

    /** Whole numbers as integers, others as exact decimals. */
    private static JsonNode number(BigDecimal value) {
        return value.scale() <= 0 ? NODES.numberNode(value.longValueExact()) : NODES.numberNode(value);
    }
}
