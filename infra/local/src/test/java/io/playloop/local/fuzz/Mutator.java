package io.playloop.local.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Turns a seed into a hostile but correctly signed request: mutations of the JSON tree (huge strings, characters SQS
 * refuses, wrong types, whitespace ids, far timestamps, 1,000 messages, foreign numbers, BSUID-only and senderless
 * messages, huge ids and amounts, 1,500 line items) and of the bytes (invalid UTF-8, duplicate keys, deep nesting,
 * truncation). Deterministic for a given {@link Random}.
 */
final class Mutator {
    /** Characters SQS refuses or that break naive code: noncharacters, lone surrogates, controls, bidi, BOM. */
    static final String[] NASTY = {"\uFFFE", "\uFFFF", "\uFDD0", "\uD800", "\uDC00", "\u0000", "\u0007", "\u001B",
            "\u202E", "\u2068", "\uFEFF", "\r\n", "\uD83D\uDC4D\uD83C\uDFFD", "\u0646\u0642\u0627\u0637", "\\", "\"",
            "{{name}}", "%s", "\u00A0"};
    private static final int[] HUGE_LENGTHS = {300, 1_100, 2_100, 3_000, 70_000, 300_000, 1_100_000};
    private static final String[] TIMESTAMPS = {"-1", "0", "31556889864403199", "99999999999999999999", "1.5", "abc",
            " ", "", "1e9", "-9223372036854775808", "9223372036854775807"};
    private static final String[] AMOUNTS = {"1e30", "1e999999999", "-5", "NaN", "Infinity", "0.0000001",
            "123456789012345678901234567890", "", "1e-999999999", "0x10", "59,90", "1_000"};
    private static final String[] DATES = {"0000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "garbage",
            "2026-13-45T99:99:99Z", "1970-01-01T00:00:00Z", "2026-11-23", "", "-0001-01-01T00:00:00Z"};
    private static final String[] COUNTRY_PREFIXES = {"33", "336", "212", "9715", "1650", "44", "49", "55", "52", "20"};

    private final ObjectMapper mapper = new ObjectMapper();
    private final Seeds seeds;
    private final String phoneNumberId;

    Mutator(Seeds seeds, String phoneNumberId) {
        this.seeds = seeds;
        this.phoneNumberId = phoneNumberId;
    }

    /**
     * Bodies above this are drawn again: API Gateway refuses anything over 10 MB (a case just above it is kept), and a
     * client sending hundreds of megabytes cannot read the 413 before its connection is closed.
     */
    static final int MAX_CASE_BYTES = 16 * 1024 * 1024;

    /** The next case: a seed filled for {@code now}, 1 to 4 mutations, sometimes a byte-level one. */
    FuzzCase next(Random random, Instant now, long index) {
        FuzzCase c = draw(random, now, index);
        while (c == null || c.body().length > MAX_CASE_BYTES) {
            c = draw(random, now, index);
        }
        return c;
    }

