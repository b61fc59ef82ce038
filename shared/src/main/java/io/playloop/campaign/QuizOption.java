package io.playloop.campaign;

import java.util.Objects;

/**
 * One answer a question offers: a reply button (2–3 options) or a list row (4–10 options).
 *
 * @param id   short id, unique in its question; part of the button or row id PlayLoop sends
 * @param text the button or row title per language
 */
public record QuizOption(String id, LocalizedText text) {
    public QuizOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
