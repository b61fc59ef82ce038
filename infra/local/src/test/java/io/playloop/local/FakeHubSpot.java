package io.playloop.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HubSpot's contacts batch upsert (and its GDPR delete), simulated on 127.0.0.1 with the JDK's HTTP server (WireMock's Jetty 11
 * cannot share a class path with DynamoDB Local's Jetty 12, which the local cloud runs; the vendor request
 * shapes are asserted with WireMock in shared's CRM tests). Answers with the status set, records each body.
 */
final class FakeHubSpot implements AutoCloseable {
    static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";
    static final String GDPR_DELETE = "/crm/v3/objects/contacts/gdpr-delete";

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** One request: the status it got, its body and its path. */
    record Call(int status, String body, String path) {
    }

    FakeHubSpot() throws IOException {
        io.playloop.local.http.LocalHttpServer.configureJdkServer(); // before the JVM's first JDK server
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(UPSERT, exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int answer = status.get();
            calls.add(new Call(answer, new String(body, StandardCharsets.UTF_8), UPSERT));
            byte[] response = (answer == 200 ? "{\"status\":\"COMPLETE\",\"results\":[]}"
                    : "{\"status\":\"error\",\"message\":\"Service Unavailable\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        });
        server.createContext(GDPR_DELETE, exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            calls.add(new Call(204, new String(body, StandardCharsets.UTF_8), GDPR_DELETE));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What every later request gets (503 for an outage, 200 once it recovers). */
    void answer(int httpStatus) {
        status.set(httpStatus);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
