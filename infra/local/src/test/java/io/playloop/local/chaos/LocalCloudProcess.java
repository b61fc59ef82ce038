package io.playloop.local.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged local cloud ({@code infra/local/target/playloop-local.jar}) run as its own process, as a person
 * runs it: started, read until ready, and stopped with Ctrl-C's signal or killed without warning ({@code kill -9}).
 * Its console goes to a file, so the pipe never fills.
 */
public final class LocalCloudProcess implements AutoCloseable {
    private static final Pattern HTTP_LINE = Pattern.compile("HTTP\\s+(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern DYNAMO_LINE = Pattern.compile("DynamoDB Local\\s+(http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final List<String> console = new ArrayList<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile URI baseUrl;
    private volatile URI dynamoDbEndpoint;

    private LocalCloudProcess(Process process, Path consoleFile) {
        this.process = process;
        Thread reader = new Thread(() -> read(consoleFile), "local-cloud-console-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java -jar <jar> <args>} and waits until it says it is ready.
     *
     * @param consoleFile where its console is appended
     */
    public static LocalCloudProcess start(Path jar, List<String> args, Path consoleFile, Duration timeout) throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn -pl infra/local -am package -DskipTests` first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(args);
        LocalCloudProcess cloud = new LocalCloudProcess(new ProcessBuilder(command).redirectErrorStream(true).start(),
                consoleFile);
        try {
            cloud.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cloud.kill();
            throw new IllegalStateException("the local cloud was not ready within " + timeout + ":\n" + cloud.console());
        }
        return cloud;
    }

    private void read(Path consoleFile) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintStream file = new PrintStream(Files.newOutputStream(consoleFile,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true,
                     StandardCharsets.UTF_8)) {
            file.println("--- process " + process.pid() + " ---");
            String line;
            while ((line = lines.readLine()) != null) {
                file.println(line);
                synchronized (console) {
                    if (console.size() < 400) {
                        console.add(line);
                    }
                }
                Matcher http = HTTP_LINE.matcher(line);
                if (http.find()) {
                    baseUrl = URI.create(http.group(1));
                }
                Matcher dynamo = DYNAMO_LINE.matcher(line);
                if (dynamo.find()) {
                    dynamoDbEndpoint = URI.create(dynamo.group(1));
                }
                if (line.startsWith("Ready in")) {
                    ready.complete(null);
                } else if (line.startsWith("playloop-local: cannot start")) {
                    ready.completeExceptionally(new IllegalStateException(line));
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        ready.completeExceptionally(new IllegalStateException("the local cloud exited before it was ready:\n" + console()));
    }

    public URI baseUrl() {
        return baseUrl;
    }

    URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    long pid() {
        return process.pid();
    }

    /** The console lines so far (the first few hundred). */
    String console() {
        synchronized (console) {
            return String.join("\n", console);
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux and macOS
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Ctrl-C's signal (SIGINT; SIGTERM if ignored, as in a background job): the orderly stop. */
    void stop() throws Exception {
        if (!process.isAlive()) {
            return;
        }
        signal("-INT");
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            signal("-TERM");
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void signal(String signal) throws Exception {
        new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
