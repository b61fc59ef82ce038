package io.playloop.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one field of a shop's JSON (either format) into a value within {@link CommerceLimits}, or adds a
 * problem naming the field: each returns null when it added one.
 */
final class JsonFields {
    private JsonFields() {
    }

    /** An order, refund or update id: an integer or a string (see {@link CommerceLimits#idProblem}). */
    static String id(JsonNode node, String field, List<String> problems) {
        String rule = "required, a number or a string of 1 to " + CommerceLimits.MAX_ID_LENGTH
                + " characters without control characters";
        if (node == null || !(node.isIntegralNumber() || node.isTextual())) {
            problems.add(field + ": " + rule);
            return null;
        }
        String id = node.asText().strip();
        Optional<String> problem = CommerceLimits.idProblem(id);
        if (problem.isPresent()) {
            problems.add(field + ": " + problem.get() + "; " + rule);
            return null;
        }
        return id;
    }

    /** An amount (see {@link CommerceLimits#amount}), given as a string or a JSON number. */
    static BigDecimal amount(JsonNode node, String field, List<String> problems) {
        Optional<BigDecimal> value = Optional.empty();
        if (node != null && node.isTextual()) {
            value = CommerceLimits.amount(node.asText());
        } else if (node != null && node.isNumber()
                && !(node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue()))) {
            value = CommerceLimits.amount(node.asText());
        }
        if (value.isEmpty()) {
            problems.add(field + ": required, " + CommerceLimits.amountRule());
            return null;
        }
        return value.get();
    }

    /** An ISO 4217 code, upper-cased. */
    static String currency(JsonNode node, String field, List<String> problems) {
        if (node != null && node.isTextual() && node.asText().strip().matches("[A-Za-z]{3}")) {
            return node.asText().strip().toUpperCase(Locale.ROOT);
        }
        problems.add(field + ": required (an ISO 4217 code such as \"EUR\")");
        return null;
    }

    /** A date-time with offset, from 2000 to a day after {@code now}. */
    static Instant time(JsonNode node, String field, Instant now, List<String> problems) {
        Optional<Instant> at = node != null && node.isTextual() ? CommerceLimits.instant(node.asText())
                : Optional.empty();
        if (at.isEmpty()) {
            problems.add(field + ": required, an ISO-8601 date-time with offset (e.g. \"2026-11-23T10:15:30+01:00\")");
            return null;
        }
        Optional<String> problem = CommerceLimits.timeProblem(at.get(), now);
        if (problem.isPresent()) {
            problems.add(field + ": " + problem.get() + "; a date from 2000 to a day after now");
            return null;
        }
        return at.get();
    }

    /** A date-time with offset if {@code node} holds one, else empty (for fields only used as hints). */
    static Optional<Instant> optionalTime(JsonNode node) {
        return node != null && node.isTextual() ? CommerceLimits.instant(node.asText()) : Optional.empty();
    }
}
