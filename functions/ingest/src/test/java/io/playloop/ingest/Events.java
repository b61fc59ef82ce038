package io.playloop.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.playloop.whatsapp.webhook.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** API Gateway v2 events for the ingest tests: the shared samples in events/ingest, and built ones. */
final class Events {
    static final String APP_SECRET = "local-app-secret";
    static final String VERIFY_TOKEN = "local-verify-token";
    static final String PHONE_NUMBER_ID = "100000000000001";

    /** The repository's events/ingest directory, seen from the module directory Maven runs tests in. */
    static final Path DIRECTORY = Path.of("..", "..", "events", "ingest");

    private Events() {
    }

    /** Loads events/ingest/{name} the way `sam local invoke -e` would hand it to the function. */
    static APIGatewayV2HTTPEvent sample(String name) {
        Path file = DIRECTORY.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing sample event " + file.toAbsolutePath().normalize());
        }
        return EventLoader.loadApiGatewayHttpEvent(file.toString());
    }

    /** A POST as API Gateway delivers it, signed like Meta signs it. */
    static APIGatewayV2HTTPEvent signedPost(String body) {
        return post(body, WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), APP_SECRET));
    }

    /** A POST with the given X-Hub-Signature-256 (null: no header). */
    static APIGatewayV2HTTPEvent post(String body, String signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", "facebookexternalua");
        if (signature != null) {
            headers.put("x-hub-signature-256", signature);
        }
        return event("POST", "/webhooks/whatsapp", headers, body, false);
    }

    /** A POST whose body API Gateway passed base64-encoded, signed over the decoded bytes. */
    static APIGatewayV2HTTPEvent signedBase64Post(byte[] body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("x-hub-signature-256", WebhookSignature.sign(body, APP_SECRET));
        return event("POST", "/webhooks/whatsapp", headers, Base64.getEncoder().encodeToString(body), true);
    }

    static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> headers, String body,
                                      boolean base64) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(method + " " + path);
        event.setRawPath(path);
        event.setRawQueryString("");
        event.setHeaders(headers);
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("173.252.88.12");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setStage("$default");
        context.setRouteKey(method + " " + path);
        event.setRequestContext(context);
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        return event;
    }

    /** A GET handshake with these query parameters (null values are left out). */
    static APIGatewayV2HTTPEvent verification(String mode, String token, String challenge) {
        Map<String, String> query = new HashMap<>();
        if (mode != null) {
            query.put("hub.mode", mode);
        }
        if (token != null) {
            query.put("hub.verify_token", token);
        }
        if (challenge != null) {
            query.put("hub.challenge", challenge);
        }
        APIGatewayV2HTTPEvent event = event("GET", "/webhooks/whatsapp", Map.of(), null, false);
        event.setQueryStringParameters(query);
        return event;
    }

    /** Meta's envelope around messages (JSON array items) from senders (contacts array). */
    static String webhook(String contacts, String messages) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\","
                + "\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"},\"contacts\":" + contacts + ",\"messages\":["
                + messages + "]},\"field\":\"messages\"}]}]}";
    }

    /** One text message from a customer keyed by wa_id. */
    static String textWebhook(String wamid, String waId, String name, String text) {
        return webhook("[{\"profile\":{\"name\":\"" + name + "\"},\"wa_id\":\"" + waId + "\"}]",
                textMessage(wamid, waId, text));
    }

    static String textMessage(String wamid, String from, String text) {
        return "{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"1763719200\",\"type\":\"text\","
                + "\"text\":{\"body\":\"" + text + "\"}}";
    }

    private static String message(String wamid, String from, String type, String timestamp, String text) {
        return "{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + timestamp
                + "\",\"type\":\"" + type + "\",\"text\":{\"body\":\"" + text + "\"}}";
    }

    private static String contact(String waId, String name) {
        return "{\"profile\":{\"name\":\"" + name + "\"},\"wa_id\":\"" + waId + "\"}";
    }

    /**
     * 15 customers in one webhook, timestamped 2025-11-21T10:00:00Z: MIX1-4 and MIX12-15 are good (2, 3 and 4 with
     * characters SQS refuses in a text or a name: U+FFFE, U+FFFF, a lone surrogate); MIX5 has a 1 MB id, MIX6 a
     * blank id, MIX7 a blank sender, MIX8 a blank type, MIX9 a far-future and MIX10 a negative timestamp, MIX11 is
     * 8 days old.
     */
    static String mixedWebhook() {
        String now = "1763719200";
        String stale = Long.toString(Instant.parse("2025-11-13T10:00:00Z").getEpochSecond());
        List<String> contacts = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            String waId = "336000000" + String.format("%02d", i);
            String wamid = "wamid.MIX" + i;
            String from = waId;
            String type = "text";
            String timestamp = now;
            String text = "POINTS";
            String name = "Léa";
            switch (i) {
                case 2 -> text = "a\\uFFFEb";
                case 3 -> name = "L\\uFFFFa";
                case 4 -> text = "\\uD800x";
                case 5 -> wamid = "wamid." + "W".repeat(1024 * 1024);
                case 6 -> wamid = "   ";
                case 7 -> from = "  ";
                case 8 -> type = " ";
                case 9 -> timestamp = "31556889864403199";
                case 10 -> timestamp = "-1763719200";
                case 11 -> timestamp = stale;
                default -> {
                }
            }
            contacts.add(contact(from, name));
            messages.add(message(wamid, from, type, timestamp, text));
        }
        return Events.webhook("[" + String.join(",", contacts) + "]", String.join(",", messages));
    }
}
