package io.playloop.local.chaos;

import io.playloop.whatsapp.webhook.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load of customers chatting at once, mixing every command of the demo campaign (typed, so no reply has to be read
 * first): each customer's messages are posted one after another, as Meta delivers them, customers in parallel. Knows
 * what it sent, so replies can be counted per customer afterwards. A webhook not answered 200 is posted again, as
 * Meta redelivers.
 */
final class ChatLoad {
    /** The script every customer follows, in order (the first message also gets the welcome). */
    static final List<String> SCRIPT = List.of("START", "POINTS", "QUIZ", "B", "SPIN", "REWARDS", "REDEEM 1", "BADGES",
            "TOP", "REFER", "PLAY", "summer", "HELP", "what is this?", "STOP", "START", "QUIZ", "C", "POINTS", "LANG");
    private static final String[] PREFIXES = {"336", "2126", "9715"};

    private final URI base;
    private final String appSecret;
    private final String phoneNumberId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** wa_id -> the texts sent to PlayLoop, in order. */
    final Map<String, List<String>> sent = new ConcurrentHashMap<>();
    final AtomicInteger posts = new AtomicInteger();
    final AtomicInteger notAnswered200 = new AtomicInteger();
    /** Customers whose replies were refused six times in a row. */
    final AtomicInteger unlucky = new AtomicInteger();
    /** Every n-th customer is unlucky (0: none). */
    private final int unluckyEvery;
    private static final int UNLUCKY_MESSAGE = 4;

    ChatLoad(URI base, String appSecret, String phoneNumberId, int unluckyEvery) {
        this.base = base;
        this.unluckyEvery = unluckyEvery;
        this.appSecret = appSecret;
        this.phoneNumberId = phoneNumberId;
    }

    /** Posts {@code messagesEach} messages for each of {@code customers} customers; returns once all were answered 200. */
    void run(int customers, int messagesEach, Instant now, long seed, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                String waId = waId(seed, c);
                int customer = c;
                done.add(pool.submit(() -> {
                    chat(waId, messagesEach, now, customer);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String waId(long seed, int customer) {
        String prefix = PREFIXES[customer % PREFIXES.length];
        int width = 12 - prefix.length();
        return prefix + String.format("%0" + width + "d", Math.floorMod(seed * 7919 + customer, (long) Math.pow(10, width)));
    }

    private void chat(String waId, int messagesEach, Instant now, int customer) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < messagesEach; i++) {
            if (unluckyEvery > 0 && customer % unluckyEvery == 0 && i == UNLUCKY_MESSAGE) {
                // Meta's pair rate limit: this customer's replies are refused six times in a row (more than the inbound
                // queue's five receives), while the customer keeps writing.
                armFault("{\"graph\":{\"status\":400,\"code\":131056,\"count\":6,\"to\":\"" + waId + "\"}}");
                unlucky.incrementAndGet();
            }
            String text = SCRIPT.get(i % SCRIPT.size());
            texts.add(text);
            String wamid = "wamid.LOAD" + waId + "x" + i;
            // Timestamps rise a second per message, so the game sees them in the customer's order.
            String body = webhook(waId, wamid, "Cust" + customer, text, now.getEpochSecond() - messagesEach + i);
            postUntil200(body);
        }
        sent.put(waId, texts);
    }

    private void postUntil200(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; ; attempt++) {
            posts.incrementAndGet();
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(base.resolve("/webhooks/whatsapp")).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header(WebhookSignature.HEADER, WebhookSignature.sign(bytes, appSecret))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            }
            if (status == 200) {
                return;
            }
            notAnswered200.incrementAndGet();
            if (attempt > 50) {
                throw new IllegalStateException("a webhook was not accepted after 50 redeliveries (last answer " + status + ")");
            }
            Thread.sleep(200);
        }
    }

    private void armFault(String json) throws Exception {
        int status = http.send(HttpRequest.newBuilder(base.resolve("/_local/faults")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("POST /_local/faults answered " + status);
        }
    }

    private String webhook(String waId, String wamid, String name, String text, long ts) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + phoneNumberId + "\"},\"contacts\":[{\"profile\":{\"name\":\"" + name + "\"},"
                + "\"wa_id\":\"" + waId + "\"}],\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid
                + "\",\"timestamp\":\"" + ts + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    /** A stream of Graph API fault bursts, armed one after another until stopped. */
    static final class FaultBursts implements AutoCloseable {
        /** Retryable refusals Meta sends under load: a bare 500, 130429 (throughput), 131056 (pair rate), 4 (app rate). */
        static final List<String> KINDS = List.of(
                "{\"graph\":{\"status\":500,\"count\":%d}}",
                "{\"graph\":{\"status\":429,\"code\":130429,\"count\":%d}}",
                "{\"graph\":{\"status\":400,\"code\":131056,\"count\":%d}}",
                "{\"graph\":{\"status\":400,\"code\":4,\"count\":%d}}",
                "{\"graph\":{\"status\":503,\"code\":131000,\"count\":%d}}");
        private final Thread thread;
        final Map<String, Integer> armed = new ConcurrentHashMap<>();
        private volatile boolean stop;

        FaultBursts(URI base, long seed, Duration every) {
            HttpClient http = HttpClient.newHttpClient();
            Random random = new Random(seed);
            thread = new Thread(() -> {
                while (!stop) {
                    int kind = random.nextInt(KINDS.size());
                    int count = 1 + random.nextInt(15);
                    String fault = String.format(KINDS.get(kind), count);
                    try {
                        http.send(HttpRequest.newBuilder(base.resolve("/_local/faults"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(fault)).build(), HttpResponse.BodyHandlers.discarding());
                        armed.merge(fault.replaceAll(",?\"count\":[0-9]+", "").replace("{\"graph\":{", "").replace("}}", ""),
                                count, Integer::sum);
                        Thread.sleep(every.toMillis());
                    } catch (IOException e) {
                        // the next burst
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fault-bursts");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws Exception {
            stop = true;
            thread.interrupt();
            thread.join(5_000);
            // What is still armed stays: the records still queued meet it, as they would meet Meta's limits.
        }
    }
}