    private FuzzCase draw(Random random, Instant now, long index) {
        double kind = random.nextDouble();
        FuzzCase.Route route = kind < 0.7 ? FuzzCase.Route.WHATSAPP
                : kind < 0.85 ? FuzzCase.Route.SHOPIFY : FuzzCase.Route.GENERIC;
        List<String> applied = new ArrayList<>();
        JsonNode tree;
        if (route == FuzzCase.Route.WHATSAPP) {
            String seed = seeds.whatsapp.get(random.nextInt(seeds.whatsapp.size()));
            boolean foreign = random.nextInt(20) == 0;
            String filled = seed.replace("{{PNID}}", foreign ? "999" + index : phoneNumberId)
                    .replace("{{WAID}}", waId(random))
                    .replace("{{WAMID}}", "wamid.FUZZ" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + index)
                    .replace("{{TS}}", Long.toString(now.minusSeconds(random.nextInt(600)).getEpochSecond()));
            applied.add(foreign ? "seed:" + seedName(seed) + "(foreign number)" : "seed:" + seedName(seed));
            tree = parse(filled);
        } else {
            List<String> pool = route == FuzzCase.Route.SHOPIFY ? seeds.shopify : seeds.generic;
            // Dated now: an event over 7 days old is only acknowledged, which would leave most of the door untried.
            tree = parse(io.playloop.local.CommerceSamples.dated(pool.get(random.nextInt(pool.size())),
                    now.minusSeconds(random.nextInt(3_600))));
            fillShopCustomer(tree, random);
            applied.add("seed:" + route.name().toLowerCase(java.util.Locale.ROOT) + ":" + tree.path("type").asText(
                    tree.has("line_items") ? "order" : "refund"));
        }
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            applied.add(route == FuzzCase.Route.WHATSAPP ? mutateWhatsApp(tree, random, now, index)
                    : mutateShop(tree, random, now));
        }
        // Meta escapes non-ASCII characters in its JSON; half the cases do the same (the only way to carry a lone surrogate).
        boolean escapeNonAscii = random.nextBoolean();
        // Mutations compound (a 1.1 M-character string in each of 1,000 copied messages): such a tree is measured, never
        // written, or writing it would take gigabytes (the 20,000-case run died of that at case 1,400).
        if (writtenBytesExceed(tree, escapeNonAscii, MAX_CASE_BYTES)) {
            return null;
        }
        byte[] body = write(tree, escapeNonAscii);
        if (random.nextInt(6) == 0) {
            String bytesMutation = BYTE_MUTATIONS[random.nextInt(BYTE_MUTATIONS.length)];
            body = mutateBytes(bytesMutation, body, random);
            applied.add(bytesMutation);
        }
        return new FuzzCase(route, body, List.copyOf(applied));
    }

    // --- WhatsApp -----------------------------------------------------------------------------------------

    private String mutateWhatsApp(JsonNode root, Random random, Instant now, long index) {
        List<ObjectNode> messages = objectsAt(root, "messages");
        switch (random.nextInt(14)) {
            case 0:
                return hugeString(root, random);
            case 1:
                return nastyChars(root, random);
            case 2:
                return wrongType(root, random);
            case 3:
                return removeField(root, random);
            case 4: {
                String field = List.of("id", "from", "type").get(random.nextInt(3));
                String blank = List.of(" ", "\t", "", "\u00A0", "\u2003").get(random.nextInt(5));
                messages.forEach(m -> m.put(field, blank));
                return "blank " + field;
            }
            case 5: {
                String ts = random.nextBoolean() ? TIMESTAMPS[random.nextInt(TIMESTAMPS.length)]
                        : Long.toString(now.plus(Duration.ofHours(random.nextInt(24 * 40) - 24 * 20)).getEpochSecond());
                messages.forEach(m -> m.put("timestamp", ts));
                return "timestamp " + ts;
            }
            case 6:
                return manyMessages(root, random, index);
            case 7: {
                objectsAt(root, "metadata").forEach(m -> m.put("phone_number_id", random.nextBoolean() ? "1" : ""));
                return "foreign phone_number_id";
            }
            case 8: {
                String bsuid = bsuid(random);
                objectsAt(root, "contacts").forEach(c -> {
                    c.put("wa_id", "");
                    c.put("user_id", bsuid);
                });
                messages.forEach(m -> {
                    m.put("from", "");
                    m.put("from_user_id", bsuid);
                });
                return "BSUID-only sender (" + bsuid.length() + " chars)";
            }
            case 9: {
                root.findParents("contacts").forEach(p -> ((ObjectNode) p).remove("contacts"));
                messages.forEach(m -> m.remove("from"));
                return "no sender";
            }
            case 10: {
                int length = HUGE_LENGTHS[random.nextInt(HUGE_LENGTHS.length)];
                String field = List.of("id", "from", "wa_id").get(random.nextInt(3));
                String value = field.equals("id") ? "wamid." + "A".repeat(length) : "3".repeat(length);
                if (field.equals("wa_id")) {
                    objectsAt(root, "contacts").forEach(c -> c.put("wa_id", value));
                } else {
                    messages.forEach(m -> m.put(field, value));
                }
                return "huge " + field + " (" + length + ")";
            }
            case 11:
                return hugeNumber(root, random);
            case 12: {
                String id = "wamid.\u0645\u0631\u062D\u0628\u0627" + NASTY[random.nextInt(NASTY.length)] + index;
                messages.forEach(m -> m.put("id", id));
                return "unicode wamid";
            }
            default: {
                JsonNode parent = root.findParent("messages");
                JsonNode array = parent == null ? null : parent.get("messages");
                ObjectNode first = firstObject(array);
                if (first != null) {
                    ((ArrayNode) array).add(first.deepCopy());
                }
                return "same wamid twice";
            }
        }
    }

    private String manyMessages(JsonNode root, Random random, long index) {
        ObjectNode value = (ObjectNode) root.findParent("messages");
        ObjectNode first = value == null ? null : firstObject(value.get("messages"));
        if (first == null) {
            return "1,000 messages (no message to copy)";
        }
        ArrayNode messages = value.putArray("messages");
        ArrayNode contacts = value.putArray("contacts");
        int n = 100 + random.nextInt(901);
        for (int i = 0; i < n; i++) {
            String waId = waId(random);
            ObjectNode copy = first.deepCopy();
            copy.put("id", "wamid.FUZZMANY" + index + "x" + i);
            copy.put("from", waId);
            messages.add(copy);
            contacts.addObject().put("wa_id", waId).putObject("profile").put("name", "Cust " + i);
        }
        return n + " messages in one body";
    }

    // --- shop ---------------------------------------------------------------------------------------------

    private void fillShopCustomer(JsonNode tree, Random random) {
        String phone = "+" + waId(random);
        for (JsonNode parent : tree.findParents("phone")) {
            if (parent.get("phone").isTextual()) {
                ((ObjectNode) parent).put("phone", phone);
            }
        }
        if (tree instanceof ObjectNode o && o.has("id") && o.get("id").isTextual()) {
            o.put("id", o.get("id").asText() + "-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        } else if (tree instanceof ObjectNode o && o.has("id") && o.get("id").isNumber()) {
            o.put("id", Math.abs(random.nextLong() % 1_000_000_000_000L));
        }
    }

    private String mutateShop(JsonNode root, Random random, Instant now) {
        switch (random.nextInt(10)) {
            case 0: {
                String amount = AMOUNTS[random.nextInt(AMOUNTS.length)];
                boolean asNumber = random.nextBoolean() && !amount.isEmpty() && !amount.contains("_")
                        && !amount.contains(",") && !amount.startsWith("0x") && !amount.startsWith("N")
                        && !amount.startsWith("I");
                forFields(root, List.of("total", "amount", "total_price", "subtotal_price", "price", "current_total_price"),
                        (o, f) -> {
                            if (asNumber) {
                                o.set(f, JsonNodeFactory.instance.numberNode(new BigDecimal(amount)));
                            } else {
                                o.put(f, amount);
                            }
                        });
                return "amount " + amount + (asNumber ? " (number)" : "");
            }
            case 1: {
                String date = random.nextBoolean() ? DATES[random.nextInt(DATES.length)]
                        : now.minus(Duration.ofDays(random.nextInt(60))).toString();
                forFields(root, List.of("occurred_at", "created_at", "processed_at", "updated_at"), (o, f) -> o.put(f, date));
                return "date " + date;
            }
            case 2: {
                int length = List.of(199, 200, 201, 1_025, 10_000).get(random.nextInt(5));
                String id = random.nextBoolean() ? "9".repeat(length) : "\u0637".repeat(length);
                forFields(root, List.of("id", "order_id"), (o, f) -> o.put(f, id));
                return "id of " + length + " chars";
            }
            case 3: {
                int n = 1_500;
                JsonNode items = root.path("line_items");
                if (items.isArray() && !items.isEmpty()) {
                    ArrayNode array = (ArrayNode) items;
                    JsonNode item = array.get(0);
                    for (int i = 1; i < n; i++) {
                        array.add(item.deepCopy());
                    }
                } else if (root instanceof ObjectNode o) {
                    ArrayNode products = o.putArray("products");
                    for (int i = 0; i < n; i++) {
                        products.add("Produit " + i + " \u00E9t\u00E9 \u2600 " + "x".repeat(200));
                    }
                }
                return "1,500 line items";
            }
            case 4: {
                String phone = List.of("garbage", "+", "", "\uD83D\uDCDE", "9".repeat(1000), "+33 6 12 34 56 7",
                        "00000000").get(random.nextInt(7));
                forFields(root, List.of("phone"), (o, f) -> o.put(f, phone));
                return "phone " + (phone.length() > 20 ? phone.length() + " chars" : phone);
            }
            case 5:
                return wrongType(root, random);
            case 6:
                return hugeString(root, random);
            case 7:
                return nastyChars(root, random);
            case 8:
                return removeField(root, random);
            default: {
                if (root instanceof ObjectNode o && o.has("type")) {
                    o.put("type", List.of("order.cancelled", "", "ORDER.COMPLETED", "order.completed ").get(random.nextInt(4)));
                    return "type " + o.get("type");
                }
                return hugeNumber(root, random);
            }
        }
    }

    // --- tree mutations shared by both ----------------------------------------------------------------------

    private String hugeString(JsonNode root, Random random) {
        List<Slot> texts = slots(root, JsonNode::isTextual);
        if (texts.isEmpty()) {
            return "huge string (none)";
        }
        int length = HUGE_LENGTHS[random.nextInt(HUGE_LENGTHS.length)];
        Slot slot = texts.get(random.nextInt(texts.size()));
        StringBuilder s = new StringBuilder(length);
        boolean arabic = random.nextBoolean();
        while (s.length() < length) {
            s.append(arabic ? (char) (0x0627 + random.nextInt(20)) : (char) ('a' + random.nextInt(26)));
        }
        slot.set(TextNode.valueOf(s.toString()));
        return "huge string at " + slot.name + " (" + length + ")";
    }

    private String nastyChars(JsonNode root, Random random) {
        List<Slot> texts = slots(root, JsonNode::isTextual);
        if (texts.isEmpty()) {
            return "nasty chars (none)";
        }
        Slot slot = texts.get(random.nextInt(texts.size()));
        String nasty = NASTY[random.nextInt(NASTY.length)];
        String value = slot.get().asText();
        int at = value.isEmpty() ? 0 : random.nextInt(value.length() + 1);
        slot.set(TextNode.valueOf(value.substring(0, at) + nasty + value.substring(at)));
        return "U+" + Integer.toHexString(nasty.isEmpty() ? 0 : nasty.charAt(0)).toUpperCase() + " in " + slot.name;
    }

    private String wrongType(JsonNode root, Random random) {
        List<Slot> all = slots(root, n -> true);
        if (all.isEmpty()) {
            return "wrong type (none)";
        }
        Slot slot = all.get(random.nextInt(all.size()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> replacements = List.of(f.numberNode(1), f.numberNode(-1), f.numberNode(1e308),
                f.numberNode(new BigInteger("12345678901234567890123")), f.booleanNode(true), f.nullNode(),
                f.arrayNode(), f.objectNode(), f.arrayNode().add(1).add(2), f.objectNode().put("a", "b"), f.textNode(""));
        JsonNode replacement = replacements.get(random.nextInt(replacements.size()));
        slot.set(replacement);
        return "wrong type at " + slot.name + " → " + replacement;
    }

    private String removeField(JsonNode root, Random random) {
        List<Slot> fields = slots(root, n -> true).stream().filter(s -> s.parent instanceof ObjectNode).toList();
        if (fields.isEmpty()) {
            return "remove (none)";
        }
        Slot slot = fields.get(random.nextInt(fields.size()));
        ((ObjectNode) slot.parent).remove(slot.name);
        return "removed " + slot.name;
    }

    private String hugeNumber(JsonNode root, Random random) {
        List<Slot> numbers = slots(root, n -> n.isNumber() || n.isTextual() && n.asText().matches("-?\\d+(\\.\\d+)?"));
        if (numbers.isEmpty()) {
            return "huge number (none)";
        }
        Slot slot = numbers.get(random.nextInt(numbers.size()));
        String number = List.of("1e999999999", "-1e999999999", "1e30", "123456789012345678901234567890123456789")
                .get(random.nextInt(4));
        slot.set(random.nextBoolean() ? JsonNodeFactory.instance.numberNode(new BigDecimal(number)) : TextNode.valueOf(number));
        return "number " + number + " at " + slot.name;
    }

    // --- byte mutations -------------------------------------------------------------------------------------

    static final String[] BYTE_MUTATIONS = {"invalid UTF-8", "duplicate keys", "deep nesting", "truncated",
            "trailing garbage", "BOM"};

    private static byte[] mutateBytes(String mutation, byte[] body, Random random) {
        String text = new String(body, StandardCharsets.UTF_8);
        switch (mutation) {
            case "invalid UTF-8": {
                int quote = text.indexOf("\":\"", random.nextInt(Math.max(1, text.length() / 2)));
                int at = quote < 0 ? body.length / 2 : byteOffset(text, quote + 3);
                byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0x80},
                        {(byte) 0xE2, (byte) 0x82}};
                byte[] insert = bad[random.nextInt(bad.length)];
                ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + insert.length);
                out.write(body, 0, at);
                out.write(insert, 0, insert.length);
                out.write(body, at, body.length - at);
                return out.toByteArray();
            }
            case "duplicate keys":
                return text.replaceFirst("\"id\":", "\"id\":\"dup\",\"id\":").replaceFirst("\"from\":",
                        "\"from\":\"1\",\"from\":").getBytes(StandardCharsets.UTF_8);
            case "deep nesting": {
                int depth = List.of(500, 999, 1_001, 5_000, 100_000).get(random.nextInt(5));
                String deep = "[".repeat(depth) + "]".repeat(depth);
                int brace = text.indexOf('{');
                return (text.substring(0, brace + 1) + "\"deep\":" + deep + "," + text.substring(brace + 1))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case "truncated":
                return java.util.Arrays.copyOf(body, random.nextInt(Math.max(1, body.length)));
            case "trailing garbage":
                return (text + (random.nextBoolean() ? "{}" : " x")).getBytes(StandardCharsets.UTF_8);
            default: {
                byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                byte[] out = new byte[body.length + 3];
                System.arraycopy(bom, 0, out, 0, 3);
                System.arraycopy(body, 0, out, 3, body.length);
                return out;
            }
        }
    }

    private static int byteOffset(String text, int charIndex) {
        return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** A place in the tree that can be read and replaced. */
    private record Slot(JsonNode parent, String name, int index) {
        JsonNode get() {
            return parent instanceof ObjectNode o ? o.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static List<Slot> slots(JsonNode root, java.util.function.Predicate<JsonNode> wanted) {
        List<Slot> out = new ArrayList<>();
        collect(root, wanted, out);
        return out;
    }

    private static void collect(JsonNode node, java.util.function.Predicate<JsonNode> wanted, List<Slot> out) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (wanted.test(e.getValue()) && !e.getKey().equals("object")) {
                    out.add(new Slot(o, e.getKey(), -1));
                }
                collect(e.getValue(), wanted, out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (wanted.test(a.get(i))) {
                    out.add(new Slot(a, "[" + i + "]", i));
                }
                collect(a.get(i), wanted, out);
            }
        }
    }

    private static void forFields(JsonNode root, List<String> names, BiConsumer<ObjectNode, String> action) {
        for (String name : names) {
            for (JsonNode parent : root.findParents(name)) {
                action.accept((ObjectNode) parent, name);
            }
        }
    }

    private static List<ObjectNode> objectsAt(JsonNode root, String field) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode parent : root.findParents(field)) {
            JsonNode value = parent.get(field);
            if (value instanceof ObjectNode o) {
                out.add(o);
            } else if (value instanceof ArrayNode a) {
                a.forEach(n -> {
                    if (n instanceof ObjectNode o) {
                        out.add(o);
                    }
                });
            }
        }
        return out;
    }

    /** The first object of an array node; null when it is no array or holds no object (an earlier mutation). */
    private static ObjectNode firstObject(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        for (JsonNode n : array) {
            if (n instanceof ObjectNode o) {
                return o;
            }
        }
        return null;
    }

    private static String waId(Random random) {
        StringBuilder s = new StringBuilder(COUNTRY_PREFIXES[random.nextInt(COUNTRY_PREFIXES.length)]);
        while (s.length() < 11) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private static String bsuid(Random random) {
        int length = List.of(12, 40, 256, 257, 1_100).get(random.nextInt(5));
        StringBuilder s = new StringBuilder("US.");
        while (s.length() < length) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private static String seedName(String seed) {
        int type = seed.indexOf("\"type\":\"");
        return type < 0 ? "envelope" : seed.substring(type + 8, seed.indexOf('"', type + 8));
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fuzz seed is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Whether the tree written as JSON would take more than {@code limit} bytes, counted without writing it and stopping
     * as soon as the limit is passed. Close enough to keep the cases just over API Gateway's 10 MB (a raw 2-byte
     * character counts 3, a tree whose lone surrogate forces escaping may count half its size): the written body is
     * still checked against the limit, this only keeps a body of gigabytes from being written at all.
     */
    static boolean writtenBytesExceed(JsonNode tree, boolean escapeNonAscii, long limit) {
        long total = 0;
        ArrayDeque<JsonNode> pending = new ArrayDeque<>();
        pending.push(tree);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject()) {
                total += 2;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    total += textBytes(field.getKey(), escapeNonAscii) + 4;
                    pending.push(field.getValue());
                }
            } else if (node.isArray()) {
                total += 2 + node.size();
                node.forEach(pending::push);
            } else {
                total += node.isTextual() ? textBytes(node.textValue(), escapeNonAscii) + 2 : node.toString().length();
            }
            if (total > limit) {
                return true;
            }
        }
        return false;
    }

    private static long textBytes(String text, boolean escapeNonAscii) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : c < 0x80 ? 1 : escapeNonAscii ? 6 : 3;
        }
        return bytes;
    }

    private byte[] write(JsonNode tree, boolean escapeNonAscii) {
        try {
            if (!escapeNonAscii) {
                return mapper.writeValueAsBytes(tree);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // a lone surrogate cannot be written as UTF-8: escape it instead
        }
        try {
            return mapper.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
                    .writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
