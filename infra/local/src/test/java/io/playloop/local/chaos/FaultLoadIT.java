package io.playloop.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.local.LocalCloud;
import io.playloop.local.LocalCloudOptions;
import io.playloop.local.RunningLocalCloud;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bounded fault run of issue 10, point 3 (the scale: {@link FaultLoad#main}). */
class FaultLoadIT {

    @Test
    void underGraphApiFaultBursts_everyMessageIsAnsweredExactlyOnce_noRewardIsDoubled_andNothingIsDeadLettered()
            throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (RunningLocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTests()
                .withOut(new PrintStream(console, true, StandardCharsets.UTF_8)))) {
            FaultLoad.Figures figures = FaultLoad.run(cloud, 30, 12, 7, Boolean.getBoolean("faultload.none") ? null : Duration.ofMillis(150));
            System.out.println("FaultLoadIT: " + figures);
            assertThat(figures.faultsArmed()).as("faults were injected").isNotEmpty();
            assertThat(figures.unanswered()).as(figures.toString()).isZero();
            assertThat(figures.duplicated()).as(figures.toString()).isZero();
            assertThat(figures.answeredOnce()).isEqualTo(figures.messages());
            assertThat(figures.rewardsBeyondRedeems()).as(figures.toString()).isZero();
            assertThat(figures.deadLettered()).as(figures.toString()).isZero();
        }
    }
}
