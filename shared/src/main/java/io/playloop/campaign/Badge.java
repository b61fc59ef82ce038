package io.playloop.campaign;

import java.util.Objects;

/**
 * A badge: its own record per customer, awarded at most once.
 *
 * @param id      unique in the campaign
 * @param name    per language (a list row title: at most 24 characters)
 * @param trigger what earns it
 */
public record Badge(String id, LocalizedText name, BadgeTrigger trigger) {
    public Badge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
    }
}
