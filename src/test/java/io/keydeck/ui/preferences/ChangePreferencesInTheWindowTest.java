package io.keydeck.ui.preferences;

import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.settings.Preferences;
import io.keydeck.settings.ReviewThresholds;
import io.keydeck.settings.SettingsStore;
import io.keydeck.settings.Theme;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.vault.SessionVault;
import io.keydeck.vault.VaultSelection;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user opens Preferences from the gear beside the theme menu: an out-of-range clipboard delay is named
 * next to its field and cannot be saved; saved values land in settings.json through the settings lock,
 * only the fields changed (a value another writer saved while the dialog was open survives), and the
 * dialog shows them when opened again.
 */
class ChangePreferencesInTheWindowTest {
    private final FxRobot robot = new FxRobot();
    @TempDir Path configDir;
    private BackgroundTasks tasks;
    private AppServices services;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stages() throws Exception {
        FxToolkit.cleanupStages();
    }

    @AfterEach
    void closeApp() throws Exception {
        onFx(() -> Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane).toList().forEach(Window::hide));
        if (services != null) {
            onFx(() -> services.savedConnections().awaitSaved());
            onFx(() -> services.savedConnections().close());
            tasks.close();
        }
    }

    @Test
    void outOfRangeIsRefusedSavedValuesLandInSettingsAndComeBack() throws Exception {
        openWindow();
        robot.clickOn("#preferencesButton");
        waitUntil(10, () -> robot.lookup("#clipboardSeconds").tryQuery().isPresent());

        assertThat(onFx(() -> robot.lookup("#cancelPreferences").queryAs(Button.class).isDefaultButton())).isTrue();
        assertThat(onFx(() -> robot.lookup("#savePreferences").queryAs(Button.class).isDefaultButton())).isFalse();
        assertThat(onFx(() -> robot.lookup("#savePreferences").queryAs(Button.class).getText())).isEqualTo("_Save");
        assertThat(onFx(() -> robot.lookup("#cancelPreferences").queryAs(Button.class).getText())).isEqualTo("_Cancel");
        assertThat(text("#clipboardSeconds")).isEqualTo("30");
        assertThat(text("#staleDays")).isEqualTo("90");
        assertThat(text("#deadlineSeconds")).isEmpty();

        replace("#clipboardSeconds", "900");
        waitUntil(5, () -> label("#clipboardSecondsProblem")
                .equals("Enter a whole number of seconds from 1 to 300; \u201c900\u201d is not one."));
        assertThat(onFx(() -> robot.lookup("#savePreferences").query().isDisabled())).isTrue();
        replace("#deadlineSeconds", "soon");
        waitUntil(5, () -> label("#deadlineSecondsProblem").equals(
                "Enter a whole number of seconds from 1 to 3,600, or leave it empty; \u201csoon\u201d is not one."));

        replace("#clipboardSeconds", "45");
        replace("#deadlineSeconds", "25");
        replace("#staleDays", "60");
        replace("#neverUsedDays", "21");
        waitUntil(5, () -> label("#clipboardSecondsProblem").isBlank() && label("#deadlineSecondsProblem").isBlank());
        onFx(() -> robot.lookup("#theme").queryAs(ComboBox.class).getSelectionModel().select(Theme.DARK));
        // meanwhile another writer (the command line, say) changes a threshold this dialog leaves alone
        new SettingsStore(configDir).update(s -> s.withPreferences(s.preferences().withReviewThresholds(
                new ReviewThresholds(30, 90, 20, 180))));
        robot.clickOn("#savePreferences");

        waitUntil(10, () -> saved().clipboardClearSeconds() == 45 && saved().gatewayDeadlineSeconds() == 25
                && saved().theme() == Theme.DARK && saved().reviewThresholds().staleDays() == 60);
        Preferences onDisk = saved();
        assertThat(onDisk.reviewThresholds()).isEqualTo(new ReviewThresholds(21, 60, 20, 180));
        assertThat(configDir.resolve("settings.json")).content()
                .contains("\"clipboardClearSeconds\" : 45", "\"gatewayDeadlineSeconds\" : 25", "\"theme\" : \"DARK\"");

        // the window noticed the other writer's value too; the reopened dialog shows everything saved
        waitUntil(5, () -> onFx(() -> services.savedConnections().preferences().reviewThresholds().expiringSoonDays() == 20));
        robot.clickOn("#preferencesButton");
        waitUntil(10, () -> robot.lookup("#clipboardSeconds").tryQuery().isPresent());
        assertThat(text("#clipboardSeconds")).isEqualTo("45");
        assertThat(text("#deadlineSeconds")).isEqualTo("25");
        assertThat(text("#staleDays")).isEqualTo("60");
        assertThat(text("#neverUsedDays")).isEqualTo("21");
        assertThat(text("#expiringSoonDays")).isEqualTo("20");
        assertThat(onFx(() -> robot.lookup("#theme").queryAs(ComboBox.class).getValue())).isEqualTo(Theme.DARK);
        robot.clickOn("#cancelPreferences");
        waitUntil(5, () -> robot.lookup("#clipboardSeconds").tryQuery().isEmpty());
    }

    private Preferences saved() {
        return new SettingsStore(configDir).load().settings().preferences();
    }

    private void openWindow() throws Exception {
        tasks = BackgroundTasks.pool(3);
        services = AppServices.start(tasks, new SettingsStore(configDir),
                CompletableFuture.completedFuture(new VaultSelection(new SessionVault(), Optional.empty())),
                SandboxOptions.defaults().withTraffic(false).withKeys(3), Clock.systemUTC());
        FxToolkit.setupStage(stage -> {
            io.keydeck.ui.common.Theme.LIGHT.apply();
            stage.setScene(AppWindow.scene(services));
            stage.setWidth(1200);
            stage.setHeight(760);
            stage.show();
        });
    }

    private String text(String query) throws Exception {
        return onFx(() -> robot.lookup(query).queryAs(TextInputControl.class).getText());
    }

    private String label(String query) throws Exception {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private void replace(String query, String text) throws Exception {
        onFx(() -> robot.lookup(query).queryAs(TextInputControl.class).clear());
        robot.clickOn(query).write(text);
    }
}
