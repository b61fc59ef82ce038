package io.playloop.whatsapp.outbound;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An interactive list: a button that opens up to 10 rows in 1 to 10 sections.
 *
 * @param buttonLabel the label of the button that opens the list (at most 20)
 */
public record ListMessage(String to, String header, String body, String footer, String buttonLabel,
                          List<Section> sections) implements OutboundMessage {

    /** A titled group of rows (title at most 24). */
    public record Section(String title, List<Row> rows) {
        public Section {
            Limits.required(title, "section.title", Limits.SECTION_TITLE);
            if (rows == null || rows.isEmpty()) {
                throw new IllegalArgumentException("section '" + title + "' has no rows");
            }
            rows = List.copyOf(rows);
        }
    }

    /** One choice: the id comes back in {@code interactive.list_reply.id}. */
    public record Row(String id, String title, String description) {
        public Row {
            Limits.required(id, "row.id", Limits.ROW_ID);
            Limits.required(title, "row.title", Limits.ROW_TITLE);
            Limits.optional(description, "row.description", Limits.ROW_DESCRIPTION);
        }
    }

    public ListMessage {
        Limits.recipient(to);
        Limits.optional(header, "interactive.header.text", Limits.HEADER_TEXT);
        Limits.required(body, "interactive.body.text", Limits.INTERACTIVE_BODY);
        Limits.optional(footer, "interactive.footer.text", Limits.FOOTER_TEXT);
        Limits.required(buttonLabel, "interactive.action.button", Limits.LIST_BUTTON_LABEL);
        if (sections == null || sections.isEmpty() || sections.size() > Limits.MAX_SECTIONS) {
            throw new IllegalArgumentException("a list needs 1 to " + Limits.MAX_SECTIONS + " sections");
        }
        sections = List.copyOf(sections);
        int rows = 0;
        Set<String> ids = new HashSet<>();
        for (Section s : sections) {
            for (Row r : s.rows()) {
                rows++;
                if (!ids.add(r.id())) {
                    throw new IllegalArgumentException("row ids must be unique: " + r.id());
                }
            }
        }
        if (rows > Limits.MAX_ROWS) {
            throw new IllegalArgumentException("a list holds at most " + Limits.MAX_ROWS + " rows across all sections, got "
                    + rows);
        }
    }

    @Override
    public String bodyText() {
        return body;
    }
}
