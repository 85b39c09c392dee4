package io.keydeck.launcher;

import io.keydeck.instance.InstanceChannel;
import io.keydeck.instance.WindowRequest;
import io.keydeck.ui.KeyDeckApp;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, item 2: the first window (the real app on Monocle, in this JVM) owns the per-user lock and
 * channel; a second start, a real process without any display, reaches it, hands over what it was
 * asked to open and exits 0, and the first instance still shows exactly one window, now on that view.
 * Had the second start tried to open a window of its own, it would have exited 2 (no display).
 */
class OneWindowPerUserTest {
    private static final List<String> PROPERTIES = List.of("keydeck.configDir", "keydeck.dataDir", "keydeck.vault",
            "keydeck.runtimeDir");
    @TempDir Path home;
    private Application app;
    private Path runtime;

    @BeforeEach
    void startTheFirstWindow() throws Exception {
        runtime = Files.createTempDirectory("kd18"); // short: a socket path has a length limit
        System.setProperty("keydeck.configDir", home.resolve("config/keydeck").toString());
        System.setProperty("keydeck.dataDir", home.resolve("data/keydeck").toString());
        System.setProperty("keydeck.vault", "session");
        System.setProperty("keydeck.runtimeDir", runtime.resolve("keydeck").toString());
        InstanceChannel.Outcome outcome = InstanceChannel.claimOrHandOver(new WindowRequest(null, null, null, false));
        assertThat(outcome).isInstanceOf(InstanceChannel.Claimed.class);
        InstanceChannel channel = ((InstanceChannel.Claimed) outcome).channel();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new KeyDeckApp(channel));
        waitUntil(30, () -> showing().size() == 1 && ((Stage) showing().get(0)).getTitle().equals("KeyDeck"));
    }

    @AfterEach
    void stopIt() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        PROPERTIES.forEach(System::clearProperty);
    }

    private static List<Window> showing() {
        return Window.getWindows().stream().filter(Window::isShowing).toList();
    }

    @Test
    void aSecondStartReachesTheFirstHandsOverItsRequestAndOpensNoSecondWindow() throws Exception {
        Path dir = runtime.resolve("keydeck");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(dir.resolve("instance.sock")).exists();
        KeyDeckProcess second = new KeyDeckProcess(home);
        List<String> sameUser = List.of("-Dkeydeck.runtimeDir=" + dir);

        KeyDeckProcess.Run usage = second.run(Map.of(), sameUser, "--view", "usage");
        assertThat(usage.exit()).as(usage.err()).isZero();
        assertThat(usage.firstErrLine()).isEqualTo("KeyDeck is already open; its window was brought to the front."
                + " It shows usage.");
        waitUntil(5, () -> ((Stage) showing().get(0)).getScene().lookup(".usage-view") != null);
        assertThat(onFx(() -> showing().size())).isEqualTo(1);

        KeyDeckProcess.Run plain = second.run(Map.of(), sameUser);
        assertThat(plain.exit()).isZero();
        assertThat(plain.firstErrLine()).isEqualTo("KeyDeck is already open; its window was brought to the front.");

        KeyDeckProcess.Run unknown = second.run(Map.of(), sameUser, "--connection", "No such");
        assertThat(unknown.exit()).isZero();
        assertThat(unknown.firstErrLine()).endsWith("There is no saved connection named \"No such\".");
        assertThat(onFx(() -> showing().size())).isEqualTo(1);
    }
}
