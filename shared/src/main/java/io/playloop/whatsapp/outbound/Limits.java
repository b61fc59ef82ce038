package io.playloop.whatsapp.outbound;

/** Meta's published limits for outbound messages, counted in Unicode code points. */
final class Limits {
    static final int TEXT_BODY = 4096;
    static final int INTERACTIVE_BODY = 1024;
    static final int HEADER_TEXT = 60;
    static final int FOOTER_TEXT = 60;
    static final int MAX_BUTTONS = 3;
    static final int BUTTON_TITLE = 20;
    static final int BUTTON_ID = 256;
    static final int LIST_BUTTON_LABEL = 20;
    static final int MAX_SECTIONS = 10;
    static final int MAX_ROWS = 10;
    static final int SECTION_TITLE = 24;
    static final int ROW_ID = 200;
    static final int ROW_TITLE = 24;
    static final int ROW_DESCRIPTION = 72;
    static final int TEMPLATE_NAME = 512;
    /** A template's body, with its parameters filled in, holds at most 1,024 characters. */
    static final int TEMPLATE_BODY = 1024;
    private static final java.util.regex.Pattern TEMPLATE_NAME_CHARS = java.util.regex.Pattern.compile("[a-z0-9_]+");

    private Limits() {
    }

    static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return optional(value, field, max);
    }

    static String optional(String value, String field, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw new IllegalArgumentException(field + " has " + value.codePointCount(0, value.length())
                    + " characters; WhatsApp allows at most " + max);
        }
        return value;
    }

    /** Meta's rule for template names: lower-case letters, digits and underscores, at most 512. */
    static String templateName(String name) {
        required(name, "template.name", TEMPLATE_NAME);
        if (!TEMPLATE_NAME_CHARS.matcher(name).matches()) {
            throw new IllegalArgumentException("template.name '" + name
                    + "' may hold only lower-case letters, digits and underscores");
        }
        return name;
    }

    static String recipient(String to) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("to must name a recipient (E.164 number or BSUID)");
        }
        return to;
    }
}
