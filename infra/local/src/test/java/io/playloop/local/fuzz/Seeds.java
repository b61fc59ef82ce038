package io.playloop.local.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real payload shapes the fuzzer starts from: Meta's reference webhooks of every message type, statuses, errors
 * and batched entries (test resources {@code fuzz/whatsapp/}, with {@code {{WAID}} {{WAMID}} {{TS}} {{PNID}}} to
 * fill), and the shop samples of {@code events/commerce} (Shopify's {@code orders/paid} and {@code refunds/create},
 * PlayLoop's generic events).
 */
final class Seeds {
    static final List<String> WHATSAPP = List.of("text", "text-arabic", "button-reply", "list-reply", "nfm-reply",
            "template-button", "reaction", "image", "location", "contacts", "order", "referral-ad", "unsupported",
            "system", "request-welcome", "bsuid-only", "statuses", "value-errors", "multi-entry", "template-status",
            "group");

    final List<String> whatsapp = new ArrayList<>();
    final List<String> shopify = new ArrayList<>();
    final List<String> generic = new ArrayList<>();

    private Seeds() {
    }

    /** Loads the seeds; {@code eventsDir} is the repository's {@code events/commerce}. */
    static Seeds load(Path eventsDir) {
        Seeds seeds = new Seeds();
        for (String name : WHATSAPP) {
            try (InputStream in = Seeds.class.getResourceAsStream("/fuzz/whatsapp/" + name + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("missing fuzz seed " + name);
                }
                seeds.whatsapp.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        seeds.shopify.add(bodyOf(eventsDir.resolve("shopify-orders-paid.json")));
        seeds.shopify.add(bodyOf(eventsDir.resolve("shopify-refunds-create.json")));
        seeds.generic.add(bodyOf(eventsDir.resolve("generic-order-completed.json")));
        seeds.generic.add(bodyOf(eventsDir.resolve("generic-order-refunded.json")));
        seeds.generic.add(bodyOf(eventsDir.resolve("generic-customer-updated.json")));
        return seeds;
    }

    /** The {@code body} of a stored API Gateway event. */
    private static String bodyOf(Path event) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readAllBytes(event)).path("body").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed " + event.toAbsolutePath(), e);
        }
    }
}
