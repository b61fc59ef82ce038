package io.playloop.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the conversation tests: one local cloud per test class playing the demo campaign for the business
 * "Café Lumière" (its console output kept out of the build log), and a {@link LocalCloudClient} talking to it.
 * Test classes run one after another, so the static fields belong to the class running.
 */
abstract class LocalCloudConversation {
    static RunningLocalCloud cloud;
    static LocalCloudClient client;

    @BeforeAll
    static void startLocalCloud() {
        cloud = LocalCloud.start(LocalCloudOptions.forTests().withBusinessName("Café Lumière")
                .withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        client = new LocalCloudClient(cloud.baseUrl());
    }

    @AfterAll
    static void stopLocalCloud() {
        if (cloud != null) {
            cloud.close();
            cloud = null;
        }
    }
}
