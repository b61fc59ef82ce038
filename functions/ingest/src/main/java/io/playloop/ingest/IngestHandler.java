package io.playloop.ingest;

import io.playloop.sqs.SqsIds;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.playloop.commerce.PhoneNumbers;
import io.playloop.config.AwsClients;
import io.playloop.config.EnvironmentVariables;
import io.playloop.config.PlayLoopConfig;
import io.playloop.config.Secrets;
import io.playloop.logging.Masking;
import io.playloop.whatsapp.inbound.InboundMessage;
import io.playloop.whatsapp.inbound.InboundMessageCodec;
import io.playloop.whatsapp.webhook.IgnoreReason;
import io.playloop.whatsapp.webhook.MessageWindow;
import io.playloop.whatsapp.webhook.RefuseReason;
import io.playloop.whatsapp.webhook.Refused;
import io.playloop.whatsapp.webhook.MalformedWebhookException;
import io.playloop.whatsapp.webhook.ParsedWebhook;
import io.playloop.whatsapp.webhook.DeliveryFailure;
import io.playloop.scheduling.DeliveryFailures;
import io.playloop.store.CapacityMeter;
import io.playloop.whatsapp.webhook.WebhookParser;
import io.playloop.whatsapp.webhook.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The webhook entry point (API Gateway HTTP API, payload 2.0): GET handshake and POST webhooks on
 * /webhooks/whatsapp, and the shop's events on POST /webhooks/commerce ({@link CommerceWebhookHandler}).
 * Verifies, splits per message, queues, answers. No game logic here.
 *
 * <p>POST answers: 413 over 4 MiB; 401 without a valid {@code X-Hub-Signature-256} (nothing queued);
 * 400 when the body is not a webhook; 500 only when a retry could succeed: SQS did not take a record
 * for a reason time fixes (a throttle, a 5xx, a network failure, a missing queue), or the failed
 * statuses did not all fit in the time budget (Meta redelivers, and duplicates are harmless); otherwise
 * 200 with {@code {"queued":n,"ignored":m,"refused":k}}. Each message is judged alone: one that cannot be
 * valid (a malformed id, sender, type or timestamp, or one SQS refuses for its contents) is refused and
 * logged with its reason, stale ones are acknowledged, and neither stops the others; statuses, errors and
 * other fields are logged and never bounced, because Meta would retry them for seven days.
 */
