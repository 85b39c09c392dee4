package io.keydeck.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Crashes are never findings: any throwable ends as exit 5 with one line naming the log, no stack trace. */
class CrashesExitFiveTest {
    private String report(Throwable t, int[] exit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Crash.install();
        exit[0] = Crash.report(t, "keydeck keys list", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stackOverflowAndOutOfMemoryAndAnyOtherFaultAreExitFiveInOneLine() {
        int[] exit = new int[1];
        for (Throwable t : new Throwable[]{new StackOverflowError(), new OutOfMemoryError("Java heap space"),
                new IllegalStateException("token mrk_live_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4Z \u001b[2J")}) {
            String err = report(t, exit);
            assertThat(exit[0]).isEqualTo(ExitCode.LOCAL);
            assertThat(err.lines()).hasSize(1);
            assertThat(err).doesNotContain("\tat ").doesNotContain("\u001b").doesNotContain("Ab3dEf6hIj9k");
        }
    }
}
