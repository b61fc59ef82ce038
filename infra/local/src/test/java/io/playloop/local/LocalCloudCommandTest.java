package io.playloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.playloop.local.esm.RetryDelay;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LocalCloudCommandTest {

    private static LocalCloud parse(String... args) {
        LocalCloud command = new LocalCloud();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void withoutFlags_theDocumentedDefaultsApply() {
        LocalCloud c = parse();
        // Environment variables may override these; the build does not set any PLAYLOOP_LOCAL_*.
        assertThat(c.port).isEqualTo(8080);
        assertThat(c.host).isEqualTo("127.0.0.1");
        assertThat(c.dynamoDbPort).isZero();
        assertThat(c.sqsPort).isZero();
        assertThat(c.appSecret).isEqualTo("local-app-secret");
        assertThat(c.verifyToken).isEqualTo("local-verify-token");
        assertThat(c.phoneNumberId).isEqualTo("100000000000001");
        assertThat(c.shopSecret).isEqualTo("local-shop-secret");
        assertThat(c.businessName).isEqualTo("PlayLoop Demo");
        assertThat(c.defaultLanguage).isEqualTo("en");
        assertThat(c.retryDelay).isEqualTo(new RetryDelay(Duration.ofSeconds(2)));
        assertThat(c.pollers).isEqualTo(3);
        assertThat(c.scheduleEvery).as("the scheduler runs by itself every 5 minutes, as on AWS")
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(c.noSchedule).isFalse();
        assertThat(c.noWindow).isFalse();
        assertThat(c.dataDir).as("in memory unless a data directory is given").isNullOrEmpty();
    }

    @Test
    void aDataDirectory_isTakenFromTheFlag() {
        assertThat(parse("--data-dir", "playloop-data").dataDir).isEqualTo("playloop-data");
    }

    @Test
    void theScheduler_canRunEveryMinute_orOnlyOnTick() {
        assertThat(parse("--schedule-every", "PT1M").scheduleEvery).isEqualTo(Duration.ofMinutes(1));
        assertThat(parse("--schedule-every", "none").scheduleEvery).isNull();
        assertThat(parse("--no-schedule").noSchedule).isTrue();
        assertThat(parse("--no-window").noWindow).isTrue();
    }

    @Test
    void aBadScheduleEvery_isAUsageError_thatSaysWhatToWrite() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new LocalCloud()).setErr(new PrintWriter(err)).execute("--schedule-every", "often");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("PT5M").contains("none");
    }

    @Test
    void theOptionsTestsStartWith_tickOnlyWhenAsked_andEnforceTheWindow() {
        assertThat(LocalCloudOptions.forTests().scheduleEvery()).isNull();
        assertThat(LocalCloudOptions.forTests().enforceWindow()).isTrue();
        assertThat(LocalCloudOptions.forTests().withScheduleEvery(Duration.ofSeconds(30)).scheduleEvery())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(LocalCloudOptions.forTests().withWindowEnforced(false).enforceWindow()).isFalse();
    }

    @Test
    void flags_overrideTheDefaults() {
        LocalCloud c = parse("--port", "0", "--dynamodb-port", "8000", "--sqs-port", "9324", "--app-secret", "s3cret",
                "--verify-token", "tok", "--phone-number-id", "106540352242922", "--business-name", "Café Lumière",
                "--default-language", "ar", "--retry-delay", "from-template", "--pollers", "5");
        assertThat(c.port).isZero();
        assertThat(c.dynamoDbPort).isEqualTo(8000);
        assertThat(c.sqsPort).isEqualTo(9324);
        assertThat(c.appSecret).isEqualTo("s3cret");
        assertThat(c.verifyToken).isEqualTo("tok");
        assertThat(c.phoneNumberId).isEqualTo("106540352242922");
        assertThat(c.businessName).isEqualTo("Café Lumière");
        assertThat(c.defaultLanguage).isEqualTo("ar");
        assertThat(c.retryDelay).isEqualTo(RetryDelay.FROM_TEMPLATE);
        assertThat(c.pollers).isEqualTo(5);
    }

    @Test
    void aBadRetryDelay_isAUsageError_thatSaysWhatToWrite() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new LocalCloud()).setErr(new PrintWriter(err)).execute("--retry-delay", "soon");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("PT2S");
    }

    @Test
    void help_listsEveryFlagWithItsEnvironmentVariable() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new LocalCloud()).setOut(new PrintWriter(out)).execute("--help");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--port", "PLAYLOOP_LOCAL_PORT", "--dynamodb-port", "--sqs-port",
                "--app-secret", "--verify-token", "--phone-number-id", "--shop-secret", "--business-name",
                "--default-language", "--retry-delay", "from-template", "PLAYLOOP_LOCAL_RETRY_DELAY", "--data-dir",
                "PLAYLOOP_LOCAL_DATA_DIR");
    }
}
