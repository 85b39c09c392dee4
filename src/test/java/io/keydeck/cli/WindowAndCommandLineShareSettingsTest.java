package io.keydeck.cli;

import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.session.ConnectionSession;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.Settings;
import io.keydeck.settings.SettingsStore;
import io.keydeck.settings.Theme;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.FxTestSupport;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.connections.Connections;
import io.keydeck.vault.VaultSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's done-when: the window's settings owner (the app's {@link Connections} over the real
 * settings file) and the real command line side by side on one config directory. A connection the
 * command line adds shows in the window within 2 s and survives the window closing; changes the window
 * makes survive command-line writes running at the same time; a connection the command line removes
 * leaves the window and the keychain.
 */
class WindowAndCommandLineShareSettingsTest {
    private static final SandboxOptions DEMO = SandboxOptions.defaults().withTraffic(false).withKeys(3);

    @TempDir Path dir;
    private CliHarness cli;
    private BackgroundTasks tasks;
    private Connections window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxTestSupport.startToolkit();
    }

    private Connections openWindow() {
        cli = cli == null ? new CliHarness(dir) : cli;
        tasks = BackgroundTasks.pool(3);
        AppServices services = AppServices.start(tasks, cli.settings(),
                CompletableFuture.completedFuture(new VaultSelection(cli.keychain, Optional.empty())), DEMO,
                Clock.systemUTC());
        window = services.savedConnections();
        return window;
    }

    /** What KeyDeckApp.stop() does with the settings: remembers the window's place, then closes. */
    private void closeWindow() throws Exception {
        onFx(() -> window.updatePreferences(p -> p.withLastView("usage")));
        onFx(window::close);
        tasks.close();
        window = null;
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            closeWindow();
        }
    }

    private List<String> shown() throws Exception {
        return onFx(() -> window.sessions().stream().map(ConnectionSession::displayName).toList());
    }

    private List<String> saved() {
        return new SettingsStore(dir.resolve("config")).load().settings().connections().stream()
                .map(ConnectionProfile::displayName).toList();
    }

    private CliHarness.Result add(String name) {
        return cli.run("connections", "add", "--name", name, "--driver", "multiroute",
                "--base-url", "https://gateway.example.com", "--token-env", "KD_TOKEN");
    }

    @Test
    void aConnectionAddedByTheCommandLineShowsWithinTwoSecondsAndSurvivesTheWindowClosing() throws Exception {
        openWindow();
        cli.env.put("KD_TOKEN", "mrk_admin_cli_added_token");
        assertThat(shown()).containsExactly("Sandbox (local demo)");

        CliHarness.Result added = add("CLI added");
        assertThat(added.exit()).as(added.err()).isZero();
        waitUntil(2, () -> window.sessions().stream().anyMatch(s -> s.displayName().equals("CLI added")));

        closeWindow();
        assertThat(saved()).containsExactly("Sandbox (local demo)", "CLI added");
        assertThat(new SettingsStore(dir.resolve("config")).load().settings().preferences().lastView()).isEqualTo("usage");
        assertThat(cli.keychain.tokens).hasSize(1);
    }

    @Test
    void windowChangesSurviveCommandLineWritesRunningAtTheSameTime() throws Exception {
        openWindow();
        cli.env.put("KD_TOKEN", "mrk_admin_concurrent_token");
        ExecutorService commandLines = Executors.newFixedThreadPool(4);
        try {
            List<Future<CliHarness.Result>> adds = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                String name = "CLI " + i;
                adds.add(commandLines.submit(() -> add(name)));
                int seconds = 40 + i;
                onFx(() -> window.updatePreferences(p -> p.withClipboardClearSeconds(seconds)));
            }
            onFx(() -> window.updatePreferences(p -> p.withTheme(Theme.DARK)));
            for (Future<CliHarness.Result> add : adds) {
                assertThat(add.get().exit()).as(add.get().err()).isZero();
            }
        } finally {
            commandLines.shutdown();
        }
        onFx(window::awaitSaved);
        waitUntil(2, () -> window.sessions().size() == 9);

        Settings onDisk = new SettingsStore(dir.resolve("config")).load().settings();
        assertThat(onDisk.connections()).hasSize(9);
        assertThat(onDisk.preferences().clipboardClearSeconds()).isEqualTo(48);
        assertThat(onDisk.preferences().theme()).isEqualTo(Theme.DARK);

        // and a command-line write after the window's change does not put the old value back
        assertThat(cli.run("connections", "remove", "CLI 1").exit()).isZero();
        waitUntil(2, () -> window.sessions().size() == 8);
        closeWindow();
        Settings after = new SettingsStore(dir.resolve("config")).load().settings();
        assertThat(after.preferences().theme()).isEqualTo(Theme.DARK);
        assertThat(after.connections()).hasSize(8).noneMatch(c -> c.displayName().equals("CLI 1"));
        assertThat(cli.keychain.tokens).hasSize(7);
    }
}
