package io.playloop.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded {@code kill -9} run CI can afford ({@link KillNineRun} runs it at the scale): 300 signed
 * webhooks from 50 customers, the packaged local cloud killed once in the middle and started again on its data
 * directory, what was not answered 200 posted again. Nothing accepted is lost and no reward is given twice; a
 * reply may go out twice only in the window the design allows (sent, then killed before its receipt said so).
 */
class KillNineIT {
    @TempDir
    Path work;

    @Test
    void killedMidLoad_andRestartedOnItsDataDirectory_everyAcceptedMessageIsAnswered_andNoRewardIsDoubled()
            throws Exception {
        KillNineRun.Figures figures = KillNineRun.run(new KillNineRun.Config(300, 50, 1, 7, 16, KillNineRun.JAR, work),
                System.out);
        figures.print(System.out);

        assertThat(figures.accepted()).as("every webhook is accepted at last (Meta redelivers)").isEqualTo(300);
        assertThat(figures.lost()).as("accepted but never answered").isZero();
        assertThat(figures.rewardsDoubled()).isZero();
        assertThat(figures.deadLettered()).isZero();
        assertThat(figures.unexplained()).as("replies no message accounts for").isZero();
        assertThat(figures.answered() + figures.silent()).isEqualTo(figures.accepted());
        assertThat(figures.restoredAtRestart()).as("the restart found its queues").allMatch(n -> n >= 0);
    }
}
