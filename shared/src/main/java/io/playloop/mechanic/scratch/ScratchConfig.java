package io.playloop.mechanic.scratch;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.games.spin.Prize;
import io.playloop.games.spin.PrizeBudget;
import io.playloop.games.spin.Wheel;
import io.playloop.mechanic.ConfigProblems;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The campaign's {@code scratch:} section: the card's prizes, each with a weight, a kind, a value, names per language,
 * an optional budget per day and in total, and (discounts) how long its code is valid.
 *
 * @param prizes the prizes, in file order
 */
public record ScratchConfig(List<ScratchPrize> prizes) {
    static final Duration DEFAULT_VALID_FOR = Duration.ofDays(30);
    private static final Set<String> PRIZE_KEYS = Set.of("id", "name", "kind", "value", "weight", "budget",
            "valid_for");

    public ScratchConfig {
        prizes = List.copyOf(prizes);
    }

    /** What a prize gives. */
    public enum Kind { PERCENT_DISCOUNT, BONUS_POINTS, TRY_AGAIN }

    /**
     * One prize of the card.
     *
     * @param names    language to name (at least the campaign's default language's)
     * @param value    the percentage off or the points; 0 for try again
     * @param budget   wins per day (campaign-local day) and in total, unlimited when absent
     * @param validFor how long a discount's code works
     */
    public record ScratchPrize(String id, Map<String, String> names, Kind kind, int value, int weight,
                               PrizeBudget budget, Duration validFor) {
        public ScratchPrize {
            Objects.requireNonNull(id, "id");
            names = Map.copyOf(names);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(budget, "budget");
            Objects.requireNonNull(validFor, "validFor");
        }

        /** Its name in {@code language}, else in English, else its id. */
        public String name(String language) {
            return names.getOrDefault(language, names.getOrDefault("en", names.values().stream().findFirst()
                    .orElse(id)));
        }

        boolean budgeted() {
            return budget.perDay().isPresent() || budget.total().isPresent();
        }

        Prize asWheelPrize() {
            return switch (kind) {
                case PERCENT_DISCOUNT -> Prize.percentOff(id, value);
                case BONUS_POINTS -> Prize.bonusPoints(id, value);
                case TRY_AGAIN -> Prize.tryAgain(id);
            };
        }
    }

    public Optional<ScratchPrize> prize(String id) {
        return prizes.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The weighted draw over the prizes (the wheel's). */
    Wheel wheel() {
        Wheel.Builder wheel = Wheel.builder();
        prizes.forEach(p -> wheel.add(p.asWheelPrize(), p.weight()));
        return wheel.build();
    }

    /** Reads the section; null after reporting problems. */
    static ScratchConfig read(JsonNode section, ConfigProblems problems) {
        List<ScratchPrize> prizes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Problems seen = new Problems(problems);
        section.fieldNames().forEachRemaining(key -> {
            if (!key.equals("prizes")) {
                seen.add(key, "unknown key (scratch: has prizes, texts and keywords)");
            }
        });
        JsonNode list = section.get("prizes");
        if (list == null || !list.isArray() || list.isEmpty()) {
            seen.add("prizes", "missing: a scratch card needs at least one prize");
            return null;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "prizes[" + i + "]";
            JsonNode p = list.get(i);
            if (!p.isObject()) {
                seen.add(at, "must be a mapping");
                continue;
            }
            p.fieldNames().forEachRemaining(key -> {
                if (!PRIZE_KEYS.contains(key)) {
                    seen.add(at + "." + key, "unknown key (a prize has " + String.join(", ",
                            PRIZE_KEYS.stream().sorted().toList()) + ")");
                }
            });
            String id = text(p, "id");
            if (id == null || !id.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
                seen.add(at + ".id", "must be lower-case letters, digits, - and _ (at most 32)");
                id = "prize" + i;
            } else if (!ids.add(id)) {
                seen.add(at + ".id", "'" + id + "' is used twice");
            }
            Kind kind = null;
            String kindText = text(p, "kind");
            try {
                kind = kindText == null ? null : Kind.valueOf(kindText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (kind == null) {
                seen.add(at + ".kind", "must be percent_discount, bonus_points or try_again");
                kind = Kind.TRY_AGAIN;
            }
            int value = 0;
            if (kind != Kind.TRY_AGAIN) {
                JsonNode v = p.get("value");
                if (v == null || !v.canConvertToInt() || v.asInt() <= 0
                        || kind == Kind.PERCENT_DISCOUNT && v.asInt() > 100) {
                    seen.add(at + ".value", kind == Kind.PERCENT_DISCOUNT ? "a percentage from 1 to 100"
                            : "a positive number of points");
                } else {
                    value = v.asInt();
                }
            }
            JsonNode w = p.get("weight");
            int weight = 1;
            if (w == null || !w.canConvertToInt() || w.asInt() <= 0) {
                seen.add(at + ".weight", "must be a whole number > 0");
            } else {
                weight = w.asInt();
            }
            Map<String, String> names = new LinkedHashMap<>();
            JsonNode n = p.get("name");
            if (n == null || !n.isObject() || n.isEmpty()) {
                seen.add(at + ".name", "missing: a name per language, e.g. { en: \"10% off\" }");
            } else {
                n.fields().forEachRemaining(e -> {
                    if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                        names.put(e.getKey(), e.getValue().asText());
                    } else {
                        seen.add(at + ".name." + e.getKey(), "must be a text");
                    }
                });
            }
            PrizeBudget budget = new PrizeBudget(OptionalLong.empty(), OptionalLong.empty());
            JsonNode b = p.get("budget");
            if (b != null && !b.isNull()) {
                OptionalLong perDay = limit(b, "per_day", at + ".budget", seen);
                OptionalLong total = limit(b, "total", at + ".budget", seen);
                budget = new PrizeBudget(perDay, total);
            }
            Duration validFor = DEFAULT_VALID_FOR;
            String valid = text(p, "valid_for");
            if (valid != null) {
                try {
                    validFor = Duration.parse(valid);
                    if (validFor.isNegative() || validFor.isZero()) {
                        seen.add(at + ".valid_for", "must be positive, e.g. P30D");
                        validFor = DEFAULT_VALID_FOR;
                    }
                } catch (DateTimeParseException e) {
                    seen.add(at + ".valid_for", "'" + valid + "' is not an ISO-8601 duration, e.g. P30D");
                }
            }
            prizes.add(new ScratchPrize(id, names, kind, value, weight, budget, validFor));
        }
        if (!prizes.isEmpty() && prizes.stream().allMatch(ScratchPrize::budgeted)) {
            seen.add("prizes", "at least one prize needs no budget (e.g. try_again): a card is always drawn");
        }
        return seen.count > 0 ? null : new ScratchConfig(prizes);
    }

    private static OptionalLong limit(JsonNode budget, String key, String at, Problems problems) {
        JsonNode v = budget.get(key);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        if (!v.canConvertToLong() || v.asLong() <= 0) {
            problems.add(at + "." + key, "must be a whole number > 0");
            return OptionalLong.empty();
        }
        return OptionalLong.of(v.asLong());
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Counts what it passes on, so reading knows whether the section is usable. */
    private static final class Problems implements ConfigProblems {
        private final ConfigProblems to;
        private int count;

        Problems(ConfigProblems to) {
            this.to = to;
        }

        @Override
        public void add(String path, String reason) {
            count++;
            to.add(path, reason);
        }
    }
}
