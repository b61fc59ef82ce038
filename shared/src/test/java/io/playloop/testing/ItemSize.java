package io.playloop.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB bills it: attribute names plus values (strings in UTF-8 bytes, numbers
 * about one byte per two significant digits plus one, booleans and nulls one byte, lists and maps
 * 3 bytes plus 1 per element). Used to turn what a test wrote into request units.
 */
public final class ItemSize {
    private ItemSize() {
    }

    public static int of(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + value(e.getValue());
        }
        return size;
    }

    /** Capacity units for {@code bytes} at {@code unitBytes} per unit (1,024 for writes, 4,096 for reads), at least 1. */
    public static int units(int bytes, int unitBytes) {
        return Math.max(1, (bytes + unitBytes - 1) / unitBytes);
    }

    private static int value(AttributeValue v) {
        if (v.s() != null) {
            return v.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (v.n() != null) {
            return (v.n().replace("-", "").replace(".", "").length() + 1) / 2 + 1;
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToInt(x -> 1 + value(x)).sum();
        }
        if (v.hasM()) {
            int size = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += 1 + e.getKey().getBytes(StandardCharsets.UTF_8).length + value(e.getValue());
            }
            return size;
        }
        return 1;
    }
}
