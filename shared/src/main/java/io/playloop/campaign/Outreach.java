package io.playloop.campaign;

import io.playloop.outreach.ContactBudget;
import io.playloop.outreach.Priority;
import io.playloop.outreach.ReminderKind;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the campaign reaches out on its own (the {@code outreach} section): which reminders the scheduler sends,
 * how often a customer may be contacted, which approved templates carry reminders outside the 24-hour window,
 * what that costs and how fast it may go. Kept apart from the games so that a campaign without it plays the
 * same and sends nothing proactive.
 *
 * @param contactBudget how many proactive messages a customer may get, and when (local quiet hours)
 * @param overBudget    per priority class, what happens over budget; every class is present (the constructor
 *                      fills in {@link Priority#whenOverBudget()} for the ones not given)
 * @param reminders     the configured reminders; a kind left out is never sent
 * @param templates     the declared templates by id, in file order
 * @param fees          Meta's prices, for the cost estimate
 * @param moneyBudget   what proactive sends may cost in total, in {@code fees.currency}; empty for no limit
 * @param sending       send rate and messaging-limit tier
 */
public record Outreach(ContactBudget contactBudget, Map<Priority, Priority.WhenOverBudget> overBudget,
                       Map<ReminderKind, ReminderRule> reminders, Map<String, MessageTemplate> templates,
                       FeeTable fees, Optional<BigDecimal> moneyBudget, SendingLimits sending) {
    /** No outreach section: default budget, no reminders, no templates, no prices, no money limit. */
    public static final Outreach NONE = new Outreach(ContactBudget.DEFAULT, Map.of(), Map.of(), Map.of(),
            FeeTable.NONE, Optional.empty(), SendingLimits.DEFAULT);

    public Outreach {
        Objects.requireNonNull(contactBudget, "contactBudget");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(moneyBudget, "moneyBudget");
        Objects.requireNonNull(sending, "sending");
        Map<Priority, Priority.WhenOverBudget> policies = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            policies.put(priority, priority.whenOverBudget());
        }
        overBudget.forEach((priority, policy) -> policies.put(Objects.requireNonNull(priority, "priority"),
                Objects.requireNonNull(policy, "policy")));
        overBudget = Collections.unmodifiableMap(policies);
        Map<ReminderKind, ReminderRule> rules = new EnumMap<>(ReminderKind.class);
        reminders.forEach((kind, rule) -> {
            if (rule.kind() != kind) {
                throw new IllegalArgumentException("reminders: " + kind + " maps to a rule of " + rule.kind());
            }
            rules.put(kind, rule);
        });
        reminders = Collections.unmodifiableMap(rules);
        Map<String, MessageTemplate> byId = new LinkedHashMap<>();
        templates.forEach((id, template) -> {
            if (!template.id().equals(id)) {
                throw new IllegalArgumentException("templates: '" + id + "' maps to template " + template.id());
            }
            byId.put(id, template);
        });
        templates = Collections.unmodifiableMap(byId);
        moneyBudget.ifPresent(budget -> {
            if (budget.signum() <= 0) {
                throw new IllegalArgumentException("moneyBudget: must be > 0, was " + budget);
            }
        });
    }

    /** The rule of a reminder, empty when the campaign does not send it. */
    public Optional<ReminderRule> reminder(ReminderKind kind) {
        return Optional.ofNullable(reminders.get(kind));
    }

    /** What a message of {@code priority} does when the customer's budget is used up. */
    public Priority.WhenOverBudget whenOverBudget(Priority priority) {
        return overBudget.getOrDefault(priority, priority.whenOverBudget());
    }

    /** The declared template with this id. */
    public Optional<MessageTemplate> template(String id) {
        return Optional.ofNullable(templates.get(id));
    }
}
