package io.keydeck.ui.keys;

import io.keydeck.sandbox.IssuedKey;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Paste a log line that leaked a sandbox key: the key is named, and revoking it from there works. */
class FindLeakedKeyTest {
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
    void aPastedLogLineFindsTheKeyAndItCanBeRevokedAtOnce() throws Exception {
        IssuedKey leaked = window.sandbox().issueInferenceKey("Leaky worker");
        var robot = window.robot;
        window.showRevoked();
        robot.clickOn("#refreshButton");
        waitUntil(10, () -> window.row("Leaky worker") != null);

        robot.clickOn("#leakedButton");
        waitUntil(5, () -> robot.lookup("#leakedText").tryQuery().isPresent());
        TextArea pasted = robot.lookup("#leakedText").queryAs(TextArea.class);
        String logLine = "2026-11-27T10:00:01Z WARN http POST /v1/chat/completions Authorization: Bearer "
                + leaked.secret() + " status=200 ip=203.0.113.9";
        onFx((Runnable) () -> pasted.setText(logLine)); // what a paste does

        waitUntil(5, () -> KeysWindow.textOfAllWindows().stream().anyMatch(t -> t != null
                && t.startsWith(leaked.hint() + " is \u201cLeaky worker\u201d (live) on \u201cSandbox (local demo)\u201d"
                + " \u2014 still usable")));
        assertThat(KeysWindow.textOfAllWindows()).contains("1 key-shaped token found; 1 matches your keys.");
        robot.clickOn("#revokeLeakedButton");
        waitUntil(5, () -> robot.lookup("#revokeConfirmField").tryQuery().isPresent());
        robot.clickOn("#revokeConfirmField").write("Leaky worker");
        robot.clickOn("#confirmRevokeButton");
        waitUntil(10, () -> window.row("Leaky worker").revoked());
        robot.clickOn("#closeRevokeButton");

        waitUntil(5, () -> KeysWindow.textOfAllWindows().stream().anyMatch(t -> t != null
                && t.startsWith(leaked.hint() + " is \u201cLeaky worker\u201d (live) on \u201cSandbox (local demo)\u201d"
                + " \u2014 already revoked")));
        robot.clickOn("#closeLeakedButton");
        waitUntil(5, () -> robot.lookup("#leakedText").tryQuery().isEmpty());
        assertThat(onFx(() -> pasted.getText())).isEmpty();
        assertThat(KeysWindow.textOfAllWindows()).noneMatch(t -> t != null && t.contains(leaked.secret()));
    }
}
