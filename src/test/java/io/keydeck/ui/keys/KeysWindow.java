package io.keydeck.ui.keys;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayClient;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.journal.ActionJournal;
import io.keydeck.model.ApiKey;
import io.keydeck.sandbox.SandboxGateway;
import io.keydeck.sandbox.SandboxOptions;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.AppWindow;
import io.keydeck.session.ConnectionSession;
import io.keydeck.ui.common.BackgroundTasks;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;

/**
 * The app's main window for UI tests, wired as the app wires it (real sandbox on 127.0.0.1, the
 * multiroute driver, the controller registry) or around a fake client for failures.
 */
final class KeysWindow implements AutoCloseable {
    static final SecretSettings ONE_SECOND_CLIPBOARD = new SecretSettings(Duration.ofSeconds(1));

    final FxRobot robot = new FxRobot();
    private final BackgroundTasks tasks = BackgroundTasks.pool(4);
    private SandboxGateway sandbox;
    private final List<SandboxGateway> others = new java.util.ArrayList<>();
    private RecordingGatewayClient recording;
    private ActionJournal journal;
    private java.util.Map<String, io.keydeck.settings.TableLayout> savedTables;

    /** As {@link #onSandbox()}, with the window's actions journaled to {@code journal}. */
    static KeysWindow onSandbox(ActionJournal journal) throws Exception {
        KeysWindow window = new KeysWindow();
        window.journal = journal;
        return window.openOnSandbox();
    }

    /** As {@link #on(GatewayClient)}, with the window's actions journaled to {@code journal}. */
    static KeysWindow on(GatewayClient client, ActionJournal journal) throws Exception {
        KeysWindow window = new KeysWindow();
        window.journal = journal;
        window.show(List.of(ConnectionSession.of("Fake", false, client)));
        return window;
    }

    /** Opens the window on a fresh sandbox without traffic, so rows change only when the test acts. */
    static KeysWindow onSandbox() throws Exception {
        return new KeysWindow().openOnSandbox();
    }

    /**
     * As {@link #onSandbox()}, with one more saved connection per name, each on a sandbox of its own
     * ({@link #otherSandbox(int)}), not shown.
     */
    static KeysWindow onSandboxAnd(String... otherNames) throws Exception {
        KeysWindow window = new KeysWindow();
        List<ConnectionSession> saved = new java.util.ArrayList<>();
        for (String name : otherNames) {
            SandboxGateway other = SandboxGateway.start(SandboxOptions.defaults().withPort(0).withTraffic(false));
            window.others.add(other);
            saved.add(ConnectionSession.of(name, false, connect(other)));
        }
        return window.openOnSandbox(saved);
    }

    /** As {@link #onSandbox()}, with the table layouts a previous session saved ({@link #tableLayouts()}). */
    static KeysWindow onSandbox(java.util.Map<String, io.keydeck.settings.TableLayout> savedTables) throws Exception {
        KeysWindow window = new KeysWindow();
        window.savedTables = savedTables;
        return window.openOnSandbox();
    }

    /** The table layouts as the window would save them at exit. */
    java.util.Map<String, io.keydeck.settings.TableLayout> tableLayouts() throws Exception {
        return onFx(() -> ((io.keydeck.ui.common.LayoutMemory) table().getScene().getProperties()
                .get(io.keydeck.ui.common.LayoutMemory.class)).tableLayouts());
    }

    private KeysWindow openOnSandbox() throws Exception {
        return openOnSandbox(List.of());
    }

    private KeysWindow openOnSandbox(List<ConnectionSession> saved) throws Exception {
        sandbox = SandboxGateway.start(SandboxOptions.defaults().withPort(0).withTraffic(false));
        recording = new RecordingGatewayClient(connect(sandbox));
        List<ConnectionSession> all = new java.util.ArrayList<>();
        all.add(ConnectionSession.of("Sandbox (local demo)", true, recording));
        all.addAll(saved);
        show(all);
        return this;
    }

    private static GatewayClient connect(SandboxGateway gateway) throws Exception {
        return GatewayDriver.byId("multiroute").orElseThrow().connect(new GatewayTarget(gateway.baseUrl(),
                AdminToken.of(gateway.adminToken())));
    }

    static KeysWindow on(GatewayClient client) throws Exception {
        KeysWindow window = new KeysWindow();
        window.show(List.of(ConnectionSession.of("Fake", false, client)));
        return window;
    }

    private void show(List<ConnectionSession> sessions) throws Exception {
        FxToolkit.registerPrimaryStage();
        AppServices plain = AppServices.of(tasks, sessions, Clock.systemDefaultZone());
        AppServices services = journal == null ? plain : plain.withJournal(journal);
        if (savedTables != null) {
            services.savedConnections().updatePreferences(p -> p.withLayouts(savedTables, java.util.Map.of()));
        }
        FxToolkit.setupStage(stage -> {
            io.keydeck.ui.common.Theme.LIGHT.apply();
            stage.setScene(AppWindow.scene(services, ONE_SECOND_CLIPBOARD));
            stage.setWidth(1240);
            stage.setHeight(780);
            stage.show();
        });
        waitUntil(30, () -> table() != null && !table().getItems().isEmpty());
    }

