package io.keydeck.logging;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's logging as it ships: a file in the log dir, KeyDeck's INFO kept, secrets masked. */
class LogSetupTest {
    private static final String SECRET = "mrk_live_Q7pXw2Lm9RtZ4vBn8KcYd3Hs";

    @Test
    void theLogFileKeepsKeyDeckInfoAndMasksKeyShapedTextInMessagesAndStackTraces(@TempDir Path logs) throws Exception {
        LoggerContext context = new LoggerContext(); // a context of its own, as SLF4J's belongs to logback-test.xml
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        LogSetup.apply(context, logs);

        context.getLogger("io.keydeck.test").info("created key {}", SECRET,
                new IllegalStateException("gateway echoed " + SECRET));
        context.getLogger("org.example").info("library chatter below WARN");
        context.stop();

        String written = Files.readString(logs.resolve("keydeck.log"), StandardCharsets.UTF_8);
        assertThat(written).contains("INFO", "io.keydeck.test", "created key mrk_live_", "IllegalStateException")
                .doesNotContain(SECRET, "Q7pXw2Lm9RtZ4vBn8KcYd3Hs", "library chatter");
    }

    @Test
    void aTestOrUserConfigurationFileWinsOverTheBuiltInSetup() {
        // logback-test.xml is on the test class path, so the built-in setup steps aside for it
        assertThat(new LogSetup().configure(new LoggerContext()))
                .isEqualTo(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }
}
