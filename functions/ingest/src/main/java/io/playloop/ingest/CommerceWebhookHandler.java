package io.playloop.ingest;

import io.playloop.sqs.SqsIds;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.commerce.CommerceEvent;
import io.playloop.commerce.CommerceEventCodec;
import io.playloop.commerce.GenericCommerceWebhooks;
import io.playloop.commerce.InvalidCommerceEventException;
import io.playloop.commerce.PhoneNumbers;
import io.playloop.commerce.ShopifyWebhooks;
import io.playloop.config.Secrets;
import io.playloop.logging.Masking;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * {@code POST /webhooks/commerce}: a shop's order, refund or customer update, verified, normalised and put
 * on the inbound FIFO queue as one {@link CommerceEvent} record (group id = customer key, so it is applied in
 * order with the customer's chat messages; deduplication id = SHA-256 of {@link CommerceEvent#eventId()}).
 *
 * <p>Two signatures are accepted: Shopify's {@code X-Shopify-Hmac-Sha256} and PlayLoop's generic
 * {@code X-PlayLoop-Signature} + {@code X-PlayLoop-Timestamp} (see {@code infra/commerce/FORMAT.md}), both keyed
 * with {@link Secrets#shopSecret()}.
 *
 * <p>Answers: 401 bad or missing signature; 400 with a JSON list of problems when a generic event is invalid
 * (or a Shopify body is not what its topic needs); 413 over {@link #MAX_BODY_BYTES}; 200 once SQS accepted the
 * record; 500/503 when it did not (the shop retries; the record is deduplicated). Authentic Shopify webhooks that
 * cannot reach a customer (another topic, no or only invalid phones, a refund of an order never queued) are
 * answered 200 with the reason: Shopify deletes a subscription after 8 failed retries, and one guest checkout
 * must not cut off every later order.
 */
final class CommerceWebhookHandler {
    /** The route. */
    static final String PATH = "/webhooks/commerce";
    /** Largest body accepted: a Shopify order with hundreds of line items stays far below. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /**
     * A refund of an order not seen yet, younger than this, is answered 503 so that Shopify retries: its
     * {@code orders/paid} may simply not have arrived yet (Shopify does not order deliveries).
     */
    static final Duration REFUND_WAITS_FOR_ORDER = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(CommerceWebhookHandler.class);
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private final SqsClient sqs;
    private final String queueUrl;
    private final ShopOrders orders;
    private final Secrets secrets;
    private final Clock clock;
    private final PhoneNumbers phones;
    private final ShopifyWebhooks shopify;
    private final GenericCommerceWebhooks generic;
    private final CommerceEventCodec codec;
    private final ObjectMapper mapper = new ObjectMapper();

    CommerceWebhookHandler(SqsClient sqs, String queueUrl, ShopOrders orders, Secrets secrets, Clock clock,
                           PhoneNumbers phones) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.orders = orders;
        this.secrets = secrets;
        this.clock = clock;
        this.phones = phones;
        this.shopify = new ShopifyWebhooks(phones, mapper);
        this.generic = new GenericCommerceWebhooks(phones, mapper);
        this.codec = new CommerceEventCodec(mapper);
    }

    /** Loads phone metadata and runs both parsers once, for the SnapStart snapshot; no AWS call. */
    void warmUp() {
        phones.warmUp();
        byte[] body = ("{\"type\":\"order.completed\",\"id\":\"w\",\"occurred_at\":\"2026-01-01T00:00:00Z\","
                + "\"customer\":{\"phone\":\"+33612345678\"},\"total\":\"1\",\"currency\":\"EUR\"}")
                .getBytes(StandardCharsets.UTF_8);
        GenericCommerceWebhooks.verify(body, GenericCommerceWebhooks.sign(0, body, "warm-up"), "0", "warm-up",
                java.time.Instant.EPOCH);
        ShopifyWebhooks.verify(body, ShopifyWebhooks.sign(body, "warm-up"), "warm-up");
        codec.write(generic.parse(body));
        shopify.parse("orders/paid", ("{\"id\":1,\"total_price\":\"1.00\",\"currency\":\"EUR\",\"created_at\":"
                + "\"2026-01-01T00:00:00+01:00\",\"phone\":\"0612345678\"}").getBytes(StandardCharsets.UTF_8));
        SqsIds.sha256Hex("warm-up");
    }

    APIGatewayV2HTTPResponse handle(HttpRequest request, long started) {
        Delivery d = new Delivery(started, request.header(ShopifyWebhooks.WEBHOOK_ID_HEADER),
                request.header(ShopifyWebhooks.SHOP_DOMAIN_HEADER), request.header(ShopifyWebhooks.TOPIC_HEADER));
        byte[] body;
        try {
            body = request.body(MAX_BODY_BYTES);
        } catch (IllegalArgumentException e) {
            return refuse(d, 400, "body marked base64 is not base64");
        }
        if (body == null) {
            return refuse(d, 413, "payload too large (at most " + MAX_BODY_BYTES + " bytes)");
        }
        String shopifyHmac = request.header(ShopifyWebhooks.HMAC_HEADER);
        String playLoopSignature = request.header(GenericCommerceWebhooks.SIGNATURE_HEADER);
        if (shopifyHmac == null && playLoopSignature == null) {
            return refuse(d, 401, "missing signature: " + ShopifyWebhooks.HMAC_HEADER + " or "
                    + GenericCommerceWebhooks.SIGNATURE_HEADER);
        }
        String secret;
        try {
            secret = secrets.shopSecret();
        } catch (IllegalStateException e) {
            log(d, 500, LOG.atError()).addKeyValue("reason", e.getMessage()).log("commerce webhook cannot be verified");
            return respond(500, mapper.createObjectNode().put("error", "the shop secret is not configured; retry later"));
        }
        try {
            if (shopifyHmac != null) {
                if (!ShopifyWebhooks.verify(body, shopifyHmac, secret)) {
                    return refuse(d, 401, "invalid " + ShopifyWebhooks.HMAC_HEADER);
                }
                return shopify(d.with("shopify"), shopify.parse(d.topic, body));
            }
            String problem = GenericCommerceWebhooks.verify(body, playLoopSignature,
                    request.header(GenericCommerceWebhooks.TIMESTAMP_HEADER), secret, clock.instant());
            if (problem != null) {
                return refuse(d, 401, problem);
            }
            return queue(d.with("generic"), generic.parse(body));
        } catch (InvalidCommerceEventException e) {
            ObjectNode json = mapper.createObjectNode().put("error", "invalid commerce event");
            e.problems().forEach(json.putArray("problems")::add);
            log(d, 400, LOG.atWarn()).addKeyValue("problems", e.getMessage()).log("commerce event refused");
            return respond(400, json);
        } catch (SdkException e) {
            // The order -> customer link (DynamoDB) failed: nothing was queued, the shop retries.
            log(d, 500, LOG.atError()).addKeyValue("errorType", e.getClass().getSimpleName()).setCause(e)
                    .log("commerce event not queued (table unavailable); answering 500 so that the shop retries");
            return respond(500, mapper.createObjectNode().put("error", "could not record the order; retry later"));
        }
    }

    private APIGatewayV2HTTPResponse shopify(Delivery d, ShopifyWebhooks.Parsed parsed) {
        if (parsed instanceof ShopifyWebhooks.Ignored ignored) {
            log(d, 200, LOG.atWarn()).addKeyValue("reason", ignored.reason()).log("commerce event acknowledged, nothing queued");
            return respond(200, mapper.createObjectNode().put("queued", 0).put("ignored", ignored.reason()));
        }
        if (parsed instanceof ShopifyWebhooks.Order order) {
            CommerceEvent.OrderPaid event = order.event();
            String owner = orders.remember(event.source(), event.orderId(), event.customerKey());
            if (!owner.equals(event.customerKey())) {
                log(d, 200, LOG.atWarn()).addKeyValue("orderId", event.orderId())
                        .addKeyValue("customer", Masking.phone(event.customerKey()))
                        .addKeyValue("firstCustomer", Masking.phone(owner))
                        .log("order seen before with another phone; it stays its first customer's");
                event = new CommerceEvent.OrderPaid(event.source(), owner, event.occurredAt(), event.orderId(),
                        event.total(), event.currency(), event.discountCodes(), event.productTitles());
            }
            return queue(d, event);
        }
        ShopifyWebhooks.Refund refund = (ShopifyWebhooks.Refund) parsed;
        String customer = orders.customerOf(ShopifyWebhooks.SOURCE, refund.orderId());
        if (customer != null) {
            return queue(d, refund.forCustomer(customer));
        }
        Duration age = Duration.between(refund.occurredAt(), clock.instant());
        String reason = "refund " + refund.refundId() + " of order " + refund.orderId()
                + ", which PlayLoop never queued (no phone, or paid before PlayLoop was connected)";
        if (age.compareTo(REFUND_WAITS_FOR_ORDER) < 0) {
            log(d, 503, LOG.atWarn()).addKeyValue("orderId", refund.orderId())
                    .log("refund before its order: answering 503 so that Shopify retries after orders/paid");
            return respond(503, mapper.createObjectNode().put("error", "order " + refund.orderId()
                    + " not seen yet; retry later"));
        }
        log(d, 200, LOG.atWarn()).addKeyValue("reason", reason).log("commerce event acknowledged, nothing queued");
        return respond(200, mapper.createObjectNode().put("queued", 0).put("ignored", reason));
    }

    private APIGatewayV2HTTPResponse queue(Delivery d, CommerceEvent event) {
        try {
            sqs.sendMessage(SendMessageRequest.builder()
                    .queueUrl(queueUrl)
                    .messageBody(codec.write(event))
                    .messageGroupId(SqsIds.of(event.customerKey()))
                    .messageDeduplicationId(SqsIds.sha256Hex(event.eventId()))
                    .build());
        } catch (SdkException e) {
            log(d, 500, LOG.atError()).addKeyValue("eventId", event.eventId())
                    .addKeyValue("errorType", e.getClass().getSimpleName()).setCause(e)
                    .log("commerce event not queued; answering 500 so that the shop retries");
            return respond(500, mapper.createObjectNode().put("error", "could not queue the event; retry later"));
        }
        log(d, 200, LOG.atInfo()).addKeyValue("eventId", event.eventId())
                .addKeyValue("customer", Masking.phone(event.customerKey())).log("commerce event queued");
        return respond(200, mapper.createObjectNode().put("queued", 1).put("eventId", event.eventId()));
    }

    private APIGatewayV2HTTPResponse refuse(Delivery d, int status, String reason) {
        log(d, status, LOG.atWarn()).addKeyValue("reason", reason).log("commerce webhook rejected");
        return respond(status, mapper.createObjectNode().put("error", reason));
    }

    private static LoggingEventBuilder log(Delivery d, int status, LoggingEventBuilder line) {
        line = line.addKeyValue("status", status).addKeyValue("route", PATH)
                .addKeyValue("ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - d.started));
        if (d.format != null) {
            line = line.addKeyValue("format", d.format);
        }
        if (d.webhookId != null) {
            line = line.addKeyValue("shopifyWebhookId", d.webhookId);
        }
        if (d.shop != null) {
            line = line.addKeyValue("shop", d.shop);
        }
        if (d.topic != null) {
            line = line.addKeyValue("topic", d.topic);
        }
        return line;
    }

    private APIGatewayV2HTTPResponse respond(int status, ObjectNode body) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(JSON)
                    .withBody(mapper.writeValueAsString(body)).withIsBase64Encoded(false).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the log lines of one delivery share. */
    private record Delivery(long started, String webhookId, String shop, String topic, String format) {
        Delivery(long started, String webhookId, String shop, String topic) {
            this(started, webhookId, shop, topic, null);
        }

        Delivery with(String format) {
            return new Delivery(started, webhookId, shop, topic, format);
        }
    }
}
