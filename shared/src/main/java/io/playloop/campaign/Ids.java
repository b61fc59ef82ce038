package io.playloop.campaign;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Identifier rules of the format, and a check that the ids of one list are unique. */
public final class Ids {
    /** Campaign ids: they become table keys, so plain and short. */
    public static final Pattern CAMPAIGN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
    public static final String CAMPAIGN_RULE =
            "must be 1–40 lower-case letters, digits and dashes, not starting or ending with a dash";
    /** Ids of questions, prizes, challenges, badges, tiers and keyword rules. */
    static final Pattern ITEM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    static final String ITEM_RULE = "must be 1–32 lower-case letters, digits, '-' or '_'";
    /** Ids of quiz options: they travel in button and row ids. */
    static final Pattern OPTION = Pattern.compile("[a-z0-9][a-z0-9_-]{0,15}");
    static final String OPTION_RULE = "must be 1–16 lower-case letters, digits, '-' or '_'";

    private final Map<String, String> seen = new HashMap<>();

    Ids() {
    }

    /** Reads the item id at {@code fields.id} and reports it if an earlier item of the list has it. */
    String unique(Fields fields, Pattern pattern, String rule) {
        String id = fields.id("id", pattern, rule);
        if (!id.isEmpty()) {
            String first = seen.putIfAbsent(id, fields.path());
            if (first != null) {
                fields.problem("id", "'" + id + "' is already the id of " + first);
            }
        }
        return id;
    }
}
