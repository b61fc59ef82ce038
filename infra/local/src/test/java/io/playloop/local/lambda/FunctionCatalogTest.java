package io.playloop.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.playloop.config.PlayLoopConfig;
import io.playloop.config.StaticSecrets;
import io.playloop.definitions.QueueEventSource;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class FunctionCatalogTest {
    private final FunctionCatalog catalog = new FunctionCatalog(null, null,
            new PlayLoopConfig("playloop", "http://127.0.0.1:9324/000000000000/inbound-queue.fifo",
                    "http://127.0.0.1:8080/graph", "v23.0", "100000000000001", "PlayLoop Demo", "en"),
            new StaticSecrets("local-app-secret", "local-verify-token", "local-access-token"), Clock.systemUTC(), null);

    @Test
    void knowsTheGameHandler_withOrWithoutItsMethod() {
        assertThat(catalog.knows("io.playloop.game.GameHandler::handleRequest")).isTrue();
        assertThat(catalog.knows("io.playloop.game.GameHandler")).isTrue();
        assertThat(FunctionCatalog.handlerClass(" io.playloop.game.GameHandler::handleRequest")).isEqualTo("io.playloop.game.GameHandler");
    }

    @Test
    void aHandlerTheLocalCloudCannotBuild_failsWithItsName() {
        QueueEventSource unknown = new QueueEventSource("ReportFunction", "io.playloop.report.ReportHandler::handleRequest",
                "ReportQueue", 10, true, 30);
        assertThat(catalog.knows(unknown.handler())).isFalse();
        assertThat(catalog.knows("io.playloop.reward.RewardHandler::handleRequest")).isTrue();
        assertThatThrownBy(() -> catalog.forEventSource(unknown))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ReportFunction")
                .hasMessageContaining("io.playloop.report.ReportHandler::handleRequest")
                .hasMessageContaining(FunctionCatalog.class.getName());
    }
}
