package io.playloop.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local cloud's HTTP front door on the JDK's built-in server with a bounded thread pool: reads
 * each request once (at most {@link #MAX_BODY_BYTES}, API Gateway's limit, else 413), hands it to the
 * {@link Router} and writes the answer. A handler that throws gets a 500 with the reason, never a
 * dropped connection.
 *
 * <p>An oversized body never reaches a function. A declared body of at most {@link #LINGER_MAX_BYTES} is read and
 * dropped by a small side pool, for up to {@link #LINGER_TIME}, and only then answered 413: closing a socket with
 * unread bytes makes TCP reset it, and a client still sending (the JDK's HttpClient, curl) would lose the 413 it was
 * sent (CI saw exactly that when the 413 went out first). A larger or undeclared body, one that is still arriving at
 * the deadline, or one refused while the side pool is busy is answered 413 at once and its connection closed: no
 * worker thread waits on the rest of a body that may never end.
 */
public final class LocalHttpServer implements AutoCloseable {
    /** API Gateway's payload limit (10 MB); larger requests get 413 before any function runs. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** The largest refused body still read and dropped before its 413 (see the class comment). */
    static final long LINGER_MAX_BYTES = 64L * 1024 * 1024;
    /** How long a refused body is read and dropped at most before its connection is closed anyway. */
    static final Duration LINGER_TIME = Duration.ofSeconds(15);
    private static final int LINGERING_CONNECTIONS = 4;

    static {
        configureJdkServer();
    }

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final PrintStream errors;
    private final AtomicLong requests = new AtomicLong();
    private volatile Router router = new Router();
    /** Reads and drops refused bodies before their 413; when all are busy the 413 goes at once. */
    private final ThreadPoolExecutor lingering = new ThreadPoolExecutor(0, LINGERING_CONNECTIONS, 10, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "local-http-linger");
                t.setDaemon(true);
                return t;
            });
    private final ScheduledExecutorService lingerDeadlines =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "local-http-linger-deadline");
                t.setDaemon(true);
                return t;
            });

    private LocalHttpServer(HttpServer server, ThreadPoolExecutor executor, PrintStream errors) {
        this.server = server;
        this.executor = executor;
        this.errors = errors;
    }

    /**
     * Binds {@code host:port} (0 = a free port) without serving yet, so the bound port is known before
     * the routes that need it (the Graph API base URL) are built.
     */
    public static LocalHttpServer bind(String host, int port, int threads, PrintStream errors) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
        AtomicInteger n = new AtomicInteger();
        // Bounded: when every thread is busy and the queue is full, the accepting thread runs the
        // request itself, which slows intake instead of failing it.
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), r -> {
                    Thread t = new Thread(r, "local-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        return new LocalHttpServer(server, executor, errors);
    }

    /**
     * Sets the JDK server's own settings (documented in the {@code jdk.httpserver} module), which it reads once,
     * when the first server of the JVM is made: call before any {@code HttpServer.create} (this class does).
     */
    public static void configureJdkServer() {
        // Replies are small writes: Nagle's algorithm would hold each back until the client's delayed ACK
        // (a 1.2-1.7x throughput gain measured on webhooks without it).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // On close the JDK server reads (blocking) up to 64 KB of a body no one read, to keep the connection;
        // a slow or endless sender would hold a worker thread that long. 0: such a connection is closed instead.
        System.setProperty("sun.net.httpserver.drainAmount", "0");
    }

    /** Starts serving with these routes. */
    public LocalHttpServer start(Router routes) {
        this.router = routes;
        server.createContext("/", this::serve);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String host() {
        return server.getAddress().getHostString();
    }

    /** Requests served so far. */
    public long requests() {
        return requests.get();
    }

    /** Requests being read, handled or answered right now (each holds a worker thread). */
    public int activeRequests() {
        return executor.getActiveCount();
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (dropThenRefuse(exchange)) {
            return;
        }
        try {
            LocalResponse response;
            try {
                LocalRequest request = read(exchange);
                response = request == null ? tooLarge() : router.dispatch(request);
            } catch (Exception | StackOverflowError e) {
                errors.println("local cloud: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                        + " failed: " + e);
                response = LocalResponse.error(500, "Internal Server Error: " + e);
            }
            write(exchange, response);
        } finally {
            exchange.close();
        }
    }

    private static LocalResponse tooLarge() {
        return LocalResponse.error(413, "Request Entity Too Large: API Gateway accepts at most " + MAX_BODY_BYTES
                + " bytes").withHeader("Connection", "close");
    }

    /**
     * A declared body over the limit but at most {@link #LINGER_MAX_BYTES}: hands the exchange to the side pool, which
     * reads and drops the body for at most {@link #LINGER_TIME}, then answers 413 and closes. False when the body is
     * within the limit, too large or undeclared, or the pool is busy: the caller goes on (and answers 413 at once).
     */
    private boolean dropThenRefuse(HttpExchange exchange) {
        long declared = declaredLength(exchange);
        if (declared <= MAX_BODY_BYTES || declared > LINGER_MAX_BYTES) {
            return false;
        }
        try {
            lingering.execute(() -> {
                ScheduledFuture<?> deadline = lingerDeadlines.schedule(exchange::close,
                        LINGER_TIME.toMillis(), TimeUnit.MILLISECONDS);
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] drop = new byte[64 * 1024];
                    while (in.read(drop) >= 0) {
                        // dropped: no function sees a body over API Gateway's limit
                    }
                    if (deadline.cancel(false)) {
                        write(exchange, tooLarge());
                    }
                } catch (IOException | RuntimeException e) {
                    // closed by the deadline or by the client: either way the connection ends here
                } finally {
                    deadline.cancel(false);
                    exchange.close();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Reads the request; null when its body is over the limit: a declared length over it is refused unread,
     * a chunked body is read up to the limit and the rest left unread (the connection is then closed).
     */
    private static LocalRequest read(HttpExchange exchange) throws IOException {
        if (declaredLength(exchange) > MAX_BODY_BYTES) {
            return null;
        }
        byte[] body;
        InputStream in = exchange.getRequestBody();
        body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return null;
        }
        in.close();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        InetSocketAddress remote = exchange.getRemoteAddress();
        return new LocalRequest(exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body,
                exchange.getProtocol(), remote == null ? null : remote.getAddress().getHostAddress(),
                exchange.getLocalAddress().getPort());
    }

    /** The Content-Length the client declared; -1 when none (or chunked), and unreadable ones count as none. */
    private static long declaredLength(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1; // the JDK server has already refused a malformed length
        }
    }

    private static void write(HttpExchange exchange, LocalResponse response) throws IOException {
        response.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        boolean noBody = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod())
                || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** Stops accepting and gives running requests two seconds to finish. */
    @Override
    public void close() {
        server.stop(0);
        lingering.shutdownNow();
        lingerDeadlines.shutdownNow();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
