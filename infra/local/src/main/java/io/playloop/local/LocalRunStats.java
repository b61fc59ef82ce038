package io.playloop.local;

import io.playloop.local.emulators.RequestCounter;
import io.playloop.local.esm.EventSourceMapping;
import io.playloop.local.graph.GraphSimulator;
import io.playloop.local.graph.Outbox;
import io.playloop.local.http.LocalHttpServer;
import io.playloop.local.lambda.FunctionCatalog;
import io.playloop.local.lambda.LocalFunction;
import io.playloop.store.CapacityMeter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /_local/stats} shows: invocations per function, what each event-source mapping did,
 * the SQS and DynamoDB requests the functions and pollers made, the capacity units DynamoDB reported,
 * and the Graph simulator's answers. Read it before and after a scenario to price one message.
 */
final class LocalRunStats {
    private final LocalHttpServer http;
    private final List<LocalFunction<?, ?>> functions;
    private final List<EventSourceMapping> mappings;
    private final RequestCounter functionsSqs;
    private final RequestCounter pollerSqs;
    private final RequestCounter functionsDynamo;
    private final FunctionCatalog catalog;
    private final GraphSimulator graph;
    private final Outbox outbox;

    LocalRunStats(LocalHttpServer http, List<LocalFunction<?, ?>> functions, List<EventSourceMapping> mappings,
                  RequestCounter functionsSqs, RequestCounter pollerSqs, RequestCounter functionsDynamo,
                  FunctionCatalog catalog, GraphSimulator graph, Outbox outbox) {
        this.http = http;
        this.functions = List.copyOf(functions);
        this.mappings = List.copyOf(mappings);
        this.functionsSqs = functionsSqs;
        this.pollerSqs = pollerSqs;
        this.functionsDynamo = functionsDynamo;
        this.catalog = catalog;
        this.graph = graph;
        this.outbox = outbox;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("httpRequests", http.requests());
        Map<String, Object> fns = new LinkedHashMap<>();
        functions.forEach(f -> fns.put(f.name(), f.stats()));
        json.put("functions", fns);
        List<Map<String, Object>> esm = new ArrayList<>();
        mappings.forEach(m -> esm.add(m.stats()));
        json.put("eventSourceMappings", esm);
        Map<String, Object> sqs = new LinkedHashMap<>();
        sqs.put("byFunctions", functionsSqs.counts());
        sqs.put("byEventSourceMappings", pollerSqs.counts());
        json.put("sqsRequests", sqs);
        CapacityMeter.Reading capacity = catalog.capacity();
        Map<String, Object> dynamo = new LinkedHashMap<>();
        dynamo.put("requests", functionsDynamo.counts());
        dynamo.put("readUnits", capacity.readUnits());
        dynamo.put("writeUnits", capacity.writeUnits());
        dynamo.put("meteredRequests", capacity.requests());
        json.put("dynamodb", dynamo);
        Map<String, Object> graphJson = new LinkedHashMap<>(graph.stats());
        graphJson.put("outbox", outbox.size());
        json.put("graph", graphJson);
        return json;
    }
}
