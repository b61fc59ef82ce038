package io.playloop.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A table item as plain JSON for a person to read: strings, numbers, booleans, maps and lists, sets as lists. */
final class ItemJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ItemJson() {
    }

    /** The item's attributes, sorted by name. */
    static ObjectNode of(Map<String, AttributeValue> item) {
        ObjectNode node = JSON.objectNode();
        new TreeMap<>(item).forEach((name, value) -> node.set(name, value(value)));
        return node;
    }

    static JsonNode value(AttributeValue v) {
        if (v.s() != null) {
            return JSON.textNode(v.s());
        }
        if (v.n() != null) {
            return JSON.numberNode(new BigDecimal(v.n()));
        }
        if (v.bool() != null) {
            return JSON.booleanNode(v.bool());
        }
        if (Boolean.TRUE.equals(v.nul())) {
            return JSON.nullNode();
        }
        if (v.hasM()) {
            return of(v.m());
        }
        ArrayNode list = JSON.arrayNode();
        if (v.hasL()) {
            v.l().forEach(e -> list.add(value(e)));
        } else if (v.hasSs()) {
            v.ss().forEach(list::add);
        } else if (v.hasNs()) {
            v.ns().forEach(n -> list.add(new BigDecimal(n)));
        } else if (v.b() != null) {
            return JSON.textNode(java.util.Base64.getEncoder().encodeToString(v.b().asByteArray()));
        } else if (v.hasBs()) {
            v.bs().forEach(b -> list.add(java.util.Base64.getEncoder().encodeToString(b.asByteArray())));
        }
        return list;
    }
}
