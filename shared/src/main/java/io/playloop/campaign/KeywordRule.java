package io.playloop.campaign;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Points for sending a promotional keyword (e.g. "SUMMER" from a poster), with its phrases per language.
 *
 * @param id       unique among the keyword rules; ledger entries name it
 * @param phrases  language to phrases, as written
 * @param points   points per message before the tier multiplier
 * @param cap      the most this rule grants per day/week (usually a per-day or per-week cap of one use)
 */
public record KeywordRule(String id, Map<String, List<String>> phrases, long points, Cap cap) {
    public KeywordRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cap, "cap");
        phrases = phrases.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }
}
