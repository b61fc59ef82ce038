package io.playloop.ingest;

import io.playloop.sqs.SqsIds;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.playloop.commerce.CommerceEvent;
import io.playloop.commerce.CommerceEventCodec;
import io.playloop.commerce.CommerceLimits;
import io.playloop.commerce.GenericCommerceWebhooks;
import io.playloop.commerce.InvalidCommerceEventException;
import io.playloop.commerce.PhoneNumbers;
import io.playloop.commerce.ShopifyWebhooks;
import io.playloop.config.Secrets;
import io.playloop.logging.Masking;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * {@code POST /webhooks/commerce}: a shop's order, refund or customer update, verified, checked against
 * {@link CommerceLimits}, normalised and put on the inbound FIFO queue as one {@link CommerceEvent} record
 * (group id = customer key, so it is applied in order with the customer's chat messages; deduplication id =
 * SHA-256 of {@link CommerceEvent#eventId()}).
 *
 * <p>Two signatures are accepted: Shopify's {@code X-Shopify-Hmac-Sha256} and PlayLoop's generic
 * {@code X-PlayLoop-Signature} + {@code X-PlayLoop-Timestamp} (see {@code infra/commerce/FORMAT.md}), both keyed
 * with {@link Secrets#shopSecret()}.
 *
 * <p>Answers: 401 bad or missing signature; 413 over {@link #MAX_BODY_BYTES}; 200 once SQS accepted the record;
 * 500 only when a retry can succeed (the queue or the table unreachable or throttled, the shop secret not yet
 * readable; the record is deduplicated). A generic event that is invalid is 400 with the list of problems.
 * Every authentic Shopify webhook PlayLoop cannot use is answered 200 with the reason, logged as a warning:
 * Shopify retries any non-2xx answer for hours and then deletes the subscription. An event older than
 * {@link CommerceLimits#MAX_AGE} (by its own dates, or an order first accepted that long ago) is acknowledged
 * with 200 and not queued: the receipts that make a redelivery harmless would be gone when it is applied.
 *
 * <p>Log lines name the customer by masked key only, never a name, an address or a product, and an SDK
 * exception only by its type and error code: SQS's message may echo the record.
 */
final class CommerceWebhookHandler {
    /** The route. */
    static final String PATH = "/webhooks/commerce";
    /**
     * Largest body accepted: a Shopify order with a thousand line items stays below (only what PlayLoop uses of
     * it is queued).
     */
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
                Instant.EPOCH);
        ShopifyWebhooks.verify(body, ShopifyWebhooks.sign(body, "warm-up"), "warm-up");
        Instant then = Instant.parse("2026-01-01T12:00:00Z");
        codec.write(generic.parse(body, then));
        shopify.parse("orders/paid", ("{\"id\":1,\"total_price\":\"1.00\",\"currency\":\"EUR\",\"created_at\":"
                + "\"2026-01-01T00:00:00+01:00\",\"phone\":\"0612345678\"}").getBytes(StandardCharsets.UTF_8), null,
                then);
        SqsIds.sha256Hex("warm-up");
    }

    APIGatewayV2HTTPResponse handle(HttpRequest request, long started) {
        Delivery d = new Delivery(started, CommerceLimits.echo(request.header(ShopifyWebhooks.WEBHOOK_ID_HEADER)),
                CommerceLimits.echo(request.header(ShopifyWebhooks.SHOP_DOMAIN_HEADER)),
                CommerceLimits.echo(request.header(ShopifyWebhooks.TOPIC_HEADER)));
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
        Instant now = clock.instant();
        try {
            if (shopifyHmac != null) {
                if (!ShopifyWebhooks.verify(body, shopifyHmac, secret)) {
                    return refuse(d, 401, "invalid " + ShopifyWebhooks.HMAC_HEADER);
                }
                Delivery shop = d.with("shopify");
                return shopify(shop, shopify.parse(request.header(ShopifyWebhooks.TOPIC_HEADER), body,
                        request.header(ShopifyWebhooks.TRIGGERED_AT_HEADER), now), now);
            }
            String problem = GenericCommerceWebhooks.verify(body, playLoopSignature,
                    request.header(GenericCommerceWebhooks.TIMESTAMP_HEADER), secret, now);
            if (problem != null) {
                return refuse(d, 401, problem);
            }
            Delivery own = d.with("generic");
            CommerceEvent event = generic.parse(body, now);
            if (CommerceLimits.tooOld(event.occurredAt(), now)) {
                return acknowledge(own, event.eventId() + " occurred at " + event.occurredAt() + ", more than "
                        + CommerceLimits.MAX_AGE.toDays() + " days ago: PlayLoop applies events up to "
                        + CommerceLimits.MAX_AGE.toDays() + " days old; not applied");
            }
            return event instanceof CommerceEvent.OrderPaid order ? order(own, order, now) : queue(own, event);
        } catch (InvalidCommerceEventException e) {
            return invalid(d, e.problems());
        } catch (SdkException e) {
            // The order -> customer link (DynamoDB) failed: nothing was queued, the shop retries.
            log(d, 500, sdkError(LOG.atError(), e))
                    .log("commerce event not queued (table unavailable); answering 500 so that the shop retries");
            return respond(500, mapper.createObjectNode().put("error", "could not record the order; retry later"));
        }
    }

    private APIGatewayV2HTTPResponse shopify(Delivery d, ShopifyWebhooks.Parsed parsed, Instant now) {
        if (parsed instanceof ShopifyWebhooks.Ignored ignored) {
            return acknowledge(d, ignored.reason());
        }
        if (parsed instanceof ShopifyWebhooks.Order order) {
            return order(d, order.event(), now);
        }
        ShopifyWebhooks.Refund refund = (ShopifyWebhooks.Refund) parsed;
        String customer = orders.customerOf(ShopifyWebhooks.SOURCE, refund.orderId());
        if (customer != null) {
            return queue(d, refund.forCustomer(customer));
        }
        Duration age = Duration.between(refund.occurredAt(), now);
        if (age.compareTo(REFUND_WAITS_FOR_ORDER) < 0) {
            log(d, 503, LOG.atWarn()).addKeyValue("orderId", CommerceLimits.echo(refund.orderId()))
                    .log("refund before its order: answering 503 so that Shopify retries after orders/paid");
            return respond(503, mapper.createObjectNode().put("error", "order " + refund.orderId()
                    + " not seen yet; retry later"));
        }
        return acknowledge(d, "refund " + refund.refundId() + " of order " + refund.orderId()
                + ", which PlayLoop never queued (no phone, or paid before PlayLoop was connected)");
    }

    /**
     * Queues an order for the customer it was first queued for, unless it was first accepted more than
     * {@link CommerceLimits#MAX_AGE} ago: then this is a late replay whose first delivery's receipt may be gone.
     */
    private APIGatewayV2HTTPResponse order(Delivery d, CommerceEvent.OrderPaid order, Instant now) {
        ShopOrders.Link link = orders.remember(order.source(), order.orderId(), order.customerKey());
        if (CommerceLimits.tooOld(link.firstSeen(), now)) {
            return acknowledge(d, order.eventId() + " was first accepted at " + link.firstSeen() + ", more than "
                    + CommerceLimits.MAX_AGE.toDays() + " days ago: a replay, not applied");
        }
        if (!link.customerKey().equals(order.customerKey())) {
            log(d, 200, LOG.atWarn()).addKeyValue("eventId", order.eventId())
                    .addKeyValue("customer", Masking.phone(order.customerKey()))
                    .addKeyValue("firstCustomer", Masking.phone(link.customerKey()))
                    .log("order seen before with another phone; it stays its first customer's");
        }
        return queue(d, order.firstAccepted(link.customerKey(), link.firstSeen()));
    }

    private APIGatewayV2HTTPResponse queue(Delivery d, CommerceEvent event) {
        String record = codec.write(event);
        if (record.getBytes(StandardCharsets.UTF_8).length > CommerceLimits.MAX_RECORD_BYTES) {
            // The door's limits keep every record far below; kept so that a gap shows as a refusal, not a retry loop.
            return unusable(d, event.eventId() + " does not fit a queue record");
        }
        try {
            sqs.sendMessage(SendMessageRequest.builder()
                    .queueUrl(queueUrl)
                    .messageBody(record)
                    .messageGroupId(SqsIds.of(event.customerKey()))
                    .messageDeduplicationId(SqsIds.sha256Hex(event.eventId()))
                    .build());
        } catch (SdkException e) {
            if (refusedForItsContent(e)) {
                log(d, d.isShopify() ? 200 : 400, sdkError(LOG.atError(), e)).addKeyValue("eventId", event.eventId())
                        .log("the queue refused the commerce record for its content: a gap in the door's checks");
                return unusable(d, event.eventId() + ": the queue refused the record");
            }
            log(d, 500, sdkError(LOG.atError(), e)).addKeyValue("eventId", event.eventId())
                    .log("commerce event not queued; answering 500 so that the shop retries");
            return respond(500, mapper.createObjectNode().put("error", "could not queue the event; retry later"));
        }
        log(d, 200, LOG.atInfo()).addKeyValue("eventId", event.eventId())
                .addKeyValue("customer", Masking.phone(event.customerKey())).log("commerce event queued");
        return respond(200, mapper.createObjectNode().put("queued", 1).put("eventId", event.eventId()));
    }

    /**
     * SQS refused the record itself (its characters or its size), so a retry of the same body would be refused
     * again; anything else (throttling, an outage, access) may pass on a retry.
     */
    private static boolean refusedForItsContent(SdkException e) {
        if (e instanceof InvalidMessageContentsException) {
            return true;
        }
        if (e instanceof AwsServiceException a && a.statusCode() == 400 && a.awsErrorDetails() != null) {
            String code = a.awsErrorDetails().errorCode();
            return "InvalidMessageContents".equals(code) || "InvalidParameterValue".equals(code)
                    || "MessageTooLong".equals(code);
        }
        return false;
    }

    /** Acknowledged, nothing queued: 200 with the reason, logged as a warning (the shop must not retry). */
    private APIGatewayV2HTTPResponse acknowledge(Delivery d, String reason) {
        log(d, 200, LOG.atWarn()).addKeyValue("reason", reason).log("commerce event acknowledged, nothing queued");
        return respond(200, mapper.createObjectNode().put("queued", 0).put("ignored", reason));
    }

    /** An event that cannot be queued as it is: Shopify hears 200 (see the class comment), the generic format 400. */
    private APIGatewayV2HTTPResponse unusable(Delivery d, String reason) {
        return d.isShopify() ? acknowledge(d, reason) : invalid(d, List.of("body: " + reason));
    }

    private APIGatewayV2HTTPResponse invalid(Delivery d, List<String> problems) {
        ObjectNode json = mapper.createObjectNode().put("error", "invalid commerce event");
        problems.forEach(json.putArray("problems")::add);
        log(d, 400, LOG.atWarn()).addKeyValue("problems", String.join("; ", problems)).log("commerce event refused");
        return respond(400, json);
    }

    /** The SDK exception by type and code only: its message may echo the request (ElasticMQ echoes the body). */
    private static LoggingEventBuilder sdkError(LoggingEventBuilder line, SdkException e) {
        line = line.addKeyValue("errorType", e.getClass().getSimpleName());
        if (e instanceof AwsServiceException a) {
            line = line.addKeyValue("statusCode", a.statusCode());
            if (a.awsErrorDetails() != null) {
                line = line.addKeyValue("errorCode", a.awsErrorDetails().errorCode());
            }
            if (a.requestId() != null) {
                line = line.addKeyValue("requestId", a.requestId());
            }
        }
        return line;
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

        boolean isShopify() {
            return "shopify".equals(format);
        }
    }
}
