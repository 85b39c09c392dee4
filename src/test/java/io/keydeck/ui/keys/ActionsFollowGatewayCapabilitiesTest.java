package io.keydeck.ui.keys;

import io.keydeck.model.Capability;
import io.keydeck.ui.FakeGatewayClient;
import io.keydeck.ui.TestKeys;
import javafx.scene.control.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.keydeck.ui.FxTestSupport.onFx;
import static io.keydeck.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** What a gateway cannot do is greyed out and says why; what it can do works from the toolbar. */
class ActionsFollowGatewayCapabilitiesTest {
    private KeysWindow window;

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void aReadOnlyGatewayGreysOutEveryChangeAndSaysWhy() throws Exception {
        window = KeysWindow.on(new FakeGatewayClient(TestKeys.many(3)).withCapabilities(Capability.LIST_KEYS));
        window.select(window.row("Service 1"));
        // looked up on the FX thread: the scene graph is the FX thread's
        Button create = onFx(() -> window.robot.lookup("#newKeyButton").queryAs(Button.class));
        Button revoke = onFx(() -> window.robot.lookup("#revokeButton").queryAs(Button.class));
        Button rename = onFx(() -> window.robot.lookup("#renameButton").queryAs(Button.class));
        waitUntil(5, create::isDisabled);
        assertThat(onFx(revoke::isDisabled)).isTrue();
        assertThat(onFx(rename::isDisabled)).isTrue();
        assertThat(onFx(() -> create.getTooltip().getText())).isEqualTo("Fake gateway does not support create key.");
        assertThat(onFx(() -> rename.getTooltip().getText())).isEqualTo("Fake gateway does not support rename key.");
        assertThat(onFx(() -> window.robot.lookup("#leakedButton").query().isDisabled())).isFalse();
    }

    @Test
    void renamingAndDisablingChangeTheRowInPlace() throws Exception {
        FakeGatewayClient client = new FakeGatewayClient(TestKeys.many(3)).withCapabilities(Capability.values());
        window = KeysWindow.on(client);
        window.select(window.row("Service 1"));
        window.press("#renameButton");
        window.typeInto("#renameField", "Checkout (EU)");
        window.press("#renameOkButton");
        waitUntil(5, () -> window.row("Checkout (EU)") != null);
        assertThat(window.row("Service 1")).isNull();

        window.select(window.row("Checkout (EU)"));
        window.press("#disableButton");
        waitUntil(5, () -> window.row("Checkout (EU)").disabled());
        assertThat(onFx(() -> window.table().getItems().size())).isEqualTo(3);
        assertThat(List.of(window.row("Service 0").disabled(), window.row("Service 2").disabled())).containsOnly(false);
    }
}