    SandboxGateway sandbox() {
        return sandbox;
    }

    /** The sandbox behind the {@code index}th of {@link #onSandboxAnd}'s names. */
    SandboxGateway otherSandbox(int index) {
        return others.get(index);
    }

    RecordingGatewayClient client() {
        return recording;
    }

    @SuppressWarnings("unchecked")
    TableView<ApiKey> table() {
        return robot.lookup(".keys-table").tryQueryAs(TableView.class).orElse(null);
    }

    /** The row of the key named {@code name} as the table holds it now, or null. */
    ApiKey row(String name) throws Exception {
        return onFx(() -> table().getItems().stream().filter(k -> k.name().equals(name)).findFirst().orElse(null));
    }

    /**
     * Presses the button {@code query} finds, as a click would, once it is shown and enabled. Everything
     * runs on the FX thread: TestFX's clickOn reads the node's bounds on the test thread, and when the FX
     * thread lays out the same parents at that moment (a dialog opening, a row changing) Parent's bounds
     * cache is read mid-update, which was this class's IndexOutOfBoundsException in updateCachedBounds.
     * The caller waits for what the press does, as after a click.
     */
    void press(String query) throws Exception {
        waitUntil(5, () -> robot.lookup(query).tryQueryAs(ButtonBase.class)
                .filter(b -> b.isVisible() && !b.isDisabled() && b.getScene() != null
                        && b.getScene().getWindow() != null && b.getScene().getWindow().isShowing()).isPresent());
        ButtonBase button = onFx(() -> robot.lookup(query).queryAs(ButtonBase.class));
        // not waited for: a button that opens a dialog returns only once the dialog closes (showAndWait)
        javafx.application.Platform.runLater(button::fire);
    }

    /** Puts {@code text} into the field {@code query} finds, in place of what it held, on the FX thread. */
    void typeInto(String query, String text) throws Exception {
        waitUntil(5, () -> robot.lookup(query).tryQueryAs(TextInputControl.class)
                .filter(f -> f.getScene() != null && f.getScene().getWindow().isShowing()).isPresent());
        onFx(() -> {
            TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
            field.requestFocus();
            field.replaceText(0, field.getLength(), text);
        });
    }

    /** Turns on "Show revoked", so revoked rows stay in the table. */
    void showRevoked() throws Exception {
        onFx(() -> robot.lookup("#showRevokedSwitch").queryAs(atlantafx.base.controls.ToggleSwitch.class)
                .setSelected(true));
    }

    /** Selects exactly these rows, as a user's clicks would. */
    void select(ApiKey... keys) throws Exception {
        onFx(() -> {
            table().getSelectionModel().clearSelection();
            for (ApiKey key : keys) {
                table().getSelectionModel().select(key);
            }
        });
    }

    /** Issues a live chat key per name on the sandbox, reloads the table (Ctrl+R) and selects those rows. */
    void selectNewKeys(String... names) throws Exception {
        for (String name : names) {
            sandbox.issueInferenceKey(name);
        }
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.R)
                .release(javafx.scene.input.KeyCode.R, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(10, () -> java.util.Arrays.stream(names).allMatch(n -> table().getItems().stream()
                .anyMatch(k -> k.name().equals(n))));
        ApiKey[] rows = new ApiKey[names.length];
        for (int i = 0; i < names.length; i++) {
            rows[i] = row(names[i]);
        }
        select(rows);
    }

    /** The item {@code id} of the rows' context menu, as a right-click on a row would show it. */
    javafx.scene.control.MenuItem contextItem(String id) throws Exception {
        return onFx(() -> {
            javafx.scene.control.TableRow<?> row = (javafx.scene.control.TableRow<?>) robot.lookup(".table-row-cell")
                    .queryAll().stream().filter(n -> n instanceof javafx.scene.control.TableRow<?> r && !r.isEmpty())
                    .findFirst().orElseThrow();
            return row.getContextMenu().getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        });
    }

    /** Picks the enabled context-menu item {@code itemId} and waits for the dialog it opens to show {@code fieldId}. */
    void openFromContextMenu(String itemId, String fieldId) throws Exception {
        javafx.scene.control.MenuItem item = contextItem(itemId);
        org.assertj.core.api.Assertions.assertThat(onFx(item::isDisable)).as(itemId + " enabled").isFalse();
        javafx.application.Platform.runLater(item::fire); // shows a modal dialog and waits
        io.keydeck.ui.FxTestSupport.waitUntil(5, () -> robot.lookup(fieldId).tryQuery().isPresent());
    }

    /** Every text any node, field or tooltip of any open window shows. */
    static List<String> textOfAllWindows() throws Exception {
        return io.keydeck.ui.FxTestSupport.textOfAllWindows();
    }

    /** The top-most window other than the main one, e.g. an open dialog. */
    static Stage dialogWindow() throws Exception {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getOwner() != null)
                .map(w -> (Stage) w).reduce((a, b) -> b).orElse(null));
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        if (sandbox != null) {
            sandbox.close();
        }
        others.forEach(SandboxGateway::close);
    }
}
