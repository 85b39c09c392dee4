package io.keydeck.sandbox;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SandboxCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badArgumentsExitWith2AndSayWhatWasWrong() {
        assertThat(run("--port", "99999")).isEqualTo(2);
        assertThat(err()).contains("--port").contains("99999").contains("Usage:");
        assertThat(run("--keys", "many")).isEqualTo(2);
        assertThat(err()).contains("\"many\"");
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err()).contains("--frobnicate");
        assertThat(run("--seed")).isEqualTo(2);
        assertThat(err()).contains("--seed needs a value");
        assertThat(run("--faults", "explode=1")).isEqualTo(2);
        assertThat(err()).contains("explode");
        assertThat(out.size()).isZero();
    }

    @Test
    void helpPrintsUsageAndExits0() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: keydeck sandbox").contains("--no-traffic");
    }

    @Test
    void argumentsBecomeOptions() {
        SandboxOptions o = SandboxCommand.parse(new String[] {"sandbox", "--port", "8089", "--keys=1000", "--seed", "7",
            "--no-traffic", "--faults", "latency=50ms", "--auth-events", "12"});
        assertThat(o).isEqualTo(SandboxOptions.defaults().withPort(8089).withKeys(1000).withSeed(7).withTraffic(false)
                .withFaults("latency=50ms").withAuthEvents(12));
        assertThat(o.trafficInterval()).isEqualTo(Duration.ofMillis(700));
    }
}
