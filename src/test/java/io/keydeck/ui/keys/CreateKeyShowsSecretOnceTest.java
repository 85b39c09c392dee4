package io.keydeck.ui.keys;

import io.keydeck.model.ApiKey;
import io.keydeck.model.IssuedSecret;
import io.keydeck.model.KeyEnvironment;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Create a key in the real app against the sandbox: the secret is shown once, copied, and gone afterwards. */
class CreateKeyShowsSecretOnceTest {
    private KeysWindow window;

    @BeforeEach
    void open() throws Exception {
        window = KeysWindow.onSandbox();
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void theSecretIsShownOnceCopiedClearedAndForgotten() throws Exception {
        var robot = window.robot;
        robot.clickOn("#newKeyButton");
        robot.clickOn("#keyNameField").write("Checkout worker");
        robot.clickOn(robot.lookup(".scope-choice").queryAllAs(CheckBox.class).stream()
                .filter(box -> box.getText().equals("chat:write")).findFirst().orElseThrow());
        robot.clickOn("#createKeyButton");
        waitUntil(10, () -> robot.lookup("#revealButton").tryQuery().isPresent());

        IssuedSecret issued = window.client().issued().get(0);
        String secret = new String(issued.secret());
        assertThat(secret).startsWith("mrk_live_");
        Label masked = robot.lookup("#maskedSecret").queryAs(Label.class);
        assertThat(onFx(masked::getText)).doesNotContain(secret.substring(9)).contains("\u2022");
        assertThat(KeysWindow.textOfAllWindows()).noneMatch(t -> t != null && t.contains(secret));

        robot.clickOn("#revealButton");
        assertThat(onFx(() -> robot.lookup("#revealedSecret").query().isVisible())).isTrue();
        robot.clickOn("#copySecretButton");
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(secret);
        waitUntil(5, () -> !Clipboard.getSystemClipboard().hasString());

        robot.clickOn("#copyEnvButton");
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("MULTIROUTE_API_KEY=" + secret);

        robot.clickOn("#closeSecretButton");
        waitUntil(5, () -> robot.lookup("#closeWithoutStoringAlert").tryQuery().isPresent());
        assertThat(KeysWindow.textOfAllWindows()).anyMatch(t -> t != null && t.contains("never be shown again"));
        robot.clickOn("#goBackButton");
        assertThat(onFx(() -> robot.lookup("#revealButton").tryQuery().isPresent())).isTrue();
        assertThat(issued.isWiped()).isFalse();

        robot.clickOn("#storedCheckBox");
        robot.clickOn("#closeSecretButton");
        waitUntil(5, () -> robot.lookup("#revealButton").tryQuery().isEmpty());

        assertThat(issued.isWiped()).isTrue();
        assertThat(KeysWindow.textOfAllWindows()).noneMatch(t -> t != null && t.contains(secret));
        ApiKey row = window.row("Checkout worker");
        assertThat(row).isNotNull();
        assertThat(row.environment()).isEqualTo(KeyEnvironment.LIVE);
        assertThat(row.scopes()).containsExactly("chat:write");
        assertThat(row.hint()).isEqualTo(secret.substring(0, 9) + "\u2026" + secret.substring(secret.length() - 4));
        onFx(() -> Clipboard.getSystemClipboard().clear());
    }
}
