package io.keydeck.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, item 1, as commands in a shell: typos and unknown options are usage errors (exit 2, one
 * line with the nearest word), {@code --version} prints the version, and a window start without a
 * display is exit 2 with one sentence, never a stack trace and never JavaFX's class-path warning.
 * Each run has no display: had any of them started the window, it would have said so or hung.
 */
class CommandLineNeverOpensTheWindowByAccidentTest {
    @TempDir Path home;

    @Test
    void typosAndUnknownOptionsAreUsageErrorsNamingTheNearestWord() throws Exception {
        KeyDeckProcess keydeck = new KeyDeckProcess(home);
        KeyDeckProcess.Run key = keydeck.run("key", "list");
        assertThat(key.exit()).isEqualTo(2);
        assertThat(key.firstErrLine()).isEqualTo("keydeck: unknown command 'key' — did you mean 'keys'?");
        assertThat(key.out()).isEmpty();

        KeyDeckProcess.Run foo = keydeck.run("foo");
        assertThat(foo.exit()).isEqualTo(2);
        assertThat(foo.firstErrLine()).isEqualTo("keydeck: unknown command 'foo'.");

        KeyDeckProcess.Run option = keydeck.run("--verison");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.firstErrLine()).isEqualTo("keydeck: unknown option '--verison' — did you mean '--version'?");

        KeyDeckProcess.Run sub = keydeck.run("connections", "lst");
        assertThat(sub.exit()).isEqualTo(2);
        assertThat(sub.firstErrLine()).isEqualTo("keydeck connections: unknown subcommand \"lst\" — did you mean 'list'?");
        assertThat(Files.exists(keydeck.runtimeDir().resolve("keydeck"))).as("no window start took the lock").isFalse();
    }

    @Test
    void versionPrintsTheBuiltVersion() throws Exception {
        KeyDeckProcess.Run version = new KeyDeckProcess(home).run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.firstOutLine()).matches("keydeck \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(version.err()).isEmpty();
    }

    @Test
    void aWindowStartWithoutADisplayIsExitTwoWithOneSentence() throws Exception {
        KeyDeckProcess keydeck = new KeyDeckProcess(home);
        KeyDeckProcess.Run none = keydeck.run();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.firstErrLine())
                .isEqualTo("KeyDeck's window needs a display; for the command line run 'keydeck --help'.");
        assertThat(none.err().lines()).hasSize(2);

        // a DISPLAY that names no X server: GTK's own failure is turned into the same sentence
        Map<String, String> gone = new HashMap<>();
        gone.put("DISPLAY", ":" + (900 + ProcessHandle.current().pid() % 90));
        KeyDeckProcess.Run unreachable = keydeck.run(gone, List.of(), "--view", "usage");
        assertThat(unreachable.exit()).isEqualTo(2);
        assertThat(unreachable.firstErrLine())
                .isEqualTo("KeyDeck's window needs a display; for the command line run 'keydeck --help'.");
        assertThat(unreachable.err()).doesNotContain("WARNING");
    }
}
