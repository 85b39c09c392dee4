package io.keydeck.desktop;

import io.keydeck.ui.KeyDeckApp;
import io.keydeck.ui.common.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
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
    private final int screenWidth;
    private final int screenHeight;
    private RealDesktop desktop;
    private ShownWindows screen;
    private Application app;
    private Stage main;

    WindowsOnARealDesktop(int screenWidth, int screenHeight) {
        this.screenWidth = screenWidth;
        this.screenHeight = screenHeight;
    }

    @BeforeAll
    void startOnARealDesktop() throws Exception {
        desktop = RealDesktop.start(screenWidth, screenHeight);
        screen = new ShownWindows(desktop, screenWidth, screenHeight);
        Path settings = Files.createTempDirectory("keydeck-desktop");
        System.setProperty("keydeck.configDir", settings.toString());
        System.setProperty("keydeck.vault", "session");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(KeyDeckApp.class);
        waitUntil(60, () -> screen.keysTable() != null && screen.keysTable().getItems().size() > 10);
        main = onFx(() -> (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s
                && "KeyDeck".equals(s.getTitle())).findFirst().orElseThrow());
        screen.mainIs(main);
        screen.settled(main);
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
        assertThat((double) x11[2]).as("window width on screen vs scene").isCloseTo(sceneWidth, ShownWindows.within(2));
        assertThat((double) x11[3]).as("window height on screen vs scene").isCloseTo(sceneHeight, ShownWindows.within(2));
        assertThat(x11[2]).as("the window uses the screen").isGreaterThanOrEqualTo(Math.min(1200, screenWidth - 40));
        assertThat(x11[3]).isGreaterThanOrEqualTo(Math.min(700, screenHeight - 80));
        assertThat(x11[0] + x11[2]).isLessThanOrEqualTo(screenWidth);
        assertThat(x11[1] + x11[3]).isLessThanOrEqualTo(screenHeight);
        for (Theme theme : Theme.values()) {
            onFx(theme::apply);
            onFx(() -> { main.getScene().getRoot().applyCss(); main.getScene().getRoot().layout(); });
            assertThat(onFx(() -> screen.cutLabels(main.getScene().getRoot()))).as("labels cut to … in " + theme).isEmpty();
            screen.screenshot(main, theme, "keys");
        }
        onFx(Theme.LIGHT::apply);
    }

    @Test
    @Order(2)
    void aMaximisedWindowFillsTheScreenUncut() throws Exception {
        onFx(() -> main.setMaximized(true));
        waitUntil(10, () -> main.getWidth() >= screenWidth - 10);
        screen.settled(main);
        int[] x11 = desktop.geometry("KeyDeck");
        assertThat(x11[2]).as("maximised width on screen").isGreaterThanOrEqualTo(screenWidth - 10);
        assertThat((double) x11[3]).as("maximised height on screen vs scene")
                .isCloseTo(onFx(() -> main.getScene().getHeight()), ShownWindows.within(2));
        assertThat(onFx(() -> screen.cutLabels(main.getScene().getRoot()))).as("labels cut to … when maximised").isEmpty();
        // both themes: the docs' pictures of spend and limits (issue 21) come from these
        for (Theme theme : new Theme[] {Theme.DARK, Theme.LIGHT}) {
            onFx(theme::apply);
            screen.screenshot(main, theme, "keys-maximised");
        }
        onFx(() -> main.setMaximized(false));
        waitUntil(10, () -> main.getWidth() < screenWidth - 10);
        screen.settled(main);
    }

    @Test
    @Order(3)
    void theCreateDialogOpensAtItsSizeCentredAndTakesTyping() throws Exception {
        Stage dialog = screen.openDialog(() -> { desktop.keys("ctrl+n"); return true; }, "Create API key");
        screen.checkAndClose(dialog, "create-key", shown -> {
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
        onFx(() -> screen.keysTable().getSelectionModel().select(0));
        screen.checkAndClose(screen.openDialog(() -> screen.fire("Rotate"), "Rotate API key"), "rotate-key", shown -> { });
        screen.checkAndClose(screen.openDialog(() -> screen.fire("Find leaked key"), "Find a leaked key"), "find-leaked-key", shown -> { });
    }

    @Test
    @Order(5)
    void aMaximisedWindowStaysMaximisedAcrossADialog() throws Exception {
        onFx(() -> main.setMaximized(true));
        waitUntil(10, () -> main.getWidth() >= screenWidth - 10);
        Stage dialog = screen.openDialog(() -> { desktop.keys("ctrl+n"); return true; }, "Create API key");
        screen.checkAndClose(dialog, "create-key-over-maximised", shown -> {
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
        screen.settled(main);
        assertThat(onFx(main::isMaximized)).isTrue();
        assertThat(desktop.geometry("KeyDeck")[2]).as("maximised width after a dialog")
                .isGreaterThanOrEqualTo(screenWidth - 10);
        screen.screenshot(main, Theme.LIGHT, "keys-maximised");
        onFx(() -> main.setMaximized(false));
        waitUntil(10, () -> main.getWidth() < screenWidth - 10);
        assertThat(desktop.geometry("KeyDeck")[2]).as("restored width after a maximised spell with a dialog")
                .isLessThan(screenWidth - 10);
    }

    @Test
    @Order(6)
    void theConfirmationsAndTheSettingsDialogsOpenAtTheirSizeCentred() throws Exception {
        onFx(() -> screen.keysTable().getSelectionModel().clearAndSelect(0));
        for (String[] dialog : new String[][] {{"Revoke", "Revoke API keys", "revoke-confirm"},
                {"Rename", "Rename key", "rename-key"}}) {
            screen.checkAndClose(screen.openDialog(() -> screen.fire(dialog[0]), dialog[1]), dialog[2], stage ->
                    assertThat(onFx(() -> screen.defaultButtonText(stage))).as(dialog[2] + ": the default button")
                            .isNotEqualTo(dialog[0]));
        }
        // one key is disabled at once (it can be undone); several are asked about first
        onFx(() -> { screen.keysTable().getSelectionModel().clearSelection(); screen.keysTable().getSelectionModel().selectRange(0, 4); });
        waitUntil(5, () -> screen.disableOrEnableButton().isPresent());
        Button disableOrEnable = onFx(() -> screen.disableOrEnableButton().orElseThrow());
        boolean disabling = onFx(() -> disableOrEnable.getText().startsWith("_Disable"));
        Stage toggle = screen.openDialog(() -> { Platform.runLater(disableOrEnable::fire); return true; },
                disabling ? "Disable API keys" : "Enable API keys");
        screen.checkAndClose(toggle, "disable-confirm", stage -> { });
        screen.checkAndClose(screen.openDialog(() -> screen.fireById("#preferencesButton"), "Preferences"), "preferences", stage -> { });
    }

    @Test
    @Order(9)
    void theAddConnectionDialogOpensAtItsSizeCentred() throws Exception {
        screen.checkAndClose(screen.openDialog(() -> screen.fireById("#addButton"), "Add connection"), "add-connection", stage -> { });
    }

    @Test
    @Order(7)
    void theSecretDialogOfANewKeyOpensAtItsSizeCentred() throws Exception {
        Stage create = screen.openDialog(() -> { desktop.keys("ctrl+n"); return true; }, "Create API key");
        desktop.type("real desktop key");
        TextField name = onFx(() -> (TextField) create.getScene().getRoot().lookup("#keyNameField"));
        waitUntil(10, () -> "real desktop key".equals(name.getText()));
        Button submit = onFx(() -> screen.buttonIn(create, "Create key"));
        Platform.runLater(submit::fire);
        waitUntil(20, () -> !create.isShowing() || screen.findStage("Your new API key").isPresent());
        Stage secret = screen.openDialog(() -> true, "Your new API key");
        screen.checkLaidOut(secret, "secret-once");
        // closing before the secret is stored asks first, and Enter on the real keyboard goes back, not away
        Button closeEarly = onFx(() -> screen.buttonIn(secret, "Close"));
        Platform.runLater(closeEarly::fire);
        waitUntil(10, () -> screen.closeWithoutStoring().isPresent());
        Stage ask = onFx(() -> screen.closeWithoutStoring().orElseThrow());
        waitUntil(10, ask::isFocused);
        screen.screenshot(ask, Theme.LIGHT, "secret-close-without-storing");
        desktop.keys("Return");
        waitUntil(10, () -> !ask.isShowing());
        assertThat(onFx(secret::isShowing)).as("the secret dialog after Enter on 'close without storing?'").isTrue();
        onFx(() -> secret.getScene().getRoot().lookupAll(".check-box").forEach(box ->
                ((javafx.scene.control.CheckBox) box).setSelected(true)));
        Button closeButton = onFx(() -> screen.buttonIn(secret, "Close"));
        Platform.runLater(closeButton::fire);
        waitUntil(10, () -> !secret.isShowing());
        ShownNotifications.waitForOne(main);
        screen.screenshot(main, Theme.LIGHT, "notice-key-created");
        ShownNotifications.nextOneIsInside(main, "after creating a key");
        ShownNotifications.goesAway(main, "after creating a key");
    }

    @Test
    @Order(10)
    void theRevokeResultGrowsToItsText() throws Exception {
        // the key the secret-dialog test made: a live key, so its name is typed to confirm
        onFx(() -> {
            Object made = screen.keysTable().getItems().stream().filter(key -> key instanceof io.keydeck.model.ApiKey k
                    && "real desktop key".equals(k.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no key 'real desktop key' to revoke"));
            screen.keysTable().getSelectionModel().clearAndSelect(screen.keysTable().getItems().indexOf(made));
        });
        Stage revoke = screen.openDialog(() -> screen.fire("Revoke"), "Revoke API keys");
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
            screen.checkLaidOut(revoke, "revoke-result");
            assertThat(onFx(() -> ((javafx.scene.control.Labeled) revoke.getScene().lookup("#revokeSummary")).getText()))
                    .as("the revoke result (prompt was " + name + ")").isEqualTo("Key revoked.");
        } finally {
            screen.close(revoke);
        }
    }

    @Test
    @Order(11)
    void theKeyMenuDialogsOpenAtTheirSizeCentred() throws Exception {
        for (String[] menu : new String[][] {{"editLimitsItem", "Edit spend limit", "edit-limits"},
                {"editScopesItem", "Edit scopes and models", "edit-scopes"}}) {
            screen.checkAndClose(screen.openFromKeyMenu(menu[0], menu[1]), menu[2], dialog ->
                    assertThat(onFx(() -> ShownWindows.defaultButtonText(dialog))).as(menu[2] + ": the default button")
                            .isEqualTo("Cancel"));
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
            screen.settled(main);
            for (Theme theme : Theme.values()) {
                onFx(theme::apply);
                onFx(() -> { main.getScene().getRoot().applyCss(); main.getScene().getRoot().layout(); });
                assertThat(onFx(() -> screen.cutLabels(main.getScene().getRoot()))).as(view + ": labels cut to … in " + theme)
                        .isEmpty();
                screen.screenshot(main, theme, "view-" + view);
                screen.forTheReadme(theme, view);
            }
        }
        onFx(Theme.LIGHT::apply);
        onFx(() -> views.getSelectionModel().select(0));
    }

}
