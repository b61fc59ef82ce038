package io.playloop.campaign;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A WhatsApp message template approved in WhatsApp Manager, as a reminder uses it outside the customer's
 * 24-hour window (where only templates may be sent). The campaign declares it so that the payload matches
 * the approved template exactly: a wrong name or language fails with 132001, a wrong parameter count with
 * 132000.
 *
 * @param id            how reminders refer to it in the campaign file
 * @param name          the name as approved in WhatsApp Manager ({@code [a-z0-9_]}, at most 512)
 * @param category      the approved category, which prices each delivered message
 * @param languageCodes campaign language to Meta language code ({@code en -> en_US}); every campaign language
 * @param parameters    the placeholders that fill the body's {@code {{1}}, {{2}}, ...}, in that order
 */
public record MessageTemplate(String id, String name, TemplateCategory category, Map<String, String> languageCodes,
                              List<String> parameters) {
    public MessageTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        // Keeps the file's order, so the canonical JSON is stable.
        languageCodes = Collections.unmodifiableMap(new LinkedHashMap<>(languageCodes));
        parameters = List.copyOf(parameters);
    }

    /**
     * The Meta language code of the approved translation for a campaign language.
     *
     * @throws IllegalArgumentException if the template has no translation for it (the loader refuses such a
     *                                  campaign, so this is a programming error)
     */
    public String languageCode(String campaignLanguage) {
        String code = languageCodes.get(campaignLanguage);
        if (code == null) {
            throw new IllegalArgumentException("template " + id + " has no language code for '" + campaignLanguage
                    + "'");
        }
        return code;
    }
}
