package io.keydeck.ui.keys;

import io.keydeck.gateway.GatewayException;
import io.keydeck.model.ApiKey;
import io.keydeck.model.Capability;
import io.keydeck.model.KeyEnvironment;
import io.keydeck.model.KeyStatus;
import io.keydeck.sandbox.IssuedKey;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Revoke keys from the Keys view: a confirmation that names them, typed for live keys, a result per key. */
class RevokeKeysTest {
    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void aLiveKeyIsRevokedOnlyAfterItsNameIsTypedAndItsRowTurnsRevoked() throws Exception {
        window = KeysWindow.onSandbox();
        IssuedKey issued = window.sandbox().issueInferenceKey("Billing exporter");
        var robot = window.robot;
        window.showRevoked();
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(10, () -> window.row("Billing exporter") != null);
        ApiKey key = window.row("Billing exporter");
        window.select(key);
        onFx(() -> window.table().requestFocus());
        robot.type(KeyCode.DELETE);

        waitUntil(5, () -> robot.lookup("#confirmRevokeButton").tryQuery().isPresent());
        assertThat(KeysWindow.textOfAllWindows()).contains("Revoke \u201cBilling exporter\u201d (" + issued.hint() + ")?");
        Node confirm = robot.lookup("#confirmRevokeButton").query();
        assertThat(confirm.isDisabled()).isTrue();
        robot.clickOn("#revokeConfirmField").write("Billing");
        assertThat(onFx(confirm::isDisabled)).isTrue();
        robot.write(" exporter");
        assertThat(onFx(confirm::isDisabled)).isFalse();
        robot.clickOn(confirm);

        waitUntil(10, () -> window.row("Billing exporter").revoked());
        assertThat(KeysWindow.textOfAllWindows()).anyMatch(t -> t != null
                && t.startsWith("Billing exporter (" + issued.hint() + "): revoked (request id req_"));
        assertThat(window.row("Billing exporter").status(java.time.Instant.now())).isEqualTo(KeyStatus.REVOKED);
        robot.clickOn("#closeRevokeButton");
        ApiKey onGateway = window.client().listAllKeys(true, n -> { }).stream()
                .filter(k -> k.id().equals(key.id())).findFirst().orElseThrow();
        assertThat(onGateway.revoked()).isTrue();
    }

    @Test
    void revokingSeveralKeysReportsEachKeysOwnResult() throws Exception {
        ApiKey checkout = TestKeys.active("key_0001", "Checkout");
        ApiKey ci = TestKeys.key("key_0002", "CI smoke", KeyEnvironment.TEST, List.of("chat"), Duration.ofDays(3),
                null, null, false, false);
        ApiKey search = TestKeys.active("key_0003", "Search");
        FakeGatewayClient client = new FakeGatewayClient(List.of(checkout, ci, search))
                .withCapabilities(Capability.values())
                .failingRevokeOf("key_0002", new GatewayException(GatewayException.Kind.FORBIDDEN, 403,
                        "insufficient_permissions", "The token may not revoke test keys", "req_b0b"));
        window = KeysWindow.on(client);
        var robot = window.robot;
        window.select(checkout, ci, search);
        robot.clickOn("#revokeButton");

        waitUntil(5, () -> robot.lookup("#confirmRevokeButton").tryQuery().isPresent());
        List<String> texts = KeysWindow.textOfAllWindows();
        assertThat(texts).contains("Revoke these 3 keys?");
        assertThat(texts).anyMatch(t -> t != null && t.startsWith("Checkout ")).anyMatch(t -> t != null
                && t.startsWith("CI smoke ")).anyMatch(t -> t != null && t.startsWith("Search "));
        // a destructive button is never the default: Enter in this dialog cancels (issue 19, item 2)
        assertThat(robot.lookup("#confirmRevokeButton").queryButton().isDefaultButton()).isFalse();
        assertThat(robot.lookup("#closeRevokeButton").queryButton().isDefaultButton()).isTrue();
        robot.clickOn("#revokeConfirmField").write("revoke 3 keys");
        robot.clickOn("#confirmRevokeButton");

        waitUntil(10, () -> robot.lookup("#revokeSummary").tryQuery().isPresent()
                && KeysWindow.textOfAllWindows().contains("2 of 3 keys revoked."));
        texts = KeysWindow.textOfAllWindows();
        assertThat(texts).contains("Checkout (mrk_live_\u20260001): revoked (request id req_fake_key_0001)",
                "Search (mrk_live_\u20260003): revoked (request id req_fake_key_0003)",
                "CI smoke (mrk_test_\u20260002): The token may not revoke test keys (insufficient_permissions, HTTP 403)"
                        + " \u2014 request id req_b0b");
        assertThat(client.revokedIds()).containsExactly("key_0001", "key_0003");
        robot.clickOn("#closeRevokeButton");
        window.showRevoked();
        waitUntil(5, () -> window.row("Checkout") != null);
        assertThat(window.row("Checkout").revoked()).isTrue();
        assertThat(window.row("Search").revoked()).isTrue();
        assertThat(window.row("CI smoke").revoked()).isFalse();
    }
}
