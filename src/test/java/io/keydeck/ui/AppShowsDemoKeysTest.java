package io.keydeck.ui;

import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Starts the real app: the embedded sandbox over real HTTP on 127.0.0.1 and the multiroute driver. */
class AppShowsDemoKeysTest {
    private final FxRobot robot = new FxRobot();
    private Application app;
    @TempDir Path configDir;

    @BeforeEach
    void startApp() throws Exception {
        // a first start in an empty settings folder, without asking the OS keychain
        System.setProperty("keydeck.configDir", configDir.toString());
        System.setProperty("keydeck.vault", "session");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(KeyDeckApp.class);
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty("keydeck.configDir");
        System.clearProperty("keydeck.vault");
    }

    @Test
    void theKeysViewShowsTheSandboxDemoKeys() throws Exception {
        waitUntil(30, () -> table() != null && table().getItems().size() > 10);
        // the rows arrive before the next layout pulse draws their cells
        waitUntil(10, () -> renderedHints().stream().anyMatch(hint -> hint.startsWith("mrk_")));

        assertThat(onFx(() -> table().getItems().size())).isGreaterThan(10);
        assertThat(onFx(() -> ((Stage) Window.getWindows().get(0)).getTitle())).isEqualTo("KeyDeck");
        List<String> sidebar = onFx(() -> robot.lookup(".sidebar-entry").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList());
        assertThat(sidebar).contains("Sandbox (local demo)", "Keys");
        assertThat(onFx(() -> robot.lookup(".sidebar-caption").queryLabeled().getText())).isEqualTo("Demo data only");
        assertThat(onFx(() -> robot.lookup("#errorBanner").query().isVisible())).isFalse();
        assertThat(onFx(() -> robot.lookup(".env-development").queryLabeled().getText())).isEqualTo("DEV");
        assertThat(configDir.resolve("settings.json")).content().contains("Sandbox (local demo)");
    }

    private List<String> renderedHints() {
        return robot.from(table()).lookup(".key-hint").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(text -> text != null).toList();
    }

    @SuppressWarnings("unchecked")
    private TableView<io.keydeck.model.ApiKey> table() {
        return robot.lookup(".keys-table").tryQueryAs(TableView.class).orElse(null);
    }
}
