package io.playloop.local;

import static io.playloop.local.DemoQuiz.correctId;
import static io.playloop.local.DemoQuiz.pointsOf;
import static io.playloop.local.LocalCloudClient.readable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.playloop.local.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --data-dir}: a person's customers, what they were sent, what was still queued, the customers' windows
 * and the clock survive a restart of the local cloud on the same directory; without it nothing does.
 */
class DataDirIT {
    private static final String PLAYER = "16505550301";
    private static final String WAITING = "16505550302";

    @TempDir
    Path dataDir;

    @Test
    void aRestartOnTheSameDirectory_keepsCustomers_outbox_queuedMessages_windowsAndClock() throws Exception {
        ByteArrayOutputStream firstConsole = new ByteArrayOutputStream();
        long earned;
        List<JsonNode> sentBefore;
        try (RunningLocalCloud first = start(firstConsole)) {
            LocalCloudClient client = new LocalCloudClient(first.baseUrl());
            client.say(PLAYER, "Sam", "hello");
            JsonNode question = client.say(PLAYER, "Sam", "QUIZ");
            String right = correctId(question);
            earned = pointsOf(right);
            assertThat(readable(client.tap(PLAYER, "Sam", false, right, "x"))).contains("+" + earned);
            client.advanceClock(Duration.ofHours(2));
            sentBefore = client.outbox(PLAYER);

            // A message still being retried when the cloud stops: its reply fails until then.
            client.post("/_local/faults", "{\"graph\":{\"status\":500,\"count\":4,\"to\":\"" + WAITING + "\"}}");
            assertThat(client.postWebhook(client.textWebhook(WAITING, "Ana", "hello"))).isEqualTo(200);
            awaitFaultTaken(client);
        }
        assertThat(firstConsole.toString(StandardCharsets.UTF_8)).contains("Data            " + dataDir.toAbsolutePath(),
                "table created");

        ByteArrayOutputStream secondConsole = new ByteArrayOutputStream();
        try (RunningLocalCloud second = start(secondConsole)) {
            LocalCloudClient client = new LocalCloudClient(second.baseUrl());
            String console = secondConsole.toString(StandardCharsets.UTF_8);
            assertThat(console).contains("table kept", "1 queued message restored", "clock offset PT2H");

            assertThat(client.outbox(PLAYER)).as("what the player was sent before").isEqualTo(sentBefore);
            assertThat(Json.parse(client.get("/_local/clock").body()).path("offset").asText()).isEqualTo("PT2H");
            JsonNode balance = client.say(PLAYER, "Sam", "POINTS");
            assertThat(readable(balance)).as("the player is known, points and all")
                    .startsWith("Points balance: " + earned + ".");

            client.drain();
            List<JsonNode> waiting = client.outbox(WAITING);
            assertThat(waiting).as("the queued message is answered after the restart, inside its window").hasSize(1);

            assertThatThrownBy(() -> start(new ByteArrayOutputStream()))
                    .as("a second local cloud on the same directory")
                    .hasMessageContaining("another local cloud is running on the data directory");
        }
    }

    @Test
    void withoutADataDirectory_aRestartStartsEmpty() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (RunningLocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTests()
                .withOut(new PrintStream(console, true, StandardCharsets.UTF_8)))) {
            new LocalCloudClient(cloud.baseUrl()).say(PLAYER, "Sam", "hello");
        }
        try (RunningLocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTests()
                .withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))) {
            assertThat(new LocalCloudClient(cloud.baseUrl()).outbox(PLAYER)).isEmpty();
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Data            in memory");
    }

    private RunningLocalCloud start(ByteArrayOutputStream console) {
        return LocalCloud.start(LocalCloudOptions.forTests().withDataDir(dataDir)
                .withOut(new PrintStream(console, true, StandardCharsets.UTF_8)));
    }

    /** Waits until the armed fault has failed the waiting customer's reply at least once. */
    private static void awaitFaultTaken(LocalCloudClient client) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode faults = Json.parse(client.get("/_local/faults").body());
            JsonNode own = faults.path("graphByRecipient").path(0); // a fault with "to" is kept per recipient
            if (own.isMissingNode() || own.path("count").asInt(4) < 4) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the waiting customer's reply was never attempted");
    }
}
