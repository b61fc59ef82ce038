package io.playloop.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.esm.DeadLetterQueues;
import io.playloop.local.esm.Drainer;
import io.playloop.local.graph.CustomerWindows;
import io.playloop.local.graph.GraphFaults;
import io.playloop.local.graph.GraphSimulator;
import io.playloop.local.graph.Outbox;
import io.playloop.local.http.ApiGatewayHttpApi;
import io.playloop.local.http.Json;
import io.playloop.local.http.LocalRequest;
import io.playloop.local.http.LocalResponse;
import io.playloop.local.http.Router;
import io.playloop.local.lambda.LocalFunction;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The routes of DESIGN.md's local-cloud contract: the API Gateway routes in front of the ingest
 * function, the Graph API simulator, and the {@code /_local/*} controls.
 */
final class LocalRoutes {
    static final String WEBHOOK_PATH = "/webhooks/whatsapp";
    static final String COMMERCE_PATH = "/webhooks/commerce";
    static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private final LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ingest;
    private final ApiGatewayHttpApi apiGateway;
    private final GraphSimulator graph;
    private final Outbox outbox;
    private final GraphFaults faults;
    private final SimulatedClock clock;
    private final Drainer drainer;
    private final DeadLetterQueues deadLetters;
    private final Supplier<Map<String, Object>> stats;
    private final Supplier<String> index;
    private final PrintStream log;
    private final SchedulerTicks ticks;
    private final CustomerWindows windows;

    /**
     * @param ticks   runs the scheduler function ({@code POST /_local/tick})
     * @param windows where the Graph simulator learns when each customer last wrote (from accepted webhooks)
     */
    LocalRoutes(LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> ingest, ApiGatewayHttpApi apiGateway,
                GraphSimulator graph, Outbox outbox, GraphFaults faults, SimulatedClock clock, Drainer drainer,
                DeadLetterQueues deadLetters, Supplier<Map<String, Object>> stats, Supplier<String> index,
                PrintStream log, SchedulerTicks ticks, CustomerWindows windows) {
        this.ticks = ticks;
        this.windows = windows;
        this.ingest = ingest;
        this.apiGateway = apiGateway;
        this.graph = graph;
        this.outbox = outbox;
        this.faults = faults;
        this.clock = clock;
        this.drainer = drainer;
        this.deadLetters = deadLetters;
        this.stats = stats;
        this.index = index;
        this.log = log;
    }

    Router router() {
        return new Router()
                .route("GET", "/", (r, p) -> LocalResponse.text(200, LocalResponse.HTML, index.get()))
                .route("GET", WEBHOOK_PATH, (r, p) -> webhook(r, WEBHOOK_PATH))
                .route("POST", WEBHOOK_PATH, (r, p) -> webhook(r, WEBHOOK_PATH))
                .route("POST", COMMERCE_PATH, (r, p) -> webhook(r, COMMERCE_PATH))
                .route("POST", "/graph/{version}/{phoneNumberId}/messages",
                        (r, p) -> graph.send(r, p.get("version"), p.get("phoneNumberId")))
                .route("GET", "/_local/outbox", (r, p) -> outbox(r))
                .route("GET", "/_local/clock", (r, p) -> clockNow())
                .route("POST", "/_local/clock", (r, p) -> setClock(r))
                .route("POST", "/_local/tick", (r, p) -> tick())
                .route("POST", "/_local/drain", (r, p) -> drain(r))
                .route("GET", "/_local/dlq", (r, p) -> LocalResponse.json(200, deadLetters.list()))
                .route("GET", "/_local/faults", (r, p) -> LocalResponse.json(200, faults.toJson()))
                .route("POST", "/_local/faults", (r, p) -> setFaults(r))
                .route("GET", "/_local/stats", (r, p) -> LocalResponse.json(200, stats.get()));
    }

    /** API Gateway (HTTP API, payload 2.0) → the ingest function (both its routes) → back to HTTP. */
    private LocalResponse webhook(LocalRequest request, String route) {
        APIGatewayV2HTTPEvent event = apiGateway.toEvent(request, request.method() + " " + route);
        String requestId = event.getRequestContext().getRequestId();
        // Meta opens a customer's 24-hour window when it receives the customer's message. Learned before the
        // ingest function queues it (the game may answer before ingest returns) and undone if ingest refuses it.
        Map<String, Instant> before = "POST".equals(request.method()) && WEBHOOK_PATH.equals(route)
                ? windows.customersWrote(CustomerWindows.senders(request.body()), clock.instant()) : Map.of();
        boolean accepted = false;
        try {
            APIGatewayV2HTTPResponse response = ingest.invoke(event);
            accepted = response.getStatusCode() / 100 == 2;
            return apiGateway.toResponse(response, requestId);
        } catch (RuntimeException e) {
            log.println("local cloud: " + ingest.name() + " failed (API Gateway answers 500): " + e);
            return apiGateway.internalServerError(requestId);
        } finally {
            if (!accepted) {
                windows.restore(before);
            }
        }
    }

    private LocalResponse outbox(LocalRequest request) {
        String to = request.queryParameters().get("to");
        List<Outbox.Entry> entries = to == null || to.isBlank() ? outbox.all() : outbox.to(to);
        List<Map<String, Object>> json = new ArrayList<>(entries.size());
        for (Outbox.Entry e : entries) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("seq", e.seq());
            entry.put("at", e.at().toString());
            if (e.wamid() != null) {
                entry.put("wamid", e.wamid());
            }
            entry.put("body", e.body());
            json.add(entry);
        }
        return LocalResponse.json(200, json);
    }

    private LocalResponse clockNow() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("now", clock.instant().toString());
        json.put("offset", clock.offset().toString());
        return LocalResponse.json(200, json);
    }

    private LocalResponse setClock(LocalRequest request) {
        JsonNode body;
        try {
            body = Json.parse(request.body());
        } catch (IllegalArgumentException e) {
            return LocalResponse.error(400, "expected {\"advance\":\"PT72H\"} or {\"set\":\"2026-12-01T10:00:00Z\"}: "
                    + e.getMessage());
        }
        try {
            if (body.hasNonNull("advance") && !body.hasNonNull("set")) {
                clock.advance(Duration.parse(body.get("advance").asText()));
            } else if (body.hasNonNull("set") && !body.hasNonNull("advance")) {
                clock.set(Instant.parse(body.get("set").asText()));
            } else {
                return LocalResponse.error(400, "give exactly one of \"advance\" (an ISO-8601 duration such as PT72H)"
                        + " or \"set\" (an instant such as 2026-12-01T10:00:00Z)");
            }
        } catch (DateTimeParseException e) {
            return LocalResponse.error(400, "cannot read the time: " + e.getMessage()
                    + " (advance takes an ISO-8601 duration such as PT72H, set an instant such as 2026-12-01T10:00:00Z)");
        }
        return clockNow();
    }

    /** Runs the scheduler function now (after a run in progress) and answers {@code {"ran":true, ...summary}}. */
    private LocalResponse tick() {
        try {
            return LocalResponse.json(200, ticks.tick());
        } catch (RuntimeException e) {
            log.println("local cloud: SchedulerFunction failed: " + e);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ran", false);
            json.put("error", e.toString());
            return LocalResponse.json(500, json);
        }
    }

    private LocalResponse drain(LocalRequest request) throws InterruptedException {
        Duration timeout = DEFAULT_DRAIN_TIMEOUT;
        String asked = request.queryParameters().get("timeout");
        if (asked != null && !asked.isBlank()) {
            try {
                timeout = Duration.parse(asked);
            } catch (DateTimeParseException e) {
                return LocalResponse.error(400, "timeout must be an ISO-8601 duration such as PT30S, got " + asked);
            }
            if (timeout.isNegative()) {
                return LocalResponse.error(400, "timeout must not be negative, got " + asked);
            }
        }
        Drainer.Result result = drainer.drain(timeout);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("drained", result.drained());
        json.put("waited", result.waited().toString());
        if (!result.drained()) {
            json.put("message", "not drained within " + timeout + ": records are still queued or being processed"
                    + " (failing records are retried until they land in a dead-letter queue)");
            json.put("queues", result.queues());
            json.put("runningInvocations", result.runningInvocations());
            return LocalResponse.json(504, json);
        }
        return LocalResponse.json(200, json);
    }

    private LocalResponse setFaults(LocalRequest request) {
        try {
            faults.configure(Json.parse(request.body()));
        } catch (IllegalArgumentException e) {
            return LocalResponse.error(400, "faults not changed: " + e.getMessage());
        }
        return LocalResponse.json(200, faults.toJson());
    }
}
