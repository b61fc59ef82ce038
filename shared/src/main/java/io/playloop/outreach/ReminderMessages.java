package io.playloop.outreach;

import io.playloop.campaign.Campaign;
import io.playloop.campaign.Command;
import io.playloop.campaign.MessageTemplate;
import io.playloop.campaign.TextKey;
import io.playloop.engine.BidiIsolate;
import io.playloop.engine.CommandIds;
import io.playloop.text.Dates;
import io.playloop.whatsapp.outbound.ButtonMessage;
import io.playloop.whatsapp.outbound.OutboundMessage;
import io.playloop.whatsapp.outbound.TemplateMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure: a reminder as the customer receives it. Inside the window, the campaign's text with buttons to play and to
 * see the points; outside, the declared template with its body parameters filled in the template's order.
 */
public final class ReminderMessages {
    /** Values a reader may see in a right-to-left text: wrapped in first-strong isolates so they keep their order. */
    private static final Set<String> ISOLATED = Set.of("name", "tier", "reward", "challenge", "next_tier", "code");
    /** What a template parameter says when its value is unknown: Meta refuses empty parameters (132000). */
    private static final String UNKNOWN = "-";

    private ReminderMessages() {
    }

    /** The placeholder values of {@code reminder} in the customer's language, {@code progress} rendered. */
    public static Map<String, String> values(Campaign campaign, String language, DueReminder reminder) {
        Map<String, String> values = new HashMap<>(reminder.values());
        values.computeIfPresent("week", (name, week) -> Dates.week(week, language));
        if (reminder.kind() == ReminderKind.INACTIVITY) {
            if (values.containsKey("missing")) {
                values.put("progress", campaign.texts().render(language, textKey("reminder_progress"),
                        isolated(values)));
            } else if (values.containsKey("at_top") && values.containsKey("tier")) {
                values.put("progress", campaign.texts().render(language, textKey("reminder_progress_top"),
                        isolated(values)));
            }
        }
        return values;
    }

    /** The free-form message (inside the window). */
    public static OutboundMessage freeForm(Campaign campaign, String to, String language, DueReminder reminder) {
        String body = campaign.texts().render(language, textKey(reminder.kind().textKey()),
                isolated(values(campaign, language, reminder)));
        List<ButtonMessage.Button> buttons = new ArrayList<>();
        buttons.add(new ButtonMessage.Button(CommandIds.of(Command.PLAY),
                campaign.texts().render(language, TextKey.BUTTON_PLAY, Map.of())));
        buttons.add(new ButtonMessage.Button(CommandIds.of(Command.POINTS),
                campaign.texts().render(language, TextKey.BUTTON_POINTS, Map.of())));
        return new ButtonMessage(to, null, body, null, buttons);
    }

    /** The template message (outside the window). */
    public static OutboundMessage template(Campaign campaign, String to, String language, DueReminder reminder,
                                           MessageTemplate template) {
        Map<String, String> values = values(campaign, language, reminder);
        Map<String, String> fallbacks = campaign.texts().fallbacks().getOrDefault(language, Map.of());
        List<String> parameters = new ArrayList<>();
        for (String name : template.parameters()) {
            String value = values.getOrDefault(name, fallbacks.getOrDefault(name, UNKNOWN));
            // Meta refuses a parameter holding a newline, a tab or more than 4 spaces in a row (132018).
            parameters.add(value.isBlank() ? UNKNOWN : value.replaceAll("[\\r\\n\\t]+", " ").replaceAll(" {5,}", "    "));
        }
        return new TemplateMessage(to, template.name(), template.languageCode(language), parameters);
    }

    private static Map<String, String> isolated(Map<String, String> values) {
        Map<String, String> out = new HashMap<>(values);
        out.replaceAll((k, v) -> ISOLATED.contains(k) ? BidiIsolate.of(v) : v);
        return out;
    }

    static TextKey textKey(String key) {
        return TextKey.fromKey(key)
                .orElseThrow(() -> new IllegalStateException("no campaign text " + key + " (the format lacks it)"));
    }
}
