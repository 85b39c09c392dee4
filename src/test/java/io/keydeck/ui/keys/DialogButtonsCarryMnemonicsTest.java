package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.settings.EnvironmentTag;
import io.keydeck.ui.AppServices;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import io.keydeck.ui.common.Mnemonic;
import io.keydeck.ui.connections.TokenPromptDialog;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyboard user answers every dialog with Alt and one letter: each dialog button carries exactly one
 * mnemonic, shows its text without the underscore, and Alt+letter presses it.
 */
class DialogButtonsCarryMnemonicsTest {
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle(AppServices.MESSAGES);
    private final ApiKey checkout = TestKeys.active("key_0777", "Checkout");
    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void createSecretRotateRevokeRenameAndLeakedDialogsAnswerToAltKeys() throws Exception {
        FakeGatewayClient client = new FakeGatewayClient(List.of(checkout, TestKeys.active("key_0042", "Other")))
                .withCapabilities(Capability.values());
        window = KeysWindow.on(client);
        var robot = window.robot;

        robot.clickOn("#newKeyButton");
        waitUntil(5, () -> dialogShowing("#createKeyButton"));
        assertThat(buttonsWithoutOneMnemonic()).isEmpty();
        alt(KeyCode.C); // Cancel
        waitUntil(5, () -> !dialogOpen("#createKeyButton"));

        window.select(checkout);
        robot.clickOn("#rotateButton");
        waitUntil(5, () -> dialogShowing("#createReplacementButton"));
        assertThat(buttonsWithoutOneMnemonic()).isEmpty();
        alt(KeyCode.R); // Create replacement
        waitUntil(10, () -> dialogShowing("#storedCheckBox"));
        assertThat(buttonsWithoutOneMnemonic()).isEmpty();
        assertThat(onFx(() -> robot.lookup("#copyEnvButton").lookup(".text").queryAs(Text.class).getText()))
                .isEqualTo("Copy as FAKE_API_KEY=…");
        alt(KeyCode.L); // Close, without having ticked "stored"
        waitUntil(5, () -> dialogShowing("#closeWithoutStoringAlert"));
        assertThat(buttonsWithoutOneMnemonic()).isEmpty();
        alt(KeyCode.G); // Go back
        waitUntil(5, () -> !dialogOpen("#closeWithoutStoringAlert"));
        alt(KeyCode.R); // Reveal
        waitUntil(5, () -> robot.lookup("#revealedSecret").query().isVisible());
        onFx(() -> robot.lookup("#storedCheckBox").queryAs(CheckBox.class).setSelected(true));
        alt(KeyCode.L);
        waitUntil(5, () -> dialogShowing("#rotateRevokeOldAlert"));
        assertThat(buttonsWithoutOneMnemonic()).isEmpty();
        alt(KeyCode.K); // Keep both
        waitUntil(5, () -> !dialogOpen("#rotateRevokeOldAlert"));
        assertThat(client.revokedIds()).isEmpty();

        window.select(window.row("Other"));
        robot.clickOn("#renameButton");
        waitUntil(5, () -> dialogShowing("#renameField"));
        assertThat(buttonsWithoutOneMnemonic()).isEmpty();
        onFx(() -> robot.lookup("#renameField").queryAs(TextField.class).setText("Other (EU)"));
        alt(KeyCode.O); // OK
        waitUntil(5, () -> window.row("Other (EU)") != null);

        robot.clickOn("#leakedButton");
        waitUntil(5, () -> dialogShowing("#leakedText"));
        onFx(() -> robot.lookup("#leakedText").queryAs(TextArea.class)
                .setText("Authorization: Bearer mrk_live_AbCdEfGhIjKlMnOpQr0042"));
        waitUntil(5, () -> dialogShowing("#revokeLeakedButton"));
        assertThat(buttonsWithoutOneMnemonic()).isEmpty();
        alt(KeyCode.R); // Revoke, on the one matching row
        waitUntil(5, () -> dialogShowing("#confirmRevokeButton"));
        assertThat(buttonsWithoutOneMnemonic()).isEmpty();
        onFx(() -> robot.lookup("#revokeConfirmField").tryQueryAs(TextField.class)
                .ifPresent(field -> field.setText(field.getPromptText())));
        alt(KeyCode.R);
        waitUntil(10, () -> dialogShowing("#revokeSummary"));
        assertThat(client.revokedIds()).containsExactly("key_0042");
        assertThat(buttonsWithoutOneMnemonic()).isEmpty();
        alt(KeyCode.L); // Close the revoke dialog
        waitUntil(5, () -> !dialogOpen("#revokeSummary"));
        alt(KeyCode.L); // Close the leaked-key finder
        waitUntil(5, () -> !dialogOpen("#leakedText"));
    }

    @Test
    void connectionFormTokenPromptAndRemoveConfirmationCarryMnemonics() throws Exception {
        window = KeysWindow.on(new FakeGatewayClient(TestKeys.many(2)).withCapabilities(Capability.values()));
        var robot = window.robot;
        robot.clickOn("#addButton");
        waitUntil(5, () -> dialogShowing("#saveConnection"));
        assertThat(buttonsWithoutOneMnemonic()).isEmpty();
        alt(KeyCode.C);
        waitUntil(5, () -> !dialogOpen("#saveConnection"));

        onFx(() -> new TokenPromptDialog(robot.lookup(".keys-table").query().getScene().getWindow(),
                ConnectionProfile.create("Team gateway", "multiroute", "https://gw.example.com", EnvironmentTag.PRODUCTION),
                "The gateway rejected the stored token.", MESSAGES).show());
        waitUntil(5, () -> dialogShowing("#promptConnect"));
        assertThat(buttonsWithoutOneMnemonic()).isEmpty();
        alt(KeyCode.C);
        waitUntil(5, () -> !dialogOpen("#promptConnect"));
    }

