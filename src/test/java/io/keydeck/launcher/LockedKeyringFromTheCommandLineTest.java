package io.keydeck.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16 item 7 against a real daemon: a gnome-keyring of its own (its own D-Bus session, its own
 * HOME), whose login collection the test locks through the Secret Service's own {@code Lock} call.
 * The command line must then say, in words, that the keyring is locked and what to do, exit 5, and
 * save nothing. Skips where dbus-run-session, gnome-keyring-daemon, secret-tool or gdbus is missing,
 * unless {@code -Dkeydeck.requireKeychain=true} (CI).
 */
class LockedKeyringFromTheCommandLineTest {
    private static final boolean REQUIRED = Boolean.getBoolean("keydeck.requireKeychain");
    private static final String TOKEN = "mrk_admin_locked_keyring_test_0123456789";
    private static final List<String> OS_KEYCHAIN = List.of("-Dkeydeck.vault=os");

    @TempDir
    Path home;
    private Process session;
    private String bus;

    @BeforeEach
    void startAKeyringOfItsOwn() throws Exception {
        for (String tool : List.of("dbus-run-session", "gnome-keyring-daemon", "secret-tool", "gdbus")) {
            if (!onPath(tool)) {
                String why = tool + " is not installed, so the locked-keyring test cannot start its own keyring";
                if (REQUIRED) {
                    fail("keydeck.requireKeychain=true, but " + why);
                }
                Assumptions.abort(why + " (CI installs it and requires this test)");
            }
        }
        Path script = home.resolve("keyring-session.sh");
        // starts the daemon with the login collection unlocked, says where its bus is, then stays until its input ends
        Files.writeString(script, String.join("\n",
                "set -eu",
                "export HOME=\"$1\"",
                "eval \"$(printf kd-test-password | gnome-keyring-daemon --unlock --components=secrets)\"",
                "eval \"$(gnome-keyring-daemon --start --components=secrets)\"",
                "printf probe | timeout 10 secret-tool store --label=probe service keydeck-test account probe",
                "echo \"$DBUS_SESSION_BUS_ADDRESS\" > \"$1/bus.tmp\" && mv \"$1/bus.tmp\" \"$1/bus\"",
                "read -r _ || true", // stays until the test closes its input
                ""), StandardCharsets.UTF_8);
        Files.createDirectories(home.resolve("keyring-home"));
        session = new ProcessBuilder("dbus-run-session", "--", "bash", script.toString(),
                home.resolve("keyring-home").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("session.log").toFile()).start();
        Path busFile = home.resolve("keyring-home/bus");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(busFile) || !session.isAlive());
        assertThat(Files.exists(busFile)).as("the keyring session started: " + log()).isTrue();
        bus = Files.readString(busFile).trim();
    }

    @AfterEach
    void endTheSession() throws Exception {
        if (session != null) {
            session.getOutputStream().close(); // the script's read ends, and dbus-run-session with it
            if (!session.waitFor(10, TimeUnit.SECONDS)) {
                session.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aLockedKeyringIsNamedWithWhatToDoAndNothingIsSaved() throws Exception {
        KeyDeckProcess keydeck = new KeyDeckProcess(home);
        Map<String, String> env = Map.of("DBUS_SESSION_BUS_ADDRESS", bus, "KD_TOKEN", TOKEN);
        KeyDeckProcess.Run saved = keydeck.run(env, OS_KEYCHAIN, "connections", "add", "--name", "Before",
                "--driver", "multiroute", "--base-url", "http://127.0.0.1:9/", "--token-env", "KD_TOKEN");
        assertThat(saved.exit()).as(saved.err()).isZero();
        assertThat(saved.err()).contains("Secret Service");

        lockTheLoginCollection();

        KeyDeckProcess.Run add = keydeck.run(env, OS_KEYCHAIN, "connections", "add", "--name", "While locked",
                "--driver", "multiroute", "--base-url", "http://127.0.0.1:9/", "--token-env", "KD_TOKEN");
        assertThat(add.exit()).as(add.err()).isEqualTo(5);
        assertThat(add.firstErrLine()).startsWith("keydeck connections add: The OS keyring is locked")
                .contains("Unlock it").contains("nothing was saved").doesNotContain("--token-env");
        assertThat(add.err().lines()).hasSize(1);

        KeyDeckProcess.Run list = keydeck.run(env, OS_KEYCHAIN, "keys", "list", "--connection", "Before");
        assertThat(list.exit()).as(list.err()).isEqualTo(5);
        assertThat(list.firstErrLine()).startsWith("keydeck keys list: The OS keyring is locked")
                .contains("could not read the token").contains("--token-env VAR");
        assertThat(list.err().lines()).hasSize(1);

        KeyDeckProcess.Run connections = keydeck.run(env, OS_KEYCHAIN, "connections", "list");
        assertThat(connections.out()).contains("Before").doesNotContain("While locked");
        for (KeyDeckProcess.Run run : List.of(saved, add, list, connections)) {
            assertThat(run.out() + run.err()).doesNotContain(TOKEN).doesNotContain("is null");
        }
    }

    private void lockTheLoginCollection() throws IOException, InterruptedException {
        ProcessBuilder lock = new ProcessBuilder("gdbus", "call", "--session", "--dest", "org.freedesktop.secrets",
                "--object-path", "/org/freedesktop/secrets", "--method", "org.freedesktop.Secret.Service.Lock",
                "['/org/freedesktop/secrets/collection/login']").redirectErrorStream(true);
        lock.environment().put("DBUS_SESSION_BUS_ADDRESS", bus);
        Process process = lock.start();
        String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(answer).as("the Secret Service locked the login collection").contains("collection/login");
    }

    private String log() throws IOException {
        Path log = home.resolve("session.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
