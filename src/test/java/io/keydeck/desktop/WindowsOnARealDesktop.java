package io.keydeck.desktop;

import io.keydeck.ui.KeyDeckApp;
import io.keydeck.ui.common.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app on a real display stack (Xvfb + openbox + GTK glass, not Monocle) at one screen size: the first
 * window fits the screen and shows everything uncut; each dialog opens, the first time, at its preferred
 * size, centred on the main window, uncut, and takes typing; a maximised main window stays maximised.
 * A screenshot of each is saved under target/real-desktop/. Subclasses pick the screen size; failsafe
 * runs each in its own JVM, as a JVM's toolkit starts once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class WindowsOnARealDesktop {
    private static final Path SHOTS = Path.of("target", "real-desktop");
    private final int screenWidth;
    private final int screenHeight;
    private RealDesktop desktop;
    private Application app;
    private Stage main;

    WindowsOnARealDesktop(int screenWidth, int screenHeight) {
        this.screenWidth = screenWidth;
        this.screenHeight = screenHeight;
    }

    @BeforeAll
    void startOnARealDesktop() throws Exception {
        desktop = RealDesktop.start(screenWidth, screenHeight);
        Path settings = Files.createTempDirectory("keydeck-desktop");
        System.setProperty("keydeck.configDir", settings.toString());
        System.setProperty("keydeck.vault", "session");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(KeyDeckApp.class);
        waitUntil(60, () -> keysTable() != null && keysTable().getItems().size() > 10);
        main = onFx(() -> (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s
                && "KeyDeck".equals(s.getTitle())).findFirst().orElseThrow());
        settled(main);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    @Test
    @Order(1)
    void theFirstWindowFitsTheScreenAndShowsEverythingUncut() throws Exception {
        int[] x11 = desktop.geometry("KeyDeck");
        double sceneWidth = onFx(() -> main.getScene().getWidth());
        double sceneHeight = onFx(() -> main.getScene().getHeight());
        // what the X server shows is what JavaFX laid out: nothing hangs outside the real window
        assertThat((double) x11[2]).as("window width on screen vs scene").isCloseTo(sceneWidth, within(2));
        assertThat((double) x11[3]).as("window height on screen vs scene").isCloseTo(sceneHeight, within(2));
        assertThat(x11[2]).as("the window uses the screen").isGreaterThanOrEqualTo(Math.min(1200, screenWidth - 40));
        assertThat(x11[3]).isGreaterThanOrEqualTo(Math.min(700, screenHeight - 80));
        assertThat(x11[0] + x11[2]).isLessThanOrEqualTo(screenWidth);
        assertThat(x11[1] + x11[3]).isLessThanOrEqualTo(screenHeight);
        for (Theme theme : Theme.values()) {
            onFx(theme::apply);
            onFx(() -> { main.getScene().getRoot().applyCss(); main.getScene().getRoot().layout(); });
            assertThat(onFx(() -> cutLabels(main.getScene().getRoot()))).as("labels cut to … in " + theme).isEmpty();
            screenshot(main, theme, "keys");
        }
        onFx(Theme.LIGHT::apply);
    }

    @Test
    @Order(2)
    void aMaximisedWindowFillsTheScreenUncut() throws Exception {
        onFx(() -> main.setMaximized(true));
        waitUntil(10, () -> main.getWidth() >= screenWidth - 10);
        settled(main);
        int[] x11 = desktop.geometry("KeyDeck");
        assertThat(x11[2]).as("maximised width on screen").isGreaterThanOrEqualTo(screenWidth - 10);
        assertThat((double) x11[3]).as("maximised height on screen vs scene")
                .isCloseTo(onFx(() -> main.getScene().getHeight()), within(2));
        assertThat(onFx(() -> cutLabels(main.getScene().getRoot()))).as("labels cut to … when maximised").isEmpty();
        // both themes: the docs' pictures of spend and limits (issue 21) come from these
        for (Theme theme : new Theme[] {Theme.DARK, Theme.LIGHT}) {
            onFx(theme::apply);
            screenshot(main, theme, "keys-maximised");
        }
        onFx(() -> main.setMaximized(false));
        waitUntil(10, () -> main.getWidth() < screenWidth - 10);
        settled(main);
    }

    @Test
    @Order(3)
    void theCreateDialogOpensAtItsSizeCentredAndTakesTyping() throws Exception {
        Stage dialog = openDialog(() -> { desktop.keys("ctrl+n"); return true; }, "Create API key");
        checkAndClose(dialog, "create-key", shown -> {
            // not wider either: GTK's late first 200x200 scene once made it grow by what that scene lacked (918x631)
            assertThat((double) desktop.geometry("Create API key")[2]).as("create-key width on screen vs preferred")
                    .isLessThanOrEqualTo(onFx(() -> shown.getScene().getRoot().prefWidth(-1)) + 2);
            desktop.type("desktop typed");
            TextField name = onFx(() -> shown.getScene().getRoot().lookupAll("#keyNameField").stream()
                    .filter(TextField.class::isInstance).map(TextField.class::cast).findFirst()
                    .orElseThrow(() -> new AssertionError("no #keyNameField in " + shown.getScene().getRoot())));
            waitUntil(10, () -> "desktop typed".equals(name.getText()));
        });
    }

    @Test
    @Order(4)
    void theRotateAndLeakedKeyDialogsOpenAtTheirSizeCentred() throws Exception {
        onFx(() -> keysTable().getSelectionModel().select(0));
        checkAndClose(openDialog(() -> fire("Rotate"), "Rotate API key"), "rotate-key", shown -> { });
        checkAndClose(openDialog(() -> fire("Find leaked key"), "Find a leaked key"), "find-leaked-key", shown -> { });
    }

    @Test
    @Order(5)
    void aMaximisedWindowStaysMaximisedAcrossADialog() throws Exception {
        onFx(() -> main.setMaximized(true));
        waitUntil(10, () -> main.getWidth() >= screenWidth - 10);
        Stage dialog = openDialog(() -> { desktop.keys("ctrl+n"); return true; }, "Create API key");
        checkAndClose(dialog, "create-key-over-maximised", shown -> {
            assertThat(desktop.geometry("KeyDeck")[2]).as("maximised width while a dialog is open")
                    .isGreaterThanOrEqualTo(screenWidth - 10);
            // still modal: a click on the main window's New key button opens no second dialog and the
            // dialog comes back to the front with the focus
            double[] newKey = onFx(() -> {
                Button button = main.getScene().getRoot().lookupAll(".button").stream()
                        .filter(node -> node instanceof Button b && "_New key".equals(b.getText()))
                        .map(Button.class::cast).findFirst().orElseThrow();
                javafx.geometry.Bounds onScreen = button.localToScreen(button.getBoundsInLocal());
                return new double[] {onScreen.getCenterX(), onScreen.getCenterY()};
            });
            boolean[] released = {false};
            javafx.event.EventHandler<javafx.scene.input.MouseEvent> seen = e -> released[0] = true;
            onFx(() -> main.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, seen));
            try {
                desktop.click((int) newKey[0], (int) newKey[1]);
                waitUntil(10, () -> released[0]);
            } finally {
                onFx(() -> main.removeEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, seen));
            }
            waitUntil(10, () -> shown.isFocused());
            assertThat(onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s
                    && "Create API key".equals(s.getTitle()) && s.isShowing()).count()))
                    .as("Create dialogs open after a click on the main window behind one").isEqualTo(1);
        });
        settled(main);
        assertThat(onFx(main::isMaximized)).isTrue();
        assertThat(desktop.geometry("KeyDeck")[2]).as("maximised width after a dialog")
                .isGreaterThanOrEqualTo(screenWidth - 10);
        screenshot(main, Theme.LIGHT, "keys-maximised");
        onFx(() -> main.setMaximized(false));
        waitUntil(10, () -> main.getWidth() < screenWidth - 10);
        assertThat(desktop.geometry("KeyDeck")[2]).as("restored width after a maximised spell with a dialog")
                .isLessThan(screenWidth - 10);
    }

    @Test
    @Order(6)
    void theConfirmationsAndTheSettingsDialogsOpenAtTheirSizeCentred() throws Exception {
        onFx(() -> keysTable().getSelectionModel().clearAndSelect(0));
        for (String[] dialog : new String[][] {{"Revoke", "Revoke API keys", "revoke-confirm"},
                {"Rename", "Rename key", "rename-key"}}) {
            checkAndClose(openDialog(() -> fire(dialog[0]), dialog[1]), dialog[2], stage ->
                    assertThat(onFx(() -> defaultButtonText(stage))).as(dialog[2] + ": the default button")
                            .isNotEqualTo(dialog[0]));
        }
        // one key is disabled at once (it can be undone); several are asked about first
        onFx(() -> { keysTable().getSelectionModel().clearSelection(); keysTable().getSelectionModel().selectRange(0, 4); });
        waitUntil(5, () -> disableOrEnableButton().isPresent());
        Button disableOrEnable = onFx(() -> disableOrEnableButton().orElseThrow());
        boolean disabling = onFx(() -> disableOrEnable.getText().startsWith("_Disable"));
        Stage toggle = openDialog(() -> { Platform.runLater(disableOrEnable::fire); return true; },
                disabling ? "Disable API keys" : "Enable API keys");
        checkAndClose(toggle, "disable-confirm", stage -> { });
        checkAndClose(openDialog(() -> fireById("#preferencesButton"), "Preferences"), "preferences", stage -> { });
    }

    @Test
    @Order(9)
    void theAddConnectionDialogOpensAtItsSizeCentred() throws Exception {
        checkAndClose(openDialog(() -> fireById("#addButton"), "Add connection"), "add-connection", stage -> { });
    }

    @Test
    @Order(7)
    void theSecretDialogOfANewKeyOpensAtItsSizeCentred() throws Exception {
        Stage create = openDialog(() -> { desktop.keys("ctrl+n"); return true; }, "Create API key");
        desktop.type("real desktop key");
        TextField name = onFx(() -> (TextField) create.getScene().getRoot().lookup("#keyNameField"));
        waitUntil(10, () -> "real desktop key".equals(name.getText()));
        Button submit = onFx(() -> buttonIn(create, "Create key"));
        Platform.runLater(submit::fire);
        waitUntil(20, () -> !create.isShowing() || findStage("Your new API key").isPresent());
        Stage secret = openDialog(() -> true, "Your new API key");
        checkLaidOut(secret, "secret-once");
        // closing before the secret is stored asks first, and Enter on the real keyboard goes back, not away
        Button closeEarly = onFx(() -> buttonIn(secret, "Close"));
        Platform.runLater(closeEarly::fire);
        waitUntil(10, () -> closeWithoutStoring().isPresent());
        Stage ask = onFx(() -> closeWithoutStoring().orElseThrow());
        waitUntil(10, ask::isFocused);
        screenshot(ask, Theme.LIGHT, "secret-close-without-storing");
        desktop.keys("Return");
        waitUntil(10, () -> !ask.isShowing());
        assertThat(onFx(secret::isShowing)).as("the secret dialog after Enter on 'close without storing?'").isTrue();
        onFx(() -> secret.getScene().getRoot().lookupAll(".check-box").forEach(box ->
                ((javafx.scene.control.CheckBox) box).setSelected(true)));
        Button closeButton = onFx(() -> buttonIn(secret, "Close"));
        Platform.runLater(closeButton::fire);
        waitUntil(10, () -> !secret.isShowing());
        ShownNotifications.waitForOne(main);
        screenshot(main, Theme.LIGHT, "notice-key-created");
        ShownNotifications.nextOneIsInside(main, "after creating a key");
    }

    @Test
    @Order(10)
    void theRevokeResultGrowsToItsText() throws Exception {
        // the key the secret-dialog test made: a live key, so its name is typed to confirm
        onFx(() -> {
            Object made = keysTable().getItems().stream().filter(key -> key instanceof io.keydeck.model.ApiKey k
                    && "real desktop key".equals(k.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no key 'real desktop key' to revoke"));
            keysTable().getSelectionModel().clearAndSelect(keysTable().getItems().indexOf(made));
        });
        Stage revoke = openDialog(() -> fire("Revoke"), "Revoke API keys");
        try {
            javafx.scene.control.TextField typed = onFx(() -> (javafx.scene.control.TextField)
                    revoke.getScene().lookup("#revokeConfirmField"));
            String name = onFx(() -> String.valueOf(typed.getPromptText()));
            onFx(typed::requestFocus);
            desktop.type("real desktop key");
            Button confirm = onFx(() -> (Button) revoke.getScene().lookup("#confirmRevokeButton"));
            waitUntil(10, () -> !confirm.isDisabled());
            Platform.runLater(confirm::fire);
            waitUntil(20, () -> revoke.getScene().lookup("#revokeSummary") != null);
            checkLaidOut(revoke, "revoke-result");
            assertThat(onFx(() -> ((javafx.scene.control.Labeled) revoke.getScene().lookup("#revokeSummary")).getText()))
                    .as("the revoke result (prompt was " + name + ")").isEqualTo("Key revoked.");
        } finally {
            close(revoke);
        }
    }

    @Test
    @Order(8)
    void everyViewShowsUncutInBothThemes() throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<Object> views = onFx(() ->
                (javafx.scene.control.ListView<Object>) main.getScene().lookup("#viewList"));
        // the notices (here: no keychain in the test) are dismissed, as a user would, so the views are seen whole
        onFx(() -> main.getScene().getRoot().lookupAll(".notice-dismiss").forEach(node -> ((Button) node).fire()));
        int count = onFx(() -> views.getItems().size());
        for (int i = 0; i < count; i++) {
            int index = i;
            onFx(() -> views.getSelectionModel().select(index));
            String view = onFx(() -> String.valueOf(views.getItems().get(index)).toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z]+", "-"));
            settled(main);
            for (Theme theme : Theme.values()) {
                onFx(theme::apply);
                onFx(() -> { main.getScene().getRoot().applyCss(); main.getScene().getRoot().layout(); });
                assertThat(onFx(() -> cutLabels(main.getScene().getRoot()))).as(view + ": labels cut to … in " + theme)
                        .isEmpty();
                screenshot(main, theme, "view-" + view);
                forTheReadme(theme, view);
            }
        }
        onFx(Theme.LIGHT::apply);
        onFx(() -> views.getSelectionModel().select(0));
    }

    interface DialogCheck {
        void on(Stage dialog) throws Exception;
    }

    /** {@link #checkLaidOut}, then {@code more}; the dialog is closed even when a check fails, so the next test starts clean. */
    private void checkAndClose(Stage dialog, String name, DialogCheck more) throws Exception {
        try {
            checkLaidOut(dialog, name);
            more.on(dialog);
        } finally {
            close(dialog);
        }
    }

    /**
     * With {@code -Dkeydeck.docsShots=DIR}, the 1366x768 shot of a view, cut to the window, becomes the README's
     * {@code DIR/<theme>-<view>.png}: the README's pictures are taken here, on the real desktop.
     */
    private void forTheReadme(Theme theme, String view) throws Exception {
        String docs = System.getProperty("keydeck.docsShots", "");
        if (docs.isBlank() || screenWidth != 1366) {
            return;
        }
        int[] window = desktop.geometry("KeyDeck");
        Path target = Path.of(docs).toAbsolutePath().resolve(theme.name().toLowerCase() + "-" + view + ".png");
        Process crop = new ProcessBuilder("convert", shot(theme, "view-" + view).toString(), "-crop",
                window[2] + "x" + window[3] + "+" + window[0] + "+" + window[1], "+repage", target.toString())
                .inheritIO().start();
        assertThat(crop.waitFor()).as("convert for " + target).isZero();
    }

    private static String defaultButtonText(Stage stage) {
        return stage.getScene().getRoot().lookupAll(".button").stream()
                .filter(node -> node instanceof Button b && b.isDefaultButton())
                .map(node -> ((Button) node).getText().replace("_", "")).findFirst().orElse("");
    }

    private static Button buttonIn(Stage stage, String text) {
        return stage.getScene().getRoot().lookupAll(".button").stream()
                .filter(node -> node instanceof Button b && b.getText() != null && b.getText().replace("_", "").equals(text))
                .map(Button.class::cast).findFirst().orElseThrow(() -> new AssertionError("no button " + text));
    }

    /** The toolbar's "Disable 4" / "Enable 2 of 4" button, when enabled. */
    private Optional<Button> disableOrEnableButton() {
        return main.getScene().getRoot().lookupAll("#disableButton").stream()
                .filter(node -> node instanceof Button b && b.isVisible() && !b.isDisabled()).map(Button.class::cast)
                .findFirst();
    }

    private boolean fireById(String id) throws Exception {
        Button button = onFx(() -> (Button) main.getScene().lookup(id));
        Platform.runLater(button::fire);
        return true;
    }

    private void checkLaidOut(Stage dialog, String name) throws Exception {
        settled(dialog);
        // shot first, so a dialog that fails a check below is there to look at
        for (Theme theme : new Theme[] {Theme.DARK, Theme.LIGHT}) {
            onFx(theme::apply);
            screenshot(dialog, theme, name);
        }
        int[] x11 = desktop.geometry(onFx(dialog::getTitle));
        double prefWidth = onFx(() -> dialog.getScene().getRoot().prefWidth(-1));
        double prefHeight = onFx(() -> dialog.getScene().getRoot().prefHeight(dialog.getScene().getWidth()));
        assertThat((double) x11[2]).as(name + " width on screen vs preferred").isGreaterThanOrEqualTo(prefWidth - 2);
        assertThat((double) x11[3]).as(name + " height on screen vs preferred").isGreaterThanOrEqualTo(prefHeight - 2);
        assertThat((double) x11[3]).as(name + " height on screen vs preferred (no empty band)")
                .isLessThanOrEqualTo(Math.max(prefHeight, onFx(() -> dialog.getScene().getRoot()
                        .minHeight(dialog.getScene().getWidth()))) + 4);
        assertThat((double) x11[2]).as(name + " on screen vs scene").isCloseTo(onFx(() -> dialog.getScene().getWidth()), within(2));
        int[] owner = desktop.geometry("KeyDeck");
        double dialogCentre = x11[0] + x11[2] / 2.0;
        double ownerCentre = owner[0] + owner[2] / 2.0;
        assertThat(dialogCentre).as(name + " centred on the main window").isCloseTo(ownerCentre, within(4));
        assertThat(x11[1]).as(name + " inside the main window").isBetween(owner[1], owner[1] + owner[3] - x11[3]);
        assertThat(onFx(() -> cutLabels(dialog.getScene().getRoot()))).as(name + ": labels cut to …").isEmpty();
    }

    private Stage openDialog(RealDesktop.Condition open, String title) throws Exception {
        onFx(() -> main.requestFocus());
        open.holds();
        waitUntil(15, () -> findStage(title).isPresent());
        return onFx(() -> findStage(title).orElseThrow());
    }

    private void close(Stage dialog) throws Exception {
        desktop.keys("Escape");
        waitUntil(10, () -> !dialog.isShowing());
    }

    private boolean fire(String text) throws Exception {
        Button button = onFx(() -> main.getScene().getRoot().lookupAll(".button").stream()
                .filter(node -> node instanceof Button b && b.getText() != null
                        && b.getText().replace("_", "").equals(text))
                .map(Button.class::cast).findFirst().orElseThrow(() -> new AssertionError("no button " + text)));
        Platform.runLater(button::fire); // fire() shows a modal dialog and waits; do not wait for it here
        return true;
    }

    /** Waits until the window's size has held still for a few checks (the window manager has answered). */
    private void settled(Window window) throws Exception {
        double[] last = {-1, -1};
        int[] still = {0};
        waitUntil(20, () -> {
            boolean same = window.getWidth() == last[0] && window.getHeight() == last[1];
            last[0] = window.getWidth();
            last[1] = window.getHeight();
            still[0] = same ? still[0] + 1 : 0;
            return still[0] >= 5 && io.keydeck.ui.common.ShownWindowSize.hasSettled(window);
        });
    }

    private static Optional<Stage> closeWithoutStoring() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing() && s.getScene() != null
                && s.getScene().lookup("#closeWithoutStoringAlert") != null).map(Stage.class::cast).findFirst();
    }

    private Optional<Stage> findStage(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle())
                && s.isShowing()).map(Stage.class::cast).findFirst();
    }

    /** Visible labels and buttons whose drawn text is not their whole text ("V…" for "Verify"). */
    static List<String> cutLabels(Parent root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible() || node.getStyleClass().contains("table-view")) {
            return; // table cells are cut on purpose where a column is narrow
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            labeled.lookupAll(".text").stream().filter(Text.class::isInstance).map(Text.class::cast)
                    .filter(text -> text.getParent() == labeled)
                    .filter(text -> !text.getText().equals(labeled.getText().replace("_", ""))
                            && !text.getText().equals(labeled.getText())
                            && text.getText().endsWith(labeled.getEllipsisString()))
                    .findFirst()
                    .ifPresent(text -> cut.add(labeled.getClass().getSimpleName() + " '" + labeled.getText()
                            + "' shown as '" + text.getText() + "'"));
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
        }
    }

    /** Shoots the screen once {@code window} has gone through four pulses after the last change (drawn, also on the X server: after two, one dark shot in ten came out light). */
    private void screenshot(Window window, Theme theme, String what) throws Exception {
        int[] pulses = {0};
        Runnable counter = () -> pulses[0]++;
        onFx(() -> {
            window.getScene().addPostLayoutPulseListener(counter);
            Platform.requestNextPulse();
        });
        try {
            waitUntil(10, () -> {
                Platform.requestNextPulse();
                return pulses[0] >= 4;
            });
        } finally {
            onFx(() -> window.getScene().removePostLayoutPulseListener(counter));
        }
        desktop.screenshot(shot(theme, what));
    }

    private Path shot(Theme theme, String what) {
        return SHOTS.resolve(screenWidth + "x" + screenHeight + "-" + theme.name().toLowerCase() + "-" + what + ".png");
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> keysTable() {
        return Window.getWindows().stream().map(w -> w.getScene() == null ? null : w.getScene().lookup(".keys-table"))
                .filter(node -> node instanceof TableView).map(node -> (TableView<Object>) node).findFirst().orElse(null);
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }
}
