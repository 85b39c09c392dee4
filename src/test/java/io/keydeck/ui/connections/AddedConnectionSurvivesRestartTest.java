package io.keydeck.ui.connections;

import io.keydeck.model.ApiKey;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.settings.SettingsStore;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.ui.common.BackgroundTasks;
import io.keydeck.ui.common.Theme;
import io.keydeck.vault.VaultSelection;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user adds a second gateway through the sidebar's form, sees it with its environment badge, sees its
 * keys, and finds it again after restarting KeyDeck (same settings folder, same keychain).
 */
class AddedConnectionSurvivesRestartTest {
    private static SandboxGateway second;
    private final FxRobot robot = new FxRobot();
    private final KeptVault keychain = new KeptVault();
    @TempDir Path configDir;
    private BackgroundTasks tasks;
    private AppServices services;

    @BeforeAll
    static void startSecondSandbox() throws Exception {
        FxToolkit.registerPrimaryStage();
        second = SandboxGateway.start(SandboxOptions.defaults().withTraffic(false).withKeys(6).withSeed(11));
        second.issueInferenceKey("only-in-second-sandbox");
    }

    @AfterAll
    static void stopSecondSandbox() throws Exception {
        FxToolkit.cleanupStages();
        second.close();
    }

    @AfterEach
    void stopApp() throws Exception {
        closeApp();
        keychain.wipe();
    }

    @Test
    void anAddedConnectionShowsItsBadgeAndKeysAndIsStillThereAfterARestart() throws Exception {
        openApp();
        waitUntil(20, () -> keyNames().size() >= 5);

        robot.clickOn("#addButton");
        robot.clickOn("#connectionName").write("Second sandbox");
        robot.clickOn("#connectionUrl").write(second.baseUrl().toString());
        robot.clickOn("#connectionToken").write(second.adminToken());
        robot.clickOn("#connectionEnvironment").clickOn("Staging");
        robot.clickOn("#saveConnection");

        waitUntil(10, () -> sidebarNames().contains("Second sandbox"));
        assertThat(onFx(() -> robot.lookup(".env-staging").queryLabeled().getText())).isEqualTo("STAGING");
        assertThat(onFx(() -> robot.lookup(".env-development").queryLabeled().getText())).isEqualTo("DEV");
        waitUntil(15, () -> keyNames().contains("only-in-second-sandbox"));

        closeApp();
        openApp();

        assertThat(sidebarNames()).containsExactly("Sandbox (local demo)", "Second sandbox");
        waitUntil(15, () -> keyNames().contains("only-in-second-sandbox"));
        robot.clickOn("Sandbox (local demo)");
        waitUntil(15, () -> !keyNames().isEmpty() && !keyNames().contains("only-in-second-sandbox"));
        robot.clickOn("Second sandbox");
        waitUntil(15, () -> keyNames().contains("only-in-second-sandbox"));
    }

    @Test
    void removingAConnectionAsksFirstNamingItAndItStaysRemoved() throws Exception {
        openApp();
        waitUntil(20, () -> keyNames().size() >= 5);

        robot.clickOn("Sandbox (local demo)");
        robot.clickOn("#removeButton");
        assertThat(onFx(() -> robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class)
                .getHeaderText())).isEqualTo("Remove the connection \u201cSandbox (local demo)\u201d?");
        robot.clickOn("#cancelRemove");
        assertThat(sidebarNames()).containsExactly("Sandbox (local demo)");

        robot.clickOn("#removeButton");
        robot.clickOn("#confirmRemove");
        waitUntil(10, () -> sidebarNames().isEmpty());
        waitUntil(10, () -> keyNames().isEmpty());

        closeApp();
        openApp();
        assertThat(sidebarNames()).as("the demo does not come back").isEmpty();
    }

    @Test
    void aRejectedTokenIsAskedForInADialogAndTheKeysLoadOnceItIsGiven() throws Exception {
        openApp();
        waitUntil(20, () -> keyNames().size() >= 5);

        robot.clickOn("#addButton");
        robot.clickOn("#connectionName").write("Second sandbox");
        robot.clickOn("#connectionUrl").write(second.baseUrl().toString());
        robot.clickOn("#connectionToken").write("mrk_admin_" + "7".repeat(32));
        robot.clickOn("#saveConnection");

        waitUntil(15, () -> robot.lookup("#promptToken").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#promptReason").queryLabeled().getText()))
                .contains("rejected the stored token").contains("invalid_api_key").doesNotContain("7".repeat(32));
        robot.clickOn("#promptToken").write(second.adminToken());
        robot.clickOn("#promptConnect");

        waitUntil(15, () -> keyNames().contains("only-in-second-sandbox"));
        String id = onFx(() -> services.active().session()).profile().orElseThrow().id();
        waitUntil(10, () -> keychain.read(id).map(String::new).orElse("").equals(second.adminToken()));
    }

    private void openApp() throws Exception {
        tasks = BackgroundTasks.pool(3);
        services = AppServices.start(tasks, new SettingsStore(configDir),
                CompletableFuture.completedFuture(new VaultSelection(keychain, Optional.empty())),
                SandboxOptions.defaults().withTraffic(false).withKeys(5), Clock.systemUTC());
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            stage.setScene(AppWindow.scene(services));
            stage.setWidth(1200);
            stage.setHeight(760);
            stage.show();
        });
    }

    private void closeApp() throws Exception {
        if (services != null) {
            onFx(() -> services.savedConnections().awaitSaved());
            onFx(() -> services.savedConnections().close());
            tasks.close();
            services = null;
        }
    }

    private List<String> sidebarNames() throws Exception {
        return onFx(() -> robot.lookup(".connection-sidebar .sidebar-entry").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList());
    }

    @SuppressWarnings("unchecked")
    private List<String> keyNames() throws Exception {
        return onFx(() -> robot.lookup(".keys-table").tryQueryAs(TableView.class)
                .map(table -> ((TableView<ApiKey>) table).getItems().stream().map(ApiKey::name).toList())
                .orElse(List.of()));
    }
}