    @Test
    void formCaptionsTakeTheKeyboardIntoTheirFields() throws Exception {
        window = KeysWindow.on(new FakeGatewayClient(TestKeys.many(2)).withCapabilities(Capability.values()));
        var robot = window.robot;
        robot.clickOn("#newKeyButton");
        waitUntil(5, () -> dialogShowing("#createKeyButton"));
        alt(KeyCode.S);
        assertThat(focusedInDialog()).startsWith("CheckBox").contains("scope-choice");
        alt(KeyCode.E);
        assertThat(focusedInDialog()).startsWith("RadioButton");
        alt(KeyCode.X);
        assertThat(focusedInDialog()).contains("expiryChoice");
        alt(KeyCode.N);
        assertThat(focusedInDialog()).contains("keyNameField");
        alt(KeyCode.C);
        waitUntil(5, () -> !dialogOpen("#createKeyButton"));

        robot.clickOn("#addButton");
        waitUntil(5, () -> dialogShowing("#saveConnection"));
        alt(KeyCode.A);
        assertThat(focusedInDialog()).contains("#connectionToken");
        alt(KeyCode.U);
        assertThat(focusedInDialog()).contains("#connectionUrl");
        alt(KeyCode.G);
        assertThat(focusedInDialog()).contains("#connectionDriver");
        alt(KeyCode.C);
        waitUntil(5, () -> !dialogOpen("#saveConnection"));
    }

    /** The newest dialog's focused control: its class, id and style classes. */
    private static String focusedInDialog() throws Exception {
        return onFx(() -> {
            Node focused = newestDialog().orElseThrow().getScene().getFocusOwner();
            return focused == null ? "nothing" : focused.getClass().getSimpleName() + " #" + focused.getId()
                    + " " + focused.getStyleClass();
        });
    }

    @Test
    void anUnderscoreInsideANameStaysVisibleAndIsNoMnemonic() {
        assertThat(Mnemonic.plain("Copy _as MULTIROUTE_API_KEY=…")).isEqualTo("Copy as MULTIROUTE_API_KEY=…");
        assertThat(Mnemonic.plain("Save__as _now")).isEqualTo("Save_as now");
        assertThat(Mnemonic.plain("Cancel")).isEqualTo("Cancel");
    }

    /** Alt+letter typed into the newest dialog, as the user's keyboard would reach it. */
    private void alt(KeyCode letter) throws Exception {
        onFx(() -> newestDialog().ifPresent(Window::requestFocus));
        window.robot.press(KeyCode.ALT).press(letter).release(letter).release(KeyCode.ALT);
    }

    /** The dialog opened last among those showing; FX thread only. */
    private static java.util.Optional<Window> newestDialog() {
        List<Window> open = Window.getWindows().stream().filter(w -> w.isShowing()
                && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane).toList();
        return open.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(open.get(open.size() - 1));
    }

    /** The dialog holding {@code selector} is open and has the keyboard, so an Alt key reaches it. */
    private static boolean dialogShowing(String selector) throws Exception {
        return onFx(() -> Window.getWindows().stream().anyMatch(w -> w.isShowing() && w.isFocused()
                && w.getScene() != null && w.getScene().lookup(selector) != null));
    }

    private static boolean dialogOpen(String selector) throws Exception {
        return onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup(selector) != null));
    }

    /** Every visible button of every open dialog whose mnemonic is missing, doubled, or shown as an underscore. */
    private static List<String> buttonsWithoutOneMnemonic() throws Exception {
        return onFx(() -> {
            List<String> wrong = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane) {
                    pane.applyCss();
                    pane.layout();
                    collect(pane, wrong);
                }
            }
            return wrong;
        });
    }

    private static void collect(Node node, List<String> wrong) {
        boolean dialogButton = node instanceof Button || node instanceof ToggleButton && !(node instanceof RadioButton);
        if (dialogButton && node instanceof ButtonBase button && button.isVisible() && button.getText() != null
                && !button.getText().isBlank()) {
            String text = button.getText();
            boolean fromBundle = !"copyEnvButton".equals(button.getId()); // the variable name has its own underscores
            if (!button.isMnemonicParsing() || fromBundle && mnemonicCount(text) != 1 || !text.contains("_")
                    || !shownAsPlain(button)) {
                wrong.add(text + " shown as " + button.lookupAll(".text").stream().filter(Text.class::isInstance)
                        .map(n -> ((Text) n).getText()).toList());
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, wrong));
        }
    }

    private static boolean shownAsPlain(ButtonBase button) {
        return button.lookupAll(".text").stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .anyMatch(Mnemonic.plain(button.getText())::equals);
    }

    /** Underscores that mark a mnemonic in a bundle text; "__" would be a literal underscore. */
    private static int mnemonicCount(String text) {
        return text.replace("__", "").length() - text.replace("__", "").replace("_", "").length();
    }
}
