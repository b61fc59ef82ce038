package io.playloop.local;

import io.playloop.local.emulators.ProvisionedQueue;
import io.playloop.local.esm.EventSourceMapping;
import java.net.URI;
import java.util.Collection;
import java.util.List;

/** {@code GET /}: what runs where and the routes, as a small HTML page (the chat simulator comes later). */
final class IndexPage {
    private IndexPage() {
    }

    static String html(LocalCloudOptions options, URI baseUrl, URI dynamoDb, URI sqs, Collection<ProvisionedQueue> queues,
                       List<EventSourceMapping> mappings) {
        StringBuilder page = new StringBuilder(4096);
        page.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PlayLoop local cloud</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}td,th{padding:.2rem .6rem;")
                .append("text-align:left;vertical-align:top}code{background:#f3f3f3;padding:0 .2rem}</style></head><body>")
                .append("<h1>PlayLoop local cloud</h1>")
                .append("<p>Phone-number id <code>").append(escape(options.phoneNumberId()))
                .append("</code>, business <code>").append(escape(options.businessName()))
                .append("</code>. DynamoDB Local at <code>").append(dynamoDb)
                .append("</code> (table <code>").append(escape(options.tableName()))
                .append("</code>), ElasticMQ at <code>").append(sqs).append("</code> (queues");
        for (ProvisionedQueue q : queues) {
            page.append(" <code>").append(escape(q.name())).append("</code>");
        }
        page.append(").</p><ul>");
        for (EventSourceMapping m : mappings) {
            page.append("<li><code>").append(escape(m.source().functionLogicalId())).append("</code> polls <code>")
                    .append(escape(m.queue().name())).append("</code></li>");
        }
        page.append("</ul><h2>Routes</h2><table><tr><th>route</th><th>what it does</th></tr>");
        row(page, "GET /webhooks/whatsapp", "Meta's verification handshake (hub.mode, hub.verify_token, hub.challenge)");
        row(page, "POST /webhooks/whatsapp", "Meta's webhook, signed with X-Hub-Signature-256: sha256=HMAC-SHA256(body, app secret)");
        row(page, "POST /webhooks/commerce", "shop events (infra/commerce/FORMAT.md): Shopify's X-Shopify-Hmac-Sha256, or"
                + " X-PlayLoop-Signature: sha256=HMAC-SHA256(timestamp + '.' + body, shop secret) with X-PlayLoop-Timestamp");
        row(page, "POST /graph/{version}/{phoneNumberId}/messages", "the WhatsApp Graph API simulator (Bearer token required)");
        row(page, "GET /_local/outbox?to={wa_id}", "replies sent to a customer, oldest first: [{seq, at, body}]");
        row(page, "GET|POST /_local/clock", "read the clock; {\"advance\":\"PT72H\"} or {\"set\":\"2026-12-01T10:00:00Z\"}");
        row(page, "POST /_local/tick", "runs the scheduler function now (one run at a time) and answers {\"ran\":true, ...its summary}");
        row(page, "POST /_local/drain?timeout=PT30S", "returns once the queues are empty and no function runs (504 on timeout)");
        row(page, "GET /_local/dlq", "what sits in the dead-letter queues, without consuming it");
        row(page, "GET|POST /_local/faults", "{\"graph\":{\"status\":500,\"count\":3}} fails the next 3 Graph calls; {} clears");
        row(page, "GET /_local/stats", "invocations, batches, SQS and DynamoDB requests, capacity units");
        page.append("</table><h2>Try it</h2><pre>BODY='{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",")
                .append("\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":")
                .append("{\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"")
                .append(escape(options.phoneNumberId()))
                .append("\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"34600111222\"}],\"messages\":")
                .append("[{\"from\":\"34600111222\",\"id\":\"wamid.TRY1\",\"timestamp\":\"'$(date +%s)'\",\"type\":\"text\",")
                .append("\"text\":{\"body\":\"POINTS\"}}]}}]}]}'\n")
                .append("SIG=$(printf '%s' \"$BODY\" | openssl dgst -sha256 -hmac ")
                .append(options.appSecret().equals(LocalCloudOptions.DEFAULT_APP_SECRET) ? options.appSecret() : "&lt;app secret&gt;")
                .append(" | sed 's/^.* //')\n")
                .append("curl -i ").append(baseUrl).append("/webhooks/whatsapp -H 'Content-Type: application/json' ")
                .append("-H \"X-Hub-Signature-256: sha256=$SIG\" --data-binary \"$BODY\"\n")
                .append("curl -X POST ").append(baseUrl).append("/_local/drain\n")
                .append("curl ").append(baseUrl).append("/_local/outbox?to=34600111222</pre></body></html>\n");
        return page.toString();
    }

    private static void row(StringBuilder page, String route, String what) {
        page.append("<tr><td><code>").append(escape(route)).append("</code></td><td>").append(escape(what)).append("</td></tr>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
