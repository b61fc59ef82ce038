package io.playloop.whatsapp.outbound;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An approved message template: the only kind Meta delivers outside the 24-hour customer-service window.
 * The text lives at Meta (approved per name and language); PlayLoop sends the name, the language and the
 * body's {@code {{1}}}, {@code {{2}}}, ... parameters in order.
 *
 * @param to             the recipient: a phone number in E.164 with '+', or a BSUID
 * @param name           the template's name as approved ({@code [a-z0-9_]}, at most 512 characters)
 * @param languageCode   the approved language, e.g. {@code en}, {@code fr}, {@code ar}, {@code en_US}
 * @param bodyParameters the body's parameters in order; empty for a template without parameters
 */
public record TemplateMessage(String to, String name, String languageCode, List<String> bodyParameters)
        implements OutboundMessage {
    /** A parameter Meta refuses (error 132018): a newline, a tab, or more than 4 consecutive spaces. */
    private static final Pattern REFUSED_IN_PARAMETER = Pattern.compile("[\\n\\r\\t]| {5,}");

    public TemplateMessage {
        Limits.recipient(to);
        Limits.templateName(name);
        if (languageCode == null || languageCode.isBlank()) {
            throw new IllegalArgumentException("template.language.code must not be blank");
        }
        bodyParameters = bodyParameters == null ? List.of() : List.copyOf(bodyParameters);
        int total = 0;
        for (int i = 0; i < bodyParameters.size(); i++) {
            String field = "template body parameter {{" + (i + 1) + "}}";
            String parameter = Limits.required(bodyParameters.get(i), field, Limits.TEMPLATE_BODY);
            if (REFUSED_IN_PARAMETER.matcher(parameter).find()) {
                throw new IllegalArgumentException(field + " contains a newline, a tab or more than 4 consecutive"
                        + " spaces, which WhatsApp refuses in template parameters (error 132018)");
            }
            total += parameter.codePointCount(0, parameter.length());
        }
        if (total > Limits.TEMPLATE_BODY) {
            throw new IllegalArgumentException("template body parameters have " + total
                    + " characters together; WhatsApp allows at most " + Limits.TEMPLATE_BODY);
        }
    }

    /** The parameters joined with " | ": what logs and outbox readers show (the template's text is at Meta). */
    @Override
    public String bodyText() {
        return String.join(" | ", bodyParameters);
    }
}
