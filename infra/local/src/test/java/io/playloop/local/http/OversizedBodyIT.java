package io.playloop.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Senders of bodies over API Gateway's 10 MB, as a clumsy or hostile client would send them: each gets its 413 (a body
 * of at most 64 MB after it was read and dropped, so the client is done sending and reads it)
 * within a couple of seconds however much it still has to send, no worker thread stays behind on it, and the
 * server answers the next normal request.
 */
class OversizedBodyIT {
    private static final Duration PROMPTLY = Duration.ofSeconds(3);
    private static final AtomicInteger handled = new AtomicInteger();
    private static LocalHttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = LocalHttpServer.bind("127.0.0.1", 0, 4, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        server.start(new Router()
                .route("POST", "/upload", (r, p) -> {
                    handled.incrementAndGet();
                    return LocalResponse.text(200, LocalResponse.TEXT, r.body().length + " bytes");
                })
                .route("GET", "/ping", (r, p) -> LocalResponse.text(200, LocalResponse.TEXT, "pong")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twelveMegabytes_withTheirLength_areDroppedThenAnswered413_andTheConnectionIsClosed() throws Exception {
        try (Socket socket = connect()) {
            sendHeaders(socket, "Content-Length: " + 12 * 1024 * 1024);
            Sender sender = Sender.start(socket, 12 * 1024 * 1024, 0);
            Answer answer = Answer.read(socket);
            sender.stop();

            assertThat(answer.statusLine()).startsWith("HTTP/1.1 413");
            assertThat(answer.headers()).containsIgnoringCase("Connection: close");
            assertThat(answer.closedByServer()).as("the server closes the connection after its 413").isTrue();
            assertThat(answer.took()).isLessThan(PROMPTLY);
        }
        assertServerIsFree();
    }

    @Test
    void twoHundredMegabytes_sentSlowly_get413BeforeMostOfItIsSent() throws Exception {
        try (Socket socket = connect()) {
            sendHeaders(socket, "Content-Length: " + 200L * 1024 * 1024);
            Sender sender = Sender.start(socket, 200L * 1024 * 1024, 20); // 64 KB every 20 ms: ~3 MB/s
            Answer answer = Answer.read(socket);
            sender.stop();

            assertThat(answer.statusLine()).startsWith("HTTP/1.1 413");
            assertThat(answer.took()).isLessThan(PROMPTLY);
            assertThat(sender.sent()).as("bytes sent before the answer").isLessThan(20L * 1024 * 1024);
        }
        assertServerIsFree();
    }

    @Test
    void aChunkedUploadWithoutEnd_isCutAtTheLimit_andAnswered413() throws Exception {
        try (Socket socket = connect()) {
            sendHeaders(socket, "Transfer-Encoding: chunked");
            Sender sender = Sender.startChunked(socket);
            Answer answer = Answer.read(socket);
            sender.stop();

            assertThat(answer.statusLine()).startsWith("HTTP/1.1 413");
            assertThat(answer.headers()).containsIgnoringCase("Connection: close");
            assertThat(answer.closedByServer()).isTrue();
            assertThat(answer.took()).isLessThan(PROMPTLY);
        }
        assertServerIsFree();
    }

    @Test
    void theJavaHttpClient_readsThe413_ofABodyJustOverTheLimit() throws Exception {
        int before = handled.get();
        byte[] body = new byte[LocalHttpServer.MAX_BODY_BYTES + 1];
        Arrays.fill(body, (byte) 'x');
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/upload"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(handled.get()).as("the route never ran").isEqualTo(before);
    }

    @Test
    void aBodyOfExactlyTheLimit_isStillServed() throws Exception {
        byte[] body = new byte[LocalHttpServer.MAX_BODY_BYTES];
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/upload"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(LocalHttpServer.MAX_BODY_BYTES + " bytes");
    }

    /** No worker thread is left on an oversized body, and a normal request is answered right after. */
    private static void assertServerIsFree() throws Exception {
        long deadline = System.nanoTime() + PROMPTLY.toNanos();
        while (server.activeRequests() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.activeRequests()).as("worker threads still busy").isZero();
        HttpResponse<String> ping = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/ping"))
                .timeout(PROMPTLY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ping.body()).isEqualTo("pong");
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout((int) PROMPTLY.toMillis() * 3);
        return socket;
    }

    private static void sendHeaders(Socket socket, String lengthHeader) throws IOException {
        socket.getOutputStream().write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + lengthHeader + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** The response as the client reads it while it is still sending. */
    private record Answer(String statusLine, String headers, boolean closedByServer, Duration took) {
        static Answer read(Socket socket) throws IOException {
            long t0 = System.nanoTime();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            boolean closed;
            try {
                byte[] buffer = new byte[8192];
                while (in.read(buffer) >= 0) {
                    // the 413's JSON body, then the end of the stream
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (IOException e) {
                closed = true; // reset: closed all the same
            }
            int end = text.indexOf("\r\n");
            return new Answer(end < 0 ? text : text.substring(0, end), text, closed, took);
        }
    }

    /** Writes a body in the background until told to stop or the server closes the connection. */
    private static final class Sender {
        private final Thread thread;
        private volatile boolean stopped;
        private volatile long sent;

        private Sender(Runnable body) {
            this.thread = new Thread(body, "oversized-sender");
        }

        static Sender start(Socket socket, long total, long pauseMillis) {
            Sender[] self = new Sender[1];
            self[0] = new Sender(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                try {
                    OutputStream out = socket.getOutputStream();
                    while (!self[0].stopped && self[0].sent < total) {
                        int n = (int) Math.min(chunk.length, total - self[0].sent);
                        out.write(chunk, 0, n);
                        self[0].sent += n;
                        if (pauseMillis > 0) {
                            Thread.sleep(pauseMillis);
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection: what a client sending too much must expect
                }
            });
            self[0].thread.start();
            return self[0];
        }

        static Sender startChunked(Socket socket) {
            Sender[] self = new Sender[1];
            self[0] = new Sender(() -> {
                byte[] data = new byte[64 * 1024];
                Arrays.fill(data, (byte) ' ');
                byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
                try {
                    OutputStream out = socket.getOutputStream();
                    while (!self[0].stopped) { // never sends the last (zero) chunk
                        out.write(size);
                        out.write(data);
                        out.write(crlf);
                        self[0].sent += data.length;
                    }
                } catch (IOException e) {
                    // closed by the server
                }
            });
            self[0].thread.start();
            return self[0];
        }

        long sent() {
            return sent;
        }

        void stop() throws InterruptedException {
            stopped = true;
            thread.join(5_000);
        }
    }
}
