package io.keydeck.ui.keys;

import io.keydeck.gateway.AdminToken;
import io.keydeck.gateway.GatewayDriver;
import io.keydeck.gateway.GatewayTarget;
import io.keydeck.model.ApiKey;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.sandbox.IssuedKey;
import io.keydeck.sandbox.SandboxGateway;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Find a leaked key" searches every saved connection, not only the shown one (issue 19 item 8): a key
 * of another connection is found and named with its connection, revoked there after a question naming
 * it; a connection that answers slowly shows that it is being searched and can be stopped.
 */
class FindALeakedKeyInAnotherConnectionTest {
    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void aKeyOfAnotherConnectionIsNamedWithItsConnectionAndRevokedThere() throws Exception {
        window = KeysWindow.onSandboxAnd("Production");
        SandboxGateway production = window.otherSandbox(0);
        IssuedKey leaked = production.issueInferenceKey("Payroll exporter", KeyEnvironment.TEST,
                List.of("chat:write"));
        assertThat(window.row("Payroll exporter")).as("not a key of the shown connection").isNull();
        long revokedHere = keysOn(window.sandbox()).stream().filter(ApiKey::revoked).count();

        paste(window, "curl -H 'Authorization: Bearer " + leaked.secret() + "' https://gateway.example/v1/chat");

        String line = leaked.hint() + " is \u201cPayroll exporter\u201d (test) on \u201cProduction\u201d \u2014 ";
        waitUntil(20, () -> KeysWindow.textOfAllWindows().contains(line + "still usable"));
        assertThat(KeysWindow.textOfAllWindows()).contains("1 key-shaped token found; 1 matches your keys.");
        assertThat(progress(window)).contains("\u201cSandbox (local demo)\u201d (shown): ")
                .contains("\u201cProduction\u201d: " + production.keyCount() + " keys searched");

        window.press("#revokeLeakedButton");
        waitUntil(10, () -> window.robot.lookup("#confirmRevokeButton").tryQuery().isPresent());
        assertThat(KeysWindow.textOfAllWindows()).contains("Revoke \u201cPayroll exporter\u201d (" + leaked.hint()
                + ") on the connection \u201cProduction\u201d?");
        assertThat(onFx(() -> window.robot.lookup("#closeRevokeButton").queryButton().isDefaultButton())).isTrue();
        window.press("#confirmRevokeButton");
        waitUntil(20, () -> window.robot.lookup("#revokeSummary").tryQuery().isPresent());
        window.press("#closeRevokeButton");

        waitUntil(10, () -> KeysWindow.textOfAllWindows().contains(line + "already revoked"));
        assertThat(keyOn(production, leaked).revoked()).as("revoked on Production").isTrue();
        assertThat(keysOn(window.sandbox()).stream().filter(ApiKey::revoked).count())
                .as("nothing revoked on the shown connection").isEqualTo(revokedHere);
    }

    @Test
    void aSlowConnectionShowsItIsBeingSearchedAndCanBeStopped() throws Exception {
        window = KeysWindow.onSandboxAnd("Production", "Slow gateway");
        window.otherSandbox(1).faults().setLatency(Duration.ofSeconds(40));
        IssuedKey leaked = window.otherSandbox(0).issueInferenceKey("Payroll exporter", KeyEnvironment.TEST,
                List.of("chat:write"));

        paste(window, "token=" + leaked.secret());

        waitUntil(20, () -> KeysWindow.textOfAllWindows().stream().anyMatch(t -> t != null
                && t.contains("\u201cProduction\u201d \u2014 still usable")));
        assertThat(progress(window)).contains("\u201cSlow gateway\u201d: searching\u2026");
        assertThat(onFx(() -> shown(window.robot.lookup("#stopLeakSearchButton").query()))).isTrue();

        window.press("#stopLeakSearchButton");

        waitUntil(10, () -> progress(window).contains("\u201cSlow gateway\u201d: not searched (stopped)"));
        waitUntil(5, () -> !shown(window.robot.lookup("#stopLeakSearchButton").query()));
        assertThat(progress(window)).contains("\u201cProduction\u201d: ");
    }

    /** Visible, and so are all its parents. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void paste(KeysWindow window, String text) throws Exception {
        window.press("#leakedButton");
        waitUntil(5, () -> window.robot.lookup("#leakedText").tryQuery().isPresent());
        TextArea pasted = window.robot.lookup("#leakedText").queryAs(TextArea.class);
        onFx((Runnable) () -> pasted.setText(text)); // what a paste does
    }

    private static String progress(KeysWindow window) throws Exception {
        return onFx(() -> window.robot.lookup("#leakedProgress").queryLabeled().getText());
    }

    private static ApiKey keyOn(SandboxGateway sandbox, IssuedKey key) throws Exception {
        return keysOn(sandbox).stream().filter(k -> k.id().equals(key.id())).findFirst().orElseThrow();
    }

    private static List<ApiKey> keysOn(SandboxGateway sandbox) throws Exception {
        try (var client = GatewayDriver.byId("multiroute").orElseThrow().connect(new GatewayTarget(sandbox.baseUrl(),
                AdminToken.of(sandbox.adminToken())))) {
            return client.listAllKeys(true, n -> { });
        }
    }
}