public final class IngestHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** The WhatsApp route. */
    public static final String PATH = "/webhooks/whatsapp";
    /** The shop's route (orders, refunds, customer updates). */
    public static final String COMMERCE_PATH = CommerceWebhookHandler.PATH;
    /** Largest webhook accepted (decoded bytes): Meta sends at most 3 MB, so 4 MiB leaves headroom. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    /** Log at most this many masked customer ids per request. */
    private static final int LOGGED_CUSTOMERS = 10;
    /** Log at most this many refusals one by one per request (all are counted in the summary). */
    private static final int LOGGED_REFUSALS = 20;
    /**
     * Failed statuses are applied for at most this long after the request arrived, and only while this much of the
     * function's time is left: the function has 10 s, and the messages beside them must still be queued.
     */
    static final Duration FAILURES_BUDGET = Duration.ofSeconds(4);
    static final Duration FAILURES_RESERVE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);
    private static final Map<String, String> TEXT = Map.of("Content-Type", "text/plain; charset=utf-8");
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private final Secrets secrets;
    private final Clock clock;
    private final WebhookParser parser;
    private final InboundQueue queue;
    /** Null when built without a table client: the commerce route then answers 404. */
    private final CommerceWebhookHandler commerce;
    /** Acts on failed statuses of proactive messages; null without a table client. */
    private final DeliveryFailures failures;

    /**
     * Called by the Lambda runtime: builds the SQS client, configuration and secrets once from the
     * environment. Nothing here calls AWS (SnapStart snapshots the initialised function); the secrets
     * are fetched on first use.
     */
    public IngestHandler() {
        this(fromEnvironment(System.getenv(), Clock.systemUTC()));
        warmUp();
    }

    /** A handler over these dependencies (tests, the local cloud, benchmarks). */
    public IngestHandler(Dependencies dependencies) {
        Dependencies d = Objects.requireNonNull(dependencies, "dependencies");
        if (d.config.inboundQueueUrl() == null) {
            throw new IllegalStateException(EnvironmentVariables.INBOUND_QUEUE_URL
                    + " is not set: the ingest function needs the inbound FIFO queue's URL");
        }
        this.secrets = d.secrets;
        this.clock = d.clock;
        this.parser = new WebhookParser(d.config.phoneNumberId());
        this.queue = new InboundQueue(d.sqs, d.config.inboundQueueUrl(), new InboundMessageCodec(new ObjectMapper()));
        this.commerce = d.dynamo == null ? null : new CommerceWebhookHandler(d.sqs, d.config.inboundQueueUrl(),
                new ShopOrders(d.dynamo, d.config.tableName(), d.clock), d.secrets, d.clock,
                new PhoneNumbers(d.defaultPhoneRegion));
        this.failures = d.dynamo == null ? null
                : new DeliveryFailures(d.dynamo, d.config.tableName(), new CapacityMeter(), d.clock);
    }

    private static Dependencies fromEnvironment(Map<String, String> env, Clock clock) {
        return Dependencies.builder().sqs(AwsClients.sqs(env)).dynamo(AwsClients.dynamoDb(env))
                .config(PlayLoopConfig.fromEnvironment(env)).secrets(AwsClients.secrets(env, clock)).clock(clock)
                .defaultPhoneRegion(env.get(EnvironmentVariables.DEFAULT_PHONE_REGION)).build();
    }

    /**
     * Runs signature, parsing and record encoding once on a synthetic webhook, so the classes of the
     * request path are loaded and initialised in the SnapStart snapshot. Uses a throwaway secret and
     * touches neither SQS nor Secrets Manager.
     */
    void warmUp() {
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"1\"},\"contacts\":[{\"wa_id\":\"1\"}],"
                + "\"messages\":[{\"from\":\"1\",\"id\":\"wamid.WARMUP\",\"timestamp\":\"1\",\"type\":\"text\","
                + "\"text\":{\"body\":\"warm-up \\u0646\"}}]}}]}]}").getBytes(StandardCharsets.UTF_8);
        WebhookSignature.verify(body, WebhookSignature.sign(body, "warm-up"), "warm-up");
        for (InboundMessage m : new WebhookParser().parse(body).messages()) {
            queue.recordBody(m);
            SqsIds.of(m.customerKey());
        }
        if (commerce != null) {
            commerce.warmUp();
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (context != null) {
            PowertoolsLogging.initializeLogging(context);
        }
        long started = System.nanoTime();
        HttpRequest request = new HttpRequest(event);
        try {
            if (servesPath(request.path(), COMMERCE_PATH)) {
                if (commerce == null) {
                    return respond(404, TEXT, "not found: this ingest function is built without the commerce route");
                }
                if (!"POST".equals(request.method())) {
                    return respond(405, Map.of("Content-Type", "text/plain; charset=utf-8", "Allow", "POST"),
                            "method not allowed");
                }
                return commerce.handle(request, started);
            }
            if (!servesPath(request.path(), PATH)) {
                return respond(404, TEXT, "not found");
            }
            switch (request.method()) {
                case "GET":
                    return verify(request);
                case "POST":
                    return receive(request, started,
                            context == null ? () -> Long.MAX_VALUE : context::getRemainingTimeInMillis);
                default:
                    return respond(405, Map.of("Content-Type", "text/plain; charset=utf-8", "Allow", "GET, POST"),
                            "method not allowed");
            }
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("status", 500).addKeyValue("ms", millisSince(started))
                    .addKeyValue("errorType", e.getClass().getSimpleName()).addKeyValue("error", Masking.error(e))
                    .log("webhook request failed; Meta will redeliver");
            return respond(500, TEXT, "internal error; retry later");
        }
    }

    /** A route, also behind a named stage ({@code /prod/webhooks/whatsapp}). */
    private static boolean servesPath(String path, String route) {
        if (path.equals(route)) {
            return true;
        }
        if (!path.endsWith(route)) {
            return false;
        }
        String stage = path.substring(0, path.length() - route.length());
        return stage.length() > 1 && stage.indexOf('/', 1) < 0;
    }

    // --- GET: Meta's verification handshake ---------------------------------------------------------

    private APIGatewayV2HTTPResponse verify(HttpRequest request) {
        String mode = request.queryParameter("hub.mode");
        String token = request.queryParameter("hub.verify_token");
        String challenge = request.queryParameter("hub.challenge");
        boolean ok = "subscribe".equals(mode) && challenge != null && token != null
                && constantTimeEquals(secrets.verifyToken(), token);
        LOG.atInfo().addKeyValue("status", ok ? 200 : 403).addKeyValue("mode", mode)
                .log(ok ? "webhook verification accepted" : "webhook verification refused");
        // The challenge goes back verbatim as text: JSON quotes would break Meta's comparison.
        return ok ? respond(200, TEXT, challenge) : respond(403, TEXT, "forbidden");
    }

    /** Compares digests of both values so neither the content nor the length leaks through timing. */
    private static boolean constantTimeEquals(String expected, String presented) {
        if (expected == null || expected.isEmpty()) {
            return false;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(presented.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    // --- POST: a webhook ------------------------------------------------------------------------------

    private APIGatewayV2HTTPResponse receive(HttpRequest request, long started, LongSupplier remainingMillis) {
        byte[] body;
        try {
            body = request.body(MAX_BODY_BYTES);
        } catch (IllegalArgumentException e) {
            return rejected(400, "body marked base64 is not base64", started, -1);
        }
        if (body == null) {
            return rejected(413, "payload too large", started, -1);
        }
        String signature = request.header(WebhookSignature.HEADER);
        if (signature == null) {
            return rejected(401, "missing X-Hub-Signature-256", started, body.length);
        }
        if (!WebhookSignature.verify(body, signature, secrets.appSecret())) {
            return rejected(401, "invalid signature", started, body.length);
        }
        ParsedWebhook parsed;
        try {
            // The time rule is the replay guard: see MessageWindow.
            parsed = MessageWindow.apply(parser.parse(body), clock.instant());
        } catch (MalformedWebhookException e) {
            return rejected(400, e.getMessage(), started, body.length, "not a webhook");
        }

        DeliveryFailures.Summary applied = applyFailures(parsed, started, remainingMillis);
        InboundQueue.Result result = parsed.hasNothingToQueue() ? InboundQueue.Result.NOTHING
                : queue.publish(inTimestampOrder(parsed.messages()));
        List<Refused> refused = new ArrayList<>(parsed.refused());
        for (InboundQueue.Refusal r : result.refused()) {
            refused.add(Refused.of(RefuseReason.SQS_REFUSED, r.message().wamid(), r.message().customerKey()));
        }
        logRefusals(refused, result);
        boolean retryHelps = !result.allSettled() || applied.deferred() > 0;
        int status = retryHelps ? 500 : 200;
        summary(status, parsed, result, refused, applied, body.length, started);
        if (retryHelps) {
            return respond(500, TEXT, "could not queue every message; retry later");
        }
        return respond(200, JSON, "{\"queued\":" + result.queued() + ",\"ignored\":" + parsed.ignored().size()
                + ",\"refused\":" + refused.size() + "}");
    }

    /**
     * A proactive message Meta reports {@code failed} (131049, 131050, often 131047 come only this way) reopens its
     * reminder or stops marketing; a reply's failure is only counted. All the records the statuses name are read
     * with one BatchGetItem per 100, then the reminders among them applied while the budget lasts
     * ({@link #FAILURES_BUDGET}); the ones left make the answer 500 so that Meta redelivers (the ones applied are
     * then recognised, the messages deduplicated). A failure that cannot be recorded is logged and the webhook still
     * answered, so one bad status never makes Meta redeliver the customers' messages beside it for days (the
     * reminder then simply stays counted as sent).
     */
    private DeliveryFailures.Summary applyFailures(ParsedWebhook parsed, long started, LongSupplier remainingMillis) {
        List<DeliveryFailure> all = parsed.failures();
        if (all.isEmpty()) {
            return new DeliveryFailures.Summary(Map.of(), 0, 0);
        }
        if (failures == null) {
            LOG.atWarn().addKeyValue("failedStatuses", all.size()).log("sent messages failed (no table to record them)");
            return new DeliveryFailures.Summary(Map.of(), 0, 0);
        }
        long budgetEnds = started + FAILURES_BUDGET.toNanos();
        try {
            return failures.applyAll(all, () -> System.nanoTime() < budgetEnds
                    && remainingMillis.getAsLong() > FAILURES_RESERVE.toMillis());
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("failedStatuses", all.size()).addKeyValue("error", Masking.error(e))
                    .log("could not record the failed statuses");
            return new DeliveryFailures.Summary(Map.of(), 0, all.size());
        }
    }

    /** One line per refused message (the first {@link #LOGGED_REFUSALS}): the reason, the wamid cut, the sender masked. */
    private static void logRefusals(List<Refused> refused, InboundQueue.Result result) {
        for (int i = 0; i < Math.min(refused.size(), LOGGED_REFUSALS); i++) {
            Refused r = refused.get(i);
            LoggingEventBuilder line = LOG.atWarn().addKeyValue("reason", r.reason().code())
                    .addKeyValue("wamid", r.wamid()).addKeyValue("customer", r.customer());
            if (r.reason() == RefuseReason.SQS_REFUSED) {
                line = line.addKeyValue("sqsError", result.refused().stream()
                        .filter(q -> Masking.id(q.message().wamid()).equals(r.wamid())).map(InboundQueue.Refusal::code)
                        .findFirst().orElse(null));
            }
            line.log("inbound message refused: not queued");
        }
    }

    /**
     * Meta lists a batch in no guaranteed order; a stable sort by {@code timestamp} queues each
     * customer's messages in the order they were sent (ties, same second, keep Meta's order).
     */
    private static List<InboundMessage> inTimestampOrder(List<InboundMessage> messages) {
        List<InboundMessage> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparing(InboundMessage::sentAt));
        return sorted;
    }

    private APIGatewayV2HTTPResponse rejected(int status, String reason, long started, int bytes) {
        return rejected(status, reason, started, bytes, reason);
    }

    /**
     * @param logged what the log line says: never the parser's message, which may quote the body (a name, a text)
     */
    private APIGatewayV2HTTPResponse rejected(int status, String reason, long started, int bytes, String logged) {
        LOG.atWarn().addKeyValue("status", status).addKeyValue("reason", logged).addKeyValue("bytes", bytes)
                .addKeyValue("ms", millisSince(started)).log("webhook rejected");
        return respond(status, TEXT, status == 400 ? "malformed webhook: " + reason : reason);
    }

    /** One line per webhook: what was queued, ignored and refused and why, size and time. */
    private void summary(int status, ParsedWebhook parsed, InboundQueue.Result result, List<Refused> refused,
                         DeliveryFailures.Summary applied, int bytes, long started) {
        LoggingEventBuilder line = (status == 200 ? LOG.atInfo() : LOG.atError())
                .addKeyValue("status", status)
                .addKeyValue("messages", parsed.messages().size())
                .addKeyValue("queued", result.queued())
                .addKeyValue("notQueued", result.notQueued())
                .addKeyValue("ignored", parsed.ignored().size())
                .addKeyValue("refused", refused.size())
                .addKeyValue("sqsRequests", result.requests())
                .addKeyValue("retriedEntries", result.retried())
                .addKeyValue("bytes", bytes)
                .addKeyValue("ms", millisSince(started));
        for (Map.Entry<IgnoreReason, Integer> e : parsed.ignoredByReason().entrySet()) {
            line = line.addKeyValue("ignored." + e.getKey().code(), e.getValue());
        }
        Map<RefuseReason, Integer> refusedByReason = new EnumMap<>(RefuseReason.class);
        refused.forEach(r -> refusedByReason.merge(r.reason(), 1, Integer::sum));
        for (Map.Entry<RefuseReason, Integer> e : refusedByReason.entrySet()) {
            line = line.addKeyValue("refused." + e.getKey().code(), e.getValue());
        }
        if (!parsed.failures().isEmpty()) {
            line = line.addKeyValue("failedStatuses", parsed.failures().size())
                    .addKeyValue("failedStatusesDeferred", applied.deferred())
                    .addKeyValue("failedStatusesNotRecorded", applied.errors());
            for (Map.Entry<DeliveryFailures.Result, Integer> e : applied.results().entrySet()) {
                line = line.addKeyValue("failedStatuses." + e.getKey().name().toLowerCase(java.util.Locale.ROOT),
                        e.getValue());
            }
        }
        if (!parsed.messages().isEmpty()) {
            Set<String> customers = new LinkedHashSet<>();
            Instant oldest = null;
            for (InboundMessage m : parsed.messages()) {
                if (customers.size() < LOGGED_CUSTOMERS) {
                    customers.add(Masking.phone(m.customerKey()));
                }
                oldest = oldest == null || m.sentAt().isBefore(oldest) ? m.sentAt() : oldest;
            }
            // A large age means Meta is redelivering a backlog (after an outage here or there).
            line = line.addKeyValue("customers", String.join(",", customers))
                    .addKeyValue("oldestMessageAgeSeconds", Duration.between(oldest, clock.instant()).toSeconds());
        }
        if (result.failureCode() != null) {
            line = line.addKeyValue("sqsError", result.failureCode());
        }
        line.log(status == 200
                ? (parsed.hasNothingToQueue() ? "webhook acknowledged, nothing to queue" : "webhook queued")
                : "webhook not fully handled; answering 500 so that Meta redelivers");
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static APIGatewayV2HTTPResponse respond(int status, Map<String, String> headers, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    /** What an ingest handler runs on, built with {@link #builder()}. Immutable. */
    public static final class Dependencies {
        private final SqsClient sqs;
        private final DynamoDbClient dynamo;
        private final PlayLoopConfig config;
        private final Secrets secrets;
        private final Clock clock;
        private final String defaultPhoneRegion;

        private Dependencies(Builder b) {
            this.sqs = b.sqs;
            this.dynamo = b.dynamo;
            this.config = b.config;
            this.secrets = b.secrets;
            this.clock = b.clock;
            this.defaultPhoneRegion = b.defaultPhoneRegion;
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Dependencies}; what is not set takes the default its setter names. */
        public static final class Builder {
            private SqsClient sqs;
            private DynamoDbClient dynamo;
            private PlayLoopConfig config;
            private Secrets secrets;
            private Clock clock = Clock.systemUTC();
            private String defaultPhoneRegion;

            private Builder() {
            }

            /** The client of the inbound FIFO queue. */
            public Builder sqs(SqsClient sqs) {
                this.sqs = sqs;
                return this;
            }

            /**
             * The table client, for the shop order → customer link refunds need ({@link ShopOrders}) and the failed
             * statuses of proactive messages. Default: none, and the handler serves WhatsApp only (the commerce
             * route answers 404, failed statuses are only logged).
             */
            public Builder dynamo(DynamoDbClient dynamo) {
                this.dynamo = dynamo;
                return this;
            }

            public Builder config(PlayLoopConfig config) {
                this.config = config;
                return this;
            }

            /** The app secret (signatures), the verify token and the shop's webhook secret. */
            public Builder secrets(Secrets secrets) {
                this.secrets = secrets;
                return this;
            }

            /** Default: the system's UTC clock. */
            public Builder clock(Clock clock) {
                this.clock = Objects.requireNonNull(clock, "clock");
                return this;
            }

            /**
             * The region of shop phone numbers without a country code. Default: {@link PhoneNumbers#DEFAULT_REGION}.
             */
            public Builder defaultPhoneRegion(String defaultPhoneRegion) {
                this.defaultPhoneRegion = defaultPhoneRegion;
                return this;
            }

            /** @throws IllegalStateException without the queue client or the configuration */
            public Dependencies build() {
                if (sqs == null || config == null) {
                    throw new IllegalStateException("an ingest handler needs sqs and config");
                }
                return new Dependencies(this);
            }
        }
    }
}
