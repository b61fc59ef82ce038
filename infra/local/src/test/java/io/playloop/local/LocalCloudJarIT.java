package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packaged jar as a user runs it: {@code java -jar infra/local/target/playloop-local.jar}. */
class LocalCloudJarIT {
    private static final Path JAR = Path.of("target", "playloop-local.jar");
    private static final Pattern HTTP_LINE = Pattern.compile("HTTP\\s+(http://127\\.0\\.0\\.1:\\d+)");

    private static Process launch(String... args) throws Exception {
        assertThat(JAR).as("run `mvn package` first").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void help_runsFromTheJar_andListsTheFlags() throws Exception {
        Process p = launch("--help");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).contains("--port", "--retry-delay", "PLAYLOOP_LOCAL_APP_SECRET", "--data-dir");
        assertThat(Files.isDirectory(Path.of("target", "lib"))).isTrue();
    }

    @Test
    void theJar_startsOnFreePorts_servesHttp_andStopsCleanlyOnCtrlC() throws Exception {
        assumeTrue(!System.getProperty("os.name").toLowerCase().contains("win"), "sends SIGINT with kill");
        Process p = launch("--port", "0");
        StringBuilder console = new StringBuilder();
        String baseUrl = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                console.append(line).append('\n');
                Matcher m = HTTP_LINE.matcher(line);
                if (m.find()) {
                    baseUrl = m.group(1);
                }
                if (line.startsWith("Ready in") || line.startsWith("playloop-local: cannot start")) {
                    break;
                }
            }
            assertThat(console.toString()).as(console.toString()).contains("Ready in");
            HttpResponse<String> index = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(index.statusCode()).isEqualTo(200);

            // Ctrl-C. (Process.destroy() would close the streams this test reads.) A process started
            // with SIGINT ignored (a background CI job) cannot see it: then SIGTERM, same shutdown hook.
            signal("-INT", p);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                signal("-TERM", p);
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            while ((line = lines.readLine()) != null) {
                console.append(line).append('\n');
            }
        } finally {
            p.destroyForcibly();
        }
        assertThat(console.toString()).contains("DynamoDB Local  http://127.0.0.1:", "ElasticMQ       http://127.0.0.1:",
                "Stopped in").doesNotContain("Exception", "\tat ", "Initializing DynamoDB Local");
    }

    private static void signal(String signal, Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, String.valueOf(p.pid())).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
